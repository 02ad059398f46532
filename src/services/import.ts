/**
 * Loads a Stuyfplek's existing list — residents, offers and asks, one per row — from CSV or JSON.
 * Every row is checked first (`core/import/`) and all problems are reported as `line N: column:
 * reason`; only a wholly valid file is written, in one transaction (`db/repositories/import-store.ts`).
 * Rows carry the sheet's own id, so importing the same file again changes nothing, and a changed
 * row updates what it wrote before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportError } from '../core/import/errors.js';
import { ParseError, readCsv, readJson, type SourceTable } from '../core/import/parse.js';
import { validateTable } from '../core/import/table.js';
import type { ImportedIds, ImportSummary } from '../core/import/types.js';
import type { Matcher } from '../core/matching/matcher.js';
import type { Database } from '../db/client.js';
import { loadImportLookup, writeImport } from '../db/repositories/import-store.js';

export interface ImportOptions {
  /** YYYY-MM-DD: offers ending before it are refused, as in the Teams form. */
  readonly today: string;
  /** Rows written so far, of all rows; called at the start and after each batch. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Runs once the transaction has committed, with what changed (e.g. to start matching). */
  readonly afterCommit?: (ids: ImportedIds) => Promise<void> | void;
}

function decode(name: string, filePath: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ImportError([code === 'ENOENT' ? `${name}: file not found` : `${name}: cannot be read (${code})`]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError([`${name}: not UTF-8 text; in Excel use "Save as" → "CSV UTF-8"`]);
  }
}

/** The file's rows; a file that cannot be read at all is one `ImportError` line. */
export function readImportFile(filePath: string): SourceTable {
  const name = path.basename(filePath);
  const ext = path.extname(filePath).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') throw new ImportError([`${name}: expected a .csv or .json file`]);
  const text = decode(name, filePath);
  try {
    return ext === '.csv' ? readCsv(text) : readJson(text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const unit = ext === '.csv' ? 'line' : 'row';
    throw new ImportError([error.at === undefined ? `${name}: ${error.message}` : `${unit} ${error.at}: ${error.message}`]);
  }
}

/**
 * Imports a `.csv` or `.json` list: validates every row (an `ImportError` lists all problems and
 * nothing is written), then writes everything in one transaction and calls `afterCommit`.
 */
export async function importFile(db: Database, filePath: string, options: ImportOptions): Promise<ImportSummary> {
  const table = readImportFile(filePath);
  const drafts = validateTable(table, await loadImportLookup(db, options.today));
  const tally = await writeImport(db, drafts, options.onProgress);
  const ids: ImportedIds = { participantIds: tally.participantIds, offerIds: tally.offerIds };
  await options.afterCommit?.(ids);
  return { rows: drafts.length, ...tally };
}

/** Runs the matcher for every added or updated participant and offer; returns the suggestions' pair keys. */
export async function matchImported(matcher: Matcher, ids: ImportedIds): Promise<Set<string>> {
  const suggestions = new Set<string>();
  for (const id of ids.participantIds) for (const plan of await matcher.matchParticipant(id)) suggestions.add(plan.pairKey);
  for (const id of ids.offerIds) for (const plan of await matcher.matchOffer(id)) suggestions.add(plan.pairKey);
  return suggestions;
}
