/**
 * botbuilder `Storage` in PostgreSQL, so teams-ai turn state survives restarts and is shared
 * by every instance. An item written with an `eTag` only replaces the version it was read as.
 */
import type { Storage, StoreItems } from 'botbuilder';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { botStorage } from '../../db/schema/index.js';

export class StorageConflictError extends Error {
  override name = 'StorageConflictError';
}

export function createPostgresStorage(db: Database): Storage {
  return {
    async read(keys: string[]): Promise<StoreItems> {
      if (keys.length === 0) return {};
      const rows = await db.select().from(botStorage).where(inArray(botStorage.key, keys));
      const items: StoreItems = {};
      for (const row of rows) items[row.key] = { ...(row.value as object), eTag: String(row.etag) };
      return items;
    },
    async write(changes: StoreItems): Promise<void> {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = (item ?? {}) as { eTag?: string };
        if (eTag && eTag !== '*') {
          const updated = await db
            .update(botStorage)
            .set({ value, etag: sql`${botStorage.etag} + 1`, updatedAt: new Date() })
            .where(and(eq(botStorage.key, key), eq(botStorage.etag, Number(eTag))))
            .returning({ key: botStorage.key });
          if (updated.length > 0) continue;
          const [exists] = await db.select({ key: botStorage.key }).from(botStorage).where(eq(botStorage.key, key));
          if (exists) throw new StorageConflictError(`storage item changed since it was read: ${key}`);
        }
        await db
          .insert(botStorage)
          .values({ key, value })
          .onConflictDoUpdate({ target: botStorage.key, set: { value, etag: sql`${botStorage.etag} + 1`, updatedAt: new Date() } });
      }
    },
    async delete(keys: string[]): Promise<void> {
      if (keys.length > 0) await db.delete(botStorage).where(inArray(botStorage.key, keys));
    },
  };
}
