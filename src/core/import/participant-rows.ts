/**
 * A participant row → what the dialogue would have stored: columns, items per part (goesting,
 * skills, needs, ambition) and how consent was given; or its problems on the row's check.
 */
import { cleanText, MAX_FREE_TEXT, MAX_NAME } from '../dialogue/text.js';
import { matchKeys } from '../matching/keys.js';
import { AMBITIONS, CATEGORY_BY_ID, DEFAULT_LANG, SENSITIVE_FLAGS, SLOTS, SPOKEN_LANGUAGES, UI_LANGUAGES, isLang, type Lang, type SensitiveFlag } from '../taxonomy/categories.js';
import { readOwnWords } from '../taxonomy/own-words.js';
import { oneOf, placeIdOf, splitList, unique, type RowCheck } from './row-check.js';
import type { ImportLookup, ItemDraft, ParticipantDraft } from './types.js';

const MAX_NEIGHBOURHOOD = 60;
const MAX_CONSENT = 200;
const HAS_LETTER = /\p{L}/u;

/** Categories and own words of one part, as the dialogue would have kept them. */
interface Part {
  categories: string[];
  flags: SensitiveFlag[];
  text: string | null;
}

/**
 * Ids among `|`/`,`-separated pieces are taken as chosen; the other pieces are own words, read in
 * the row's language like typed text: categories, or ambition ids in the ambition column. Words naming a sensitive
 * topic, in any column, become flags and are dropped; their ordinary categories stay.
 */
function readPart(check: RowCheck, column: 'goesting' | 'skills' | 'needs' | 'ambition', lang: Lang | undefined): Part | undefined {
  const pieces = check.get(column).split(/[|,]/).map(cleanText).filter(Boolean);
  const ids: readonly string[] = column === 'ambition' ? AMBITIONS : [...CATEGORY_BY_ID.keys()];
  const part: Part = { categories: [], flags: [], text: null };
  const words: string[] = [];
  for (const piece of pieces) {
    const id = piece.toLowerCase();
    if (ids.includes(id)) part.categories.push(id);
    else if (column === 'needs' && (SENSITIVE_FLAGS as readonly string[]).includes(id)) part.flags.push(id as SensitiveFlag);
    else words.push(piece);
  }
  const text = words.join(', ');
  if (text.length > MAX_FREE_TEXT) return check.fail(column, `own words must be at most ${MAX_FREE_TEXT} characters (this is ${text.length})`);
  // Fail safe, in every column: a sensitive topic becomes a flag and the words go; the ordinary
  // categories of the same cell stay.
  const read = readOwnWords(text, { part: column, lang });
  part.flags.push(...read.flags);
  if (read.keepWords && text) part.text = text;
  for (const piece of words) {
    const own = readOwnWords(piece, { part: column, lang });
    part.categories.push(...(column === 'ambition' ? own.ambitions : own.categories));
  }
  part.categories = unique(part.categories);
  return part;
}

function readName(check: RowCheck): string | undefined {
  const name = cleanText(check.get('name'));
  if (name === '') return check.fail('name', 'required');
  if (name.length > MAX_NAME) return check.fail('name', `at most ${MAX_NAME} characters`);
  return HAS_LETTER.test(name) ? name : check.fail('name', 'must contain a letter');
}

function readLanguages(check: RowCheck, fallback: string): string[] {
  const codes = unique(splitList(check.get('languages')));
  codes.forEach((code) => oneOf(check, 'languages', code, SPOKEN_LANGUAGES, 'language'));
  return codes.length > 0 ? codes : [fallback];
}

function readAvailability(check: RowCheck): string[] {
  const slots = unique(splitList(check.get('availability')));
  for (const slot of slots) {
    if (!SLOTS.includes(slot)) check.fail('availability', `unknown slot "${slot}": expected day-part, like mon-morning, sat-evening`);
  }
  return slots.filter((slot) => SLOTS.includes(slot)).sort((a, b) => SLOTS.indexOf(a) - SLOTS.indexOf(b));
}

const PART_KINDS = { goesting: 'goesting', skills: 'skill', needs: 'need', ambition: 'ambition' } as const;

export function validateParticipant(check: RowCheck, ref: string, lookup: ImportLookup): ParticipantDraft | undefined {
  const placeId = placeIdOf(check, check.get('place').trim().toLowerCase(), lookup);
  const displayName = readName(check);
  const language = check.get('language').trim().toLowerCase() || DEFAULT_LANG;
  oneOf(check, 'language', language, UI_LANGUAGES, 'language');
  const spokenLanguages = readLanguages(check, language);
  const neighbourhood = cleanText(check.get('neighbourhood'));
  if (neighbourhood.length > MAX_NEIGHBOURHOOD) check.fail('neighbourhood', `at most ${MAX_NEIGHBOURHOOD} characters`);
  const availability = readAvailability(check);
  const consent = cleanText(check.get('consent'));
  if (consent === '') check.fail('consent', 'required: how consent was given, like "paper form 2026-10-01"');
  if (consent.length > MAX_CONSENT) check.fail('consent', `at most ${MAX_CONSENT} characters`);
  const lang = isLang(language) ? language : undefined;
  const parts = Object.entries(PART_KINDS).map(([column, kind]) => ({ kind, part: readPart(check, column as keyof typeof PART_KINDS, lang) }));
  if (check.problems.length > 0 || placeId === undefined || displayName === undefined) return undefined;
  const flags = parts.flatMap((p) => p.part?.flags ?? []);
  const items = parts
    .filter(({ part }) => part && (part.categories.length > 0 || part.text))
    .map(({ kind, part }): ItemDraft => ({
      kind,
      categories: part!.categories,
      freeText: part!.text,
      placeIds: [placeId],
      languages: spokenLanguages,
      matchKeys: matchKeys(kind, [placeId], part!.categories),
    }));
  return {
    type: 'participant',
    ref,
    columns: {
      placeId,
      displayName,
      neighbourhood: neighbourhood || null,
      language,
      spokenLanguages,
      availability,
      sensitiveFlags: SENSITIVE_FLAGS.filter((f) => flags.includes(f)),
    },
    items,
    consentMethod: `import: ${consent}`,
  };
}

