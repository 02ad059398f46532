/**
 * Key → JSON rows with a version (`bot_storage`), so the Teams bot's turn state survives restarts
 * and is shared by every instance. A write based on a version only replaces that version.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { StorageConflictError, type KeyValueStore, type StoredValue } from '../../core/storage/key-value.js';
import type { Database } from '../client.js';
import { botStorage } from '../schema/index.js';

export function createBotStorageRepository(db: Database): KeyValueStore {
  async function overwrite(key: string, value: Record<string, unknown>): Promise<void> {
    await db
      .insert(botStorage)
      .values({ key, value })
      .onConflictDoUpdate({ target: botStorage.key, set: { value, etag: sql`${botStorage.etag} + 1`, updatedAt: new Date() } });
  }

  /** Replaces exactly version `etag`; `false` when the key does not exist (yet). */
  async function replaceVersion(key: string, value: Record<string, unknown>, etag: string): Promise<boolean> {
    const updated = await db
      .update(botStorage)
      .set({ value, etag: sql`${botStorage.etag} + 1`, updatedAt: new Date() })
      .where(and(eq(botStorage.key, key), eq(botStorage.etag, Number(etag))))
      .returning({ key: botStorage.key });
    if (updated.length > 0) return true;
    const [exists] = await db.select({ key: botStorage.key }).from(botStorage).where(eq(botStorage.key, key));
    if (exists) throw new StorageConflictError(`storage item changed since it was read: ${key}`);
    return false;
  }

  return {
    async read(keys) {
      const found = new Map<string, StoredValue>();
      if (keys.length === 0) return found;
      const rows = await db.select().from(botStorage).where(inArray(botStorage.key, [...keys]));
      for (const row of rows) found.set(row.key, { value: row.value as Record<string, unknown>, etag: String(row.etag) });
      return found;
    },
    async write(key, value, etag) {
      if (etag && etag !== '*' && (await replaceVersion(key, value, etag))) return;
      await overwrite(key, value);
    },
    async delete(keys) {
      if (keys.length > 0) await db.delete(botStorage).where(inArray(botStorage.key, [...keys]));
    },
  };
}
