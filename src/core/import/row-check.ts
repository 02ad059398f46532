/** One row's checks and the small helpers every kind of row uses. */
import type { Problem } from './errors.js';
import type { SourceRow } from './parse.js';
import type { ImportLookup } from './types.js';

/** One row's checks: `fail` records a problem and returns undefined, so checks read as values. */
export class RowCheck {
  readonly problems: Problem[] = [];
  constructor(private readonly row: SourceRow) {}
  get(column: string): string {
    return this.row.values.get(column) ?? '';
  }
  fail(column: string, reason: string): undefined {
    this.problems.push({ at: this.row.at, column, reason });
    return undefined;
  }
}

export const splitList = (value: string) => value.split(/[\s,|;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
export const unique = <T>(values: T[]) => [...new Set(values)];
export const choices = (values: readonly string[]) => values.join(', ');

export function oneOf(check: RowCheck, column: string, value: string, allowed: readonly string[], what: string): boolean {
  if (allowed.includes(value)) return true;
  check.fail(column, `unknown ${what} "${value}": expected one of ${choices(allowed)}`);
  return false;
}

export function placeIdOf(check: RowCheck, code: string, lookup: ImportLookup): number | undefined {
  if (code === '') return check.fail('place', 'required: the code of a place, like lier');
  const id = lookup.places.get(code);
  if (id !== undefined) return id;
  const known = lookup.places.size > 0 ? `expected one of ${choices([...lookup.places.keys()].sort())}` : 'add places first with "npm run admin -- place add"';
  return check.fail('place', `unknown place "${code}": ${known}`);
}
