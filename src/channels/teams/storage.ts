/**
 * botbuilder `Storage` on a key-value store (the `bot_storage` repository), so teams-ai turn
 * state survives restarts and is shared by every instance. An item written with an `eTag` only
 * replaces the version it was read as.
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { KeyValueStore } from '../../core/storage/key-value.js';

export function createTeamsStorage(store: KeyValueStore): Storage {
  return {
    async read(keys: string[]): Promise<StoreItems> {
      const items: StoreItems = {};
      for (const [key, stored] of await store.read(keys)) items[key] = { ...stored.value, eTag: stored.etag };
      return items;
    },
    async write(changes: StoreItems): Promise<void> {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = (item ?? {}) as { eTag?: string };
        await store.write(key, value, eTag);
      }
    },
    async delete(keys: string[]): Promise<void> {
      await store.delete(keys);
    },
  };
}
