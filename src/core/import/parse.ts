/**
 * Reads an import file into rows of named text values, each with where it came from in the file,
 * so every problem can be reported as `line N` (CSV) or `row N` (JSON). No dependencies: an
 * RFC 4180 CSV reader that also takes what Belgian Excel writes (`;`, CRLF, a UTF-8 BOM).
 */

/** A file that cannot be read as rows at all; `at` is the line (CSV) or row (JSON) to blame. */
export class ParseError extends Error {
  override name = 'ParseError';
  constructor(
    message: string,
    readonly at?: number,
  ) {
    super(message);
  }
}

/** One CSV record with the file line it starts on (a quoted field may span several lines). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** One row of either format, with header names lower-cased and trimmed. */
export interface SourceRow {
  /** CSV: the file line the record starts on; JSON: the array index + 1. */
  readonly at: number;
  readonly values: ReadonlyMap<string, string>;
}

/** A whole file as rows; `unit` says how `at` is to be read in messages. */
export interface SourceTable {
  readonly unit: 'line' | 'row';
  /** The columns present (CSV: the header; JSON: every key used), in first-seen order. */
  readonly columns: readonly string[];
  readonly rows: readonly SourceRow[];
}

const BOM = '\uFEFF';

/** `;` when the header line has more semicolons than commas outside quotes (Excel in nl-BE/fr-BE). */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text.startsWith(BOM) ? text.slice(1) : text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * RFC 4180 records: fields in double quotes may hold the delimiter, line breaks and `""` for a
 * quote; lines end in CRLF or LF. A quote inside an unquoted field is kept as it is.
 */
export function parseCsv(input: string, delimiter: string = detectDelimiter(input)): CsvRecord[] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      const closed = readQuoted(text, i + 1, line);
      field = closed.value;
      line = closed.line;
      i = closed.next;
      const after = text[i];
      if (after !== undefined && after !== delimiter && after !== '\n' && after !== '\r') {
        throw new ParseError(`a closing quote must be followed by "${delimiter}" or the end of the line`, line);
      }
      if (after === undefined) break;
      continue;
    }
    if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      recordLine = line;
    } else field += ch;
    i += 1;
  }
  // A last line without a line break still counts; a final line break does not add an empty record.
  if (field !== '' || cells.length > 0 || (text.length > 0 && !/[\r\n]$/.test(text))) endRecord();
  return records;
}

/** Reads a quoted field from just after its opening quote; returns where reading goes on. */
function readQuoted(text: string, start: number, startLine: number): { value: string; next: number; line: number } {
  let value = '';
  let line = startLine;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 1;
        continue;
      }
      return { value, next: i + 1, line };
    }
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
    value += ch;
  }
  throw new ParseError('a quoted value is not closed (a " is missing)', startLine);
}

const headerName = (name: string) => name.trim().toLowerCase();

/** A CSV file as rows; the header is line 1 and wholly empty lines are skipped. */
export function readCsv(text: string): SourceTable {
  const records = parseCsv(text);
  const [header, ...body] = records;
  if (!header || header.cells.every((c) => c.trim() === '')) throw new ParseError('the file is empty: expected a header line with the column names', 1);
  const columns = header.cells.map(headerName);
  const rows: SourceRow[] = [];
  for (const record of body) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    const values = new Map<string, string>();
    record.cells.forEach((cell, index) => {
      const name = columns[index];
      // Cells past the header are kept under a positional name, so the importer can report them.
      values.set(name === undefined || name === '' ? `#${index + 1}` : name, cell);
    });
    rows.push({ at: record.line, values });
  }
  return { unit: 'line', columns, rows };
}

/** A JSON value as cell text: lists become `a,b`, numbers their digits, null empty. */
function cellOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(',');
  return undefined;
}

/** A JSON array of objects as rows; values must be text, numbers or lists of them. */
export function readJson(text: string): SourceTable {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch (error) {
    throw new ParseError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(data)) throw new ParseError('expected a JSON array of rows, like [{"type": "participant", "id": "1", …}]');
  const columns: string[] = [];
  const rows = data.map((item: unknown, index): SourceRow => {
    const at = index + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new ParseError('expected an object with the columns as keys', at);
    const values = new Map<string, string>();
    for (const [key, value] of Object.entries(item)) {
      const name = headerName(key);
      const cell = cellOf(value);
      if (cell === undefined) throw new ParseError(`${name}: expected text, a number or a list of them`, at);
      if (!columns.includes(name)) columns.push(name);
      values.set(name, cell);
    }
    return { at, values };
  });
  return { unit: 'row', columns, rows };
}
