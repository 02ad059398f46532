/** How an admin command is refused: one line that names the option and says what is expected. */

/** A command refused: the message is one line that names the option and says what is expected. */
export class AdminError extends Error {
  override name = 'AdminError';
}

/** The tenant is registered to another organisation, which is named. */
export function tenantConflict(owner: { tenant: string; code: string; name: string }): AdminError {
  return new AdminError(
    `--tenant ${owner.tenant} is already registered to organisation ${owner.code} (${owner.name}): expected a tenant no other organisation has (to move it, first run "org remove-tenant --tenant ${owner.tenant}")`,
  );
}

/** No place has this code; lists the codes (sorted) an admin could have meant. */
export function unknownPlace(placeCode: string, knownCodes: readonly string[]): AdminError {
  const known = knownCodes.length > 0 ? `one of ${knownCodes.join(', ')}` : 'a place added first with "place add"';
  return new AdminError(`--place ${placeCode} is not a known place: expected ${known}`);
}
