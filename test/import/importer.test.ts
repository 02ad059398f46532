/**
 * Importing an existing list: the CSV reader on what Excel writes, every problem reported with
 * its line and nothing written, valid files stored like the dialogue and the Teams form store
 * them, re-imports idempotent — and the real CLI on an empty embedded database.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { ImportError } from '../../src/core/import/errors.js';
import { detectDelimiter, parseCsv, ParseError, readCsv } from '../../src/core/import/parse.js';
import { formatSummary, type ImportedIds, type ImportSummary } from '../../src/core/import/types.js';
import { addOrganisation } from '../../src/services/admin.js';
import { importFile } from '../../src/services/import.js';
import { consents, offers, participants, places, profileItems } from '../../src/db/schema/index.js';
import { seedPlaces } from '../../src/db/seed.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => path.join(FIXTURES, name);
const TODAY = '2026-10-01';

let test: TestDatabase;
const db = () => test.handle.db;
const tmp = mkdtempSync(path.join(tmpdir(), 'goesting-import-'));

beforeAll(async () => {
  test = await openTestDatabase();
  await seedPlaces(db());
  await addOrganisation(db(), { code: 'vdab', name: 'VDAB' });
  await addOrganisation(db(), { code: 'buurtwerk', name: 'Buurtwerk Turnhout' });
});
afterAll(async () => {
  await test.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Row counts of every table in the public schema. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(
    await db().execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: number | string }>(await db().execute(sql.raw(`select count(*) as n from "${name}"`)));
    out[name] = Number(row?.n);
  }
  return out;
}

/** Tables with any row whose text contains `needle`: a check that some words are stored nowhere. */
async function tablesContaining(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of Object.keys(await tableCounts())) {
    const result = await db().execute(sql`select count(*) as n from ${sql.identifier(name)} as t where t::text ilike ${`%${needle}%`}`);
    if (Number(rowsOf<{ n: number | string }>(result)[0]?.n) > 0) found.push(name);
  }
  return found;
}

async function refusal(promise: Promise<unknown>): Promise<readonly string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).problems;
}

async function participantByRef(ref: string) {
  const [row] = await db().select().from(participants).where(eq(participants.externalRef, ref));
  if (!row) throw new Error(`no participant ${ref}`);
  const items = await db().select().from(profileItems).where(eq(profileItems.participantId, row.id)).orderBy(asc(profileItems.kind));
  const given = await db().select().from(consents).where(eq(consents.participantId, row.id)).orderBy(asc(consents.purpose));
  return { row, items, consents: given };
}

async function offerByRef(ref: string) {
  const [row] = await db().select().from(offers).where(eq(offers.authorAadId, ref));
  if (!row) throw new Error(`no offer ${ref}`);
  const items = await db().select().from(profileItems).where(eq(profileItems.offerId, row.id));
  return { row, items };
}

const placeId = async (code: string) => (await db().select({ id: places.id }).from(places).where(eq(places.code, code)))[0]!.id;

describe('CSV reader', () => {
  it('reads quotes, escaped quotes, delimiters and line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",3\r\n"multi\r\nline",,"z"\n4,5,6';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x, "y"', '3'] },
      { line: 3, cells: ['multi\r\nline', '', 'z'] },
      { line: 5, cells: ['4', '5', '6'] },
    ]);
    expect(parseCsv('a,b\n\n"",x\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['', 'x'] },
    ]);
  });

  it('takes ; as delimiter when the header line has more of them (Belgian Excel)', () => {
    expect(detectDelimiter('\uFEFFtype;id;"a,b";place\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('type,id,place\n1;2;3;4')).toBe(',');
    expect(parseCsv('a;b\n"1;2";3')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1;2', '3'] },
    ]);
  });

  it('names the line of a quote left open, and of text after a closing quote', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrow(expect.objectContaining({ at: 3, message: expect.stringMatching(/not closed/) }));
    expect(() => parseCsv('a,b\n"1"x,2\n')).toThrow(ParseError);
  });

  it('skips empty lines and keeps the line each record starts on', () => {
    const table = readCsv('type;id\n\nparticipant;"a\nb"\n;\nask;c\n');
    expect(table.rows.map((r) => [r.at, r.values.get('id')])).toEqual([
      [3, 'a\nb'],
      [6, 'c'],
    ]);
  });
});

describe('importFile', () => {
  let first: ImportSummary;
  const committed: ImportedIds[] = [];

  it('refuses an invalid file with every problem on its line, and writes nothing', async () => {
    const before = await tableCounts();
    expect(await refusal(importFile(db(), fixture('invalid.csv'), { today: TODAY }))).toEqual([
      'line 2: place: unknown place "gent": expected one of borgerhout, lier, turnhout',
      'line 2: name: required',
      'line 2: language: unknown language "xx": expected one of nl, en, fr, ar, tr, uk, ro, fa',
      'line 2: availability: unknown slot "monday": expected day-part, like mon-morning, sat-evening',
      'line 2: consent: required: how consent was given, like "paper form 2026-10-01"',
      'line 3: organisation: unknown organisation "acme": add it first with "npm run admin -- org add"',
      'line 3: offer_type: expected one of course, job, volunteering, activity, space, material, service',
      'line 3: categories: unknown category "knitting": expected category ids like cooking, sewing (see the README)',
      'line 3: until: must not be before from',
      'line 3: capacity: expected a whole number from 1 to 10000',
      'line 4: type: unknown type "member": expected one of participant, offer, ask',
      'line 5: title: only used in offer and ask rows',
    ]);
    expect(await refusal(importFile(db(), fixture('duplicate.csv'), { today: TODAY }))).toEqual(['line 4: id: "p-1" is also used on line 2']);
    const json = await refusal(importFile(db(), fixture('invalid.json'), { today: TODAY }));
    expect(json).toHaveLength(4);
    expect(json[0]).toBe('row 2: consent: required: how consent was given, like "paper form 2026-10-01"');
    expect(json[1]).toMatch(/^row 2: colour: unknown column: expected type, id, place, /);
    expect(json.slice(2)).toEqual(['row 3: id: "j-1" is also used on row 1', 'row 3: languages: required: one or more, separated by commas']);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses unreadable files with one line', async () => {
    const write = (name: string, content: string | Buffer) => {
      writeFileSync(path.join(tmp, name), content);
      return path.join(tmp, name);
    };
    expect(await refusal(importFile(db(), write('list.xlsx', 'x'), { today: TODAY }))).toEqual(['list.xlsx: expected a .csv or .json file']);
    expect(await refusal(importFile(db(), path.join(tmp, 'missing.csv'), { today: TODAY }))).toEqual(['missing.csv: file not found']);
    expect(await refusal(importFile(db(), write('latin1.csv', Buffer.from([0x74, 0x79, 0x70, 0x65, 0x0a, 0xe9, 0x0a])), { today: TODAY }))).toEqual([
      'latin1.csv: not UTF-8 text; in Excel use "Save as" → "CSV UTF-8"',
    ]);
    expect(await refusal(importFile(db(), write('open.csv', 'type;id;place\nparticipant;"p-1;lier\n'), { today: TODAY }))).toEqual([
      'line 2: a quoted value is not closed (a " is missing)',
    ]);
    expect(await refusal(importFile(db(), write('header.csv', 'type;id;naam;naam\n'), { today: TODAY }))).toEqual([
      expect.stringMatching(/^line 1: naam: unknown column: expected type, id, place, name, /),
      expect.stringMatching(/^line 1: naam: unknown column/),
      'line 1: place: missing column',
    ]);
    expect(await refusal(importFile(db(), write('object.json', '{"type": "participant"}'), { today: TODAY }))).toEqual([
      'object.json: expected a JSON array of rows, like [{"type": "participant", "id": "1", …}]',
    ]);
    expect(await refusal(importFile(db(), write('nested.json', '[{"type": "participant", "id": {"a": 1}}]'), { today: TODAY }))).toEqual([
      'row 1: id: expected text, a number or a list of them',
    ]);
  });

  it('stores a valid CSV (; BOM CRLF, quoted line breaks) like the dialogue and the Teams form do', async () => {
    const bytes = readFileSync(fixture('valid.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const progress: [number, number][] = [];
    first = await importFile(db(), fixture('valid.csv'), {
      today: TODAY,
      onProgress: (done, total) => progress.push([done, total]),
      afterCommit: (ids) => {
        committed.push(ids);
      },
    });
    expect(formatSummary(first)).toBe('4 added, 0 updated, 0 unchanged');
    expect(first).toMatchObject({ rows: 4 });
    expect(first.participantIds).toHaveLength(2);
    expect(first.offerIds).toHaveLength(2);
    expect(committed).toEqual([{ participantIds: first.participantIds, offerIds: first.offerIds }]);
    expect(progress[0]).toEqual([0, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);

    const lier = await placeId('lier');
    const amina = await participantByRef('import:p-1');
    expect(first.participantIds).toContain(amina.row.id);
    expect(amina.row).toMatchObject({
      source: 'import',
      status: 'active',
      placeId: lier,
      displayName: 'Amina',
      neighbourhood: 'Centrum',
      language: 'ar',
      spokenLanguages: ['ar', 'nl', 'fr'],
      availability: ['mon-morning', 'wed-evening'],
      sensitiveFlags: [],
    });
    expect(amina.row.confirmedAt).toBeInstanceOf(Date);
    expect(amina.consents.map((c) => [c.purpose, c.method])).toEqual([
      ['matchmaker', 'import: paper form 2026-10-01'],
      ['profile', 'import: paper form 2026-10-01'],
    ]);
    const shared = { placeIds: [lier], languages: ['ar', 'nl', 'fr'], voiceFileId: null, offerId: null };
    expect(amina.items).toEqual([
      expect.objectContaining({ ...shared, kind: 'ambition', categories: ['meet_people', 'learn_dutch'], freeText: null, matchKeys: [`ambition:${lier}:meet_people`, `ambition:${lier}:learn_dutch`] }),
      expect.objectContaining({ ...shared, kind: 'goesting', categories: ['sewing'], freeText: 'أحب الخياطة', matchKeys: [`goesting:${lier}:sewing`] }),
      expect.objectContaining({ ...shared, kind: 'skill', categories: ['cooking', 'baking'], freeText: null }),
    ]);
  });

  it('keeps Dutch own words with their categories, and a sensitive need only as a flag', async () => {
    const lier = await placeId('lier');
    const jan = await participantByRef('import:p-2');
    expect(jan.row).toMatchObject({ displayName: 'Jan "Jantje" Peeters', spokenLanguages: ['nl'], sensitiveFlags: ['money_debts'], availability: ['sat-afternoon', 'sun-morning'] });
    expect(jan.consents.map((c) => c.method)).toEqual(['import: paper form; signed 2026-10-02', 'import: paper form; signed 2026-10-02']);
    expect(jan.items.map((i) => [i.kind, i.categories, i.freeText])).toEqual([
      ['ambition', ['work'], 'werk zoeken'],
      ['goesting', ['cooking'], 'ik kook graag'],
      ['skill', ['homework_help', 'computer_basics'], 'Ik help met huiswerk en met de computer'],
    ]);
    expect(jan.items.every((i) => i.placeIds.join() === String(lier))).toBe(true);
    // No need item at all: the words were the sensitive part, and they are stored nowhere.
    expect(await tablesContaining('schulden')).toEqual([]);
    expect(await tablesContaining('bij de bank')).toEqual([]);
  });

  it('stores offers and asks with their matching items', async () => {
    const [lier, borgerhout, turnhout] = [await placeId('lier'), await placeId('borgerhout'), await placeId('turnhout')];
    const course = await offerByRef('import:o-1');
    expect(first.offerIds).toContain(course.row.id);
    expect(course.row).toMatchObject({
      kind: 'offer',
      type: 'course',
      status: 'open',
      title: 'Naailes voor beginners',
      description: 'Leer naaien; machines zijn er.',
      categories: ['sewing', 'crafts'],
      placeCodes: ['lier', 'borgerhout'],
      languages: ['nl', 'en'],
      startsOn: '2026-10-15',
      endsOn: '2026-12-31',
      capacity: 12,
      contact: 'Els, 03 123 45 67',
    });
    expect(course.items).toEqual([
      expect.objectContaining({
        participantId: null,
        kind: 'offer',
        categories: ['sewing', 'crafts'],
        freeText: 'Naailes voor beginners · Leer naaien; machines zijn er.',
        placeIds: [lier, borgerhout],
        languages: ['nl', 'en'],
        validUntil: new Date('2026-12-31T23:59:59Z'),
        matchKeys: [`offer:${lier}:sewing`, `offer:${lier}:crafts`, `offer:${borgerhout}:sewing`, `offer:${borgerhout}:crafts`],
      }),
    ]);
    const ask = await offerByRef('import:o-2');
    expect(ask.row).toMatchObject({ kind: 'ask', type: 'volunteering', description: 'Wie helpt "fietsen" herstellen?', capacity: null, startsOn: null, endsOn: null });
    expect(ask.items.map((i) => [i.kind, i.placeIds, i.matchKeys])).toEqual([['ask', [turnhout], [`ask:${turnhout}:bike_repair`, `ask:${turnhout}:odd_jobs`]]]);
  });

  it('stores a JSON list the same way (lists, numbers and null as values)', async () => {
    const summary = await importFile(db(), fixture('valid.json'), { today: TODAY });
    expect(formatSummary(summary)).toBe('2 added, 0 updated, 0 unchanged');
    const borgerhout = await placeId('borgerhout');
    const olena = await participantByRef('import:j-1');
    expect(olena.row).toMatchObject({ language: 'uk', spokenLanguages: ['uk', 'en'], availability: ['mon-morning', 'tue-evening'], sensitiveFlags: ['housing'], neighbourhood: null });
    expect(olena.items.map((i) => [i.kind, i.categories, i.freeText, i.placeIds])).toEqual([
      ['ambition', ['work'], null, [borgerhout]],
      ['goesting', ['music', 'gardening'], 'tuinieren', [borgerhout]],
      ['skill', ['bike_repair'], 'I can fix bikes', [borgerhout]],
    ]);
    expect(await tablesContaining('logement')).toEqual([]);
    const training = await offerByRef('import:j-2');
    expect(training.row).toMatchObject({ kind: 'offer', capacity: 8, languages: ['nl', 'en'], categories: ['cv_writing', 'job_search'], endsOn: null });
    expect(training.items).toHaveLength(1);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await tableCounts();
    const [amina] = await db().select().from(participants).where(eq(participants.externalRef, 'import:p-1'));
    const again = await importFile(db(), fixture('valid.csv'), { today: TODAY, afterCommit: (ids) => void committed.push(ids) });
    expect(formatSummary(again)).toBe('0 added, 0 updated, 4 unchanged');
    expect(again).toMatchObject({ participantIds: [], offerIds: [] });
    expect(committed.at(-1)).toEqual({ participantIds: [], offerIds: [] });
    expect(formatSummary(await importFile(db(), fixture('valid.json'), { today: TODAY }))).toBe('0 added, 0 updated, 2 unchanged');
    expect(await tableCounts()).toEqual(before);
    const [after] = await db().select().from(participants).where(eq(participants.externalRef, 'import:p-1'));
    expect(after).toEqual(amina);
  });

  it('updates the rows that changed in the sheet', async () => {
    const before = await tableCounts();
    const aminaBefore = await participantByRef('import:p-1');
    const changed = readFileSync(fixture('valid.csv'), 'utf8')
      .replace(';Amina;ar;', ';Amina B.;ar;')
      .replace(';أحب الخياطة;', ';tuinieren;')
      .replace('paper form 2026-10-01', 'phone call 2026-10-03')
      .replace('Naailes voor beginners', 'Naailes voor iedereen')
      .replace('lier borgerhout', 'lier');
    const file = path.join(tmp, 'changed.csv');
    writeFileSync(file, changed);
    const summary = await importFile(db(), file, { today: TODAY });
    expect(formatSummary(summary)).toBe('0 added, 2 updated, 2 unchanged');
    const lier = await placeId('lier');
    const amina = await participantByRef('import:p-1');
    expect(summary.participantIds).toEqual([amina.row.id]);
    expect(amina.row).toMatchObject({ id: aminaBefore.row.id, displayName: 'Amina B.', confirmedAt: aminaBefore.row.confirmedAt });
    expect(amina.items.find((i) => i.kind === 'goesting')).toMatchObject({ categories: ['gardening'], freeText: 'tuinieren', matchKeys: [`goesting:${lier}:gardening`] });
    expect(amina.consents.map((c) => c.method)).toEqual(['import: phone call 2026-10-03', 'import: phone call 2026-10-03']);
    const course = await offerByRef('import:o-1');
    expect(summary.offerIds).toEqual([course.row.id]);
    expect(course.row).toMatchObject({ title: 'Naailes voor iedereen', placeCodes: ['lier'] });
    expect(course.items.map((i) => [i.freeText, i.placeIds])).toEqual([['Naailes voor iedereen · Leer naaien; machines zijn er.', [lier]]]);
    // The offer now has one place instead of two, so it has fewer index keys; no other table changes size.
    const { profile_item_keys: keysAfter, ...after } = await tableCounts();
    const { profile_item_keys: keysBefore, ...rest } = before;
    expect(after).toEqual(rest);
    expect(keysAfter).toBeLessThan(keysBefore!);
    expect(formatSummary(await importFile(db(), file, { today: TODAY }))).toBe('0 added, 0 updated, 4 unchanged');
  });
});

describe('npm run import', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'goesting-import-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** A real entry point, in a bare environment: no DATABASE_URL, so embedded PGlite in DATA_DIR. */
  function run(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', tsx, path.join(root, script), ...args],
        { cwd: dataDir, env: { PATH: process.env.PATH, DATA_DIR: dataDir } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it('imports a file once, then finds it unchanged; refuses a bad file with exit 1 and no file with 2', async () => {
    expect((await run('src/cli/admin.ts', 'place', 'add', '--code', 'lier', '--name', 'Lier', '--city', 'Lier')).code).toBe(0);
    expect((await run('src/cli/admin.ts', 'org', 'add', '--code', 'vdab', '--name', 'VDAB')).code).toBe(0);
    const file = path.join(dataDir, 'list.csv');
    writeFileSync(
      file,
      'type,id,place,name,goesting,consent,organisation,title,description,offer_type,categories,languages,contact\n' +
        'participant,17,lier,Fatma,"ik kook graag, naaien",paper form 2026-10-01,,,,,,,\n' +
        'offer,18,lier,,,,vdab,Kookcursus,Samen koken,course,cooking,nl,VDAB Lier\n',
    );
    const imported = await run('src/cli/import.ts', file);
    expect(imported).toEqual({ code: 0, stdout: expect.stringMatching(/: 2 row\(s\): 2 added, 0 updated, 0 unchanged; \d+ suggestion\(s\) found\.\n$/), stderr: '' });
    const again = await run('src/cli/import.ts', '--', file);
    expect(again).toEqual({ code: 0, stdout: expect.stringMatching(/: 2 row\(s\): 0 added, 0 updated, 2 unchanged; 0 suggestion\(s\) found\.\n$/), stderr: '' });
    const refused = await run('src/cli/import.ts', fixture('duplicate.csv'));
    expect(refused).toEqual({ code: 1, stdout: '', stderr: 'line 4: id: "p-1" is also used on line 2\n' });
    const misused = await run('src/cli/import.ts');
    expect(misused.code).toBe(2);
    expect(misused.stderr).toMatch(/^Name the file to import\.\n\nUsage: npm run import/);
  }, 120_000);
});
