/**
 * A whole table → the drafts of every row, or an `ImportError` listing every problem in file
 * order as `line N: column: reason` (`row N` for JSON). Pure: the lookup says what exists.
 */
import { ImportError, type Problem } from './errors.js';
import { validateOffer } from './offer-rows.js';
import type { SourceRow, SourceTable } from './parse.js';
import { validateParticipant } from './participant-rows.js';
import { choices, RowCheck } from './row-check.js';
import { ALL_COLUMNS, IMPORT_COLUMNS, ROW_TYPES, type ImportDraft, type ImportLookup, type RowType } from './types.js';

const MAX_ID = 100;

/** Columns filled in that belong to the other kind of row: likely a shifted sheet. */
function checkUnusedColumns(check: RowCheck, row: SourceRow, type: RowType): void {
  const own: readonly string[] = type === 'participant' ? IMPORT_COLUMNS.participant : IMPORT_COLUMNS.offer;
  for (const [column, value] of row.values) {
    if (value.trim() === '' || (IMPORT_COLUMNS.common as readonly string[]).includes(column) || own.includes(column)) continue;
    if (column.startsWith('#')) check.fail(`column ${column.slice(1)}`, 'a value past the last column of the header');
    else if (!ALL_COLUMNS.includes(column)) check.fail(column, `unknown column: expected ${choices(ALL_COLUMNS)}`);
    else check.fail(column, type === 'participant' ? 'only used in offer and ask rows' : 'only used in participant rows');
  }
}

/** A row's problems in the order of the documented columns (stable; others last). */
function inColumnOrder(problems: Problem[]): Problem[] {
  const rank = (p: Problem) => (ALL_COLUMNS.includes(p.column) ? ALL_COLUMNS.indexOf(p.column) : ALL_COLUMNS.length);
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

function validateRow(row: SourceRow, lookup: ImportLookup, seen: Map<string, number>, unit: string): { draft?: ImportDraft; problems: Problem[] } {
  const check = new RowCheck(row);
  const id = check.get('id').trim();
  if (id === '') check.fail('id', "required: the row's own id in the sheet, unique in the file");
  else if (id.length > MAX_ID) check.fail('id', `at most ${MAX_ID} characters`);
  else if (seen.has(id)) check.fail('id', `"${id}" is also used on ${unit} ${seen.get(id)}`);
  else seen.set(id, row.at);
  const type = check.get('type').trim().toLowerCase();
  if (!(ROW_TYPES as readonly string[]).includes(type)) {
    check.fail('type', type === '' ? `required: one of ${choices(ROW_TYPES)}` : `unknown type "${type}": expected one of ${choices(ROW_TYPES)}`);
    return { problems: inColumnOrder(check.problems) };
  }
  const rowType = type as RowType;
  checkUnusedColumns(check, row, rowType);
  const ref = `import:${id}`;
  const draft = rowType === 'participant' ? validateParticipant(check, ref, lookup) : validateOffer(check, ref, rowType, lookup);
  return check.problems.length > 0 || !draft ? { problems: inColumnOrder(check.problems) } : { draft, problems: [] };
}

function checkHeader(table: SourceTable): Problem[] {
  if (table.unit !== 'line') return [];
  const problems: Problem[] = [];
  table.columns.forEach((column, index) => {
    if (column === '') problems.push({ at: 1, column: `column ${index + 1}`, reason: 'the header has no name here' });
    else if (!ALL_COLUMNS.includes(column)) problems.push({ at: 1, column, reason: `unknown column: expected ${choices(ALL_COLUMNS)}` });
    else if (table.columns.indexOf(column) !== index) problems.push({ at: 1, column, reason: 'this column appears twice' });
  });
  for (const column of ['type', 'id', 'place']) {
    if (!table.columns.includes(column)) problems.push({ at: 1, column, reason: 'missing column' });
  }
  return problems;
}

/** All drafts of a valid table, or an `ImportError` listing every problem in file order. */
export function validateTable(table: SourceTable, lookup: ImportLookup): ImportDraft[] {
  const format = (p: Problem) => `${table.unit} ${p.at}: ${p.column}: ${p.reason}`;
  const header = checkHeader(table);
  if (header.length > 0) throw new ImportError(header.map(format));
  const seen = new Map<string, number>();
  const drafts: ImportDraft[] = [];
  const problems: Problem[] = [];
  for (const row of table.rows) {
    const result = validateRow(row, lookup, seen, table.unit);
    if (result.draft) drafts.push(result.draft);
    problems.push(...result.problems);
  }
  if (problems.length > 0) throw new ImportError(problems.map(format));
  return drafts;
}

