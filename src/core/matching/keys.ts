/**
 * Index keys of an item: one per (kind, place, category), e.g. `skill:3:sewing`. A trigger copies
 * them to `profile_item_keys`, so candidates come from exact index look-ups, never a scan of everyone.
 */
export function matchKeys(kind: string, placeIds: readonly number[], categories: readonly string[]): string[] {
  const keys: string[] = [];
  for (const place of placeIds) for (const category of categories) keys.push(`${kind}:${place}:${category}`);
  return keys;
}
