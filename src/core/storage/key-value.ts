/**
 * A store of JSON values by key with optimistic concurrency: each stored value has a version
 * (`etag`), and a write based on a version only replaces that version. Bot frameworks keep their
 * turn state in it; implemented in `src/db`.
 */

export interface StoredValue {
  readonly value: Record<string, unknown>;
  /** The version read; pass it back to write over exactly this version. */
  readonly etag: string;
}

/** A write based on a version that is no longer the stored one. */
export class StorageConflictError extends Error {
  override name = 'StorageConflictError';
}

export interface KeyValueStore {
  /** The stored values of these keys; missing keys are absent from the map. */
  read(keys: readonly string[]): Promise<ReadonlyMap<string, StoredValue>>;
  /**
   * Writes one value. With an `etag` (other than `*`) it replaces only that version of an
   * existing key and throws {@link StorageConflictError} when the key changed since; without
   * one it inserts or overwrites.
   */
  write(key: string, value: Record<string, unknown>, etag?: string): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
}
