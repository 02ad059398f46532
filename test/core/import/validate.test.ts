/** The import's rules without a database: a table and a lookup in, drafts or the exact problem lines out. */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/core/import/errors.js';
import { readCsv } from '../../../src/core/import/parse.js';
import { validateTable } from '../../../src/core/import/table.js';
import type { ImportLookup } from '../../../src/core/import/types.js';
import { matchKeys } from '../../../src/core/matching/keys.js';

const LOOKUP: ImportLookup = { places: new Map([['lier', 1], ['turnhout', 2]]), organisations: new Map([['vdab', 7]]), today: '2026-10-01' };

function problems(csv: string): readonly string[] {
  try {
    validateTable(readCsv(csv), LOOKUP);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).problems;
  }
  throw new Error('expected the table to be refused');
}

describe('validateTable', () => {
  it('turns a valid participant row into a draft', () => {
    const drafts = validateTable(readCsv('type,id,place,name,goesting,availability,consent\nparticipant,17,lier,Fatma,cooking,sat-evening,paper form 2026-10-01\n'), LOOKUP);
    expect(drafts).toEqual([
      {
        type: 'participant',
        ref: 'import:17',
        columns: { placeId: 1, displayName: 'Fatma', neighbourhood: null, language: 'nl', spokenLanguages: ['nl'], availability: ['sat-evening'], sensitiveFlags: [] },
        items: [{ kind: 'goesting', categories: ['cooking'], freeText: null, placeIds: [1], languages: ['nl'], matchKeys: matchKeys('goesting', [1], ['cooking']) }],
        consentMethod: 'import: paper form 2026-10-01',
      },
    ]);
  });

  it('refuses a bad row with its exact problem lines', () => {
    expect(problems('type,id,place,name,consent\nparticipant,p-1,gent,Els,\n')).toEqual([
      'line 2: place: unknown place "gent": expected one of lier, turnhout',
      'line 2: consent: required: how consent was given, like "paper form 2026-10-01"',
    ]);
    expect(problems('type,id,place\nmember,m-1,lier\n')).toEqual(['line 2: type: unknown type "member": expected one of participant, offer, ask']);
  });
});

describe('own words in an import cell, fail safe', () => {
  it('keeps the ordinary categories of a cell that also names a sensitive need, never its words', () => {
    const csv = 'type,id,place,name,skills,needs,consent\nparticipant,18,lier,Omar,"ik kook graag, en ik heb ook schulden","werk zoeken, mijn huur betalen lukt niet",paper form\n';
    const [draft] = validateTable(readCsv(csv), LOOKUP);
    expect(draft?.type === 'participant' && draft.columns.sensitiveFlags).toEqual(['money_debts', 'housing']);
    const items = draft?.type === 'participant' ? draft.items : [];
    expect(items.map((i) => [i.kind, i.categories, i.freeText])).toEqual([
      ['skill', ['cooking'], null],
      ['need', ['job_search'], null],
    ]);
    expect(JSON.stringify(draft)).not.toMatch(/schulden|huur/);
  });

  it('keeps own words it did not understand, except in the needs column', () => {
    const csv = 'type,id,place,name,goesting,needs,consent\nparticipant,19,lier,Ana,qwzx plop,mai multe banci in parc,paper form\n';
    const [draft] = validateTable(readCsv(csv), LOOKUP);
    const items = draft?.type === 'participant' ? draft.items : [];
    expect(items.map((i) => [i.kind, i.categories, i.freeText])).toEqual([['goesting', [], 'qwzx plop']]);
    expect(JSON.stringify(draft)).not.toContain('banci');
  });
});
