/**
 * Checks every locale against the Dutch reference (`locales/nl`): same files, same keys,
 * same `{{placeholders}}`, no empty strings (every namespace); short button labels and
 * command descriptions, and plain Dutch ("eenvoudige taal") for the namespaces that have
 * buttons or messages (see BUTTON_KEYS and PLAIN_DUTCH).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

const LOCALES = new URL('../../locales/', import.meta.url);
const REFERENCE = 'nl';
const LANGUAGES = ['nl', 'en', 'fr', 'ar', 'tr', 'uk', 'ro', 'fa'] as const;

/** Keys whose value may be empty. */
const MAY_BE_EMPTY = new Set(['common.empty']);

/** Per namespace, the keys that are button labels: at most 20 characters of text. */
const BUTTON_KEYS: Record<string, readonly string[]> = {
  'translation.json': [
    'common.yes',
    'common.skip',
    'consent.yes',
    'consent.more',
    'consent.no',
    'name.other',
    'place.other',
    'picker.ownWords',
    'picker.done',
    'picker.skip',
    'picker.noneOfThese',
    'picker.noneFits',
    'referral.call',
    'referral.noThanks',
    'availability.any',
    'availability.none',
    'summary.confirm',
    'summary.change.name',
    'summary.change.place',
    'summary.change.goesting',
    'summary.change.skills',
    'summary.change.needs',
    'summary.change.ambition',
    'summary.change.availability',
    'summary.change.languages',
    'help.call',
    'forget.yes',
    'forget.no',
    'intro.yes',
    'intro.no',
    'intro.later',
    'followup.met',
    'followup.notYet',
    'followup.no',
    'outcome.training',
    'outcome.volunteering',
    'outcome.work',
    'outcome.initiative',
    'outcome.friend',
    'outcome.nothing',
    'still.yes',
    'still.pause',
  ],
  'teams.json': [
    'help.newOffer',
    'help.newAsk',
    'help.myOffers',
    'form.newOffer',
    'form.newAsk',
    'form.save',
    'list.edit',
    'list.close',
    'digest.introduce',
    'digest.notNow',
    'digest.notAFit',
  ],
};
const MAX_BUTTON_CHARS = 20;
const MAX_COMMAND_CHARS = 40;
const MAX_AVERAGE_WORDS = 12;
const MAX_SENTENCES = 3;
/**
 * Namespaces whose Dutch messages must be plain Dutch, each with the keys (or key prefixes
 * ending in '.') left out of the check. `taxonomy.json` holds only labels, so it is not listed.
 */
const PLAIN_DUTCH: Record<string, readonly string[]> = {
  'translation.json': ['commands.', 'summary.text', 'summary.change.'],
  'teams.json': [],
};

type Flat = Map<string, string>;

function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (typeof value === 'string') {
    out.set(prefix, value);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    // Arrays, numbers, null: not expected in our locale files; keep them visible to the tests.
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

function load(lng: string, file: string): Flat {
  return flatten(JSON.parse(readFileSync(new URL(`${lng}/${file}`, LOCALES), 'utf8')));
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
/** Placeholder names, e.g. `{{count, number}}` → `count`; sorted, duplicates kept. */
function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? '').split(',')[0]!.trim()).sort();
}

/** Emoji: keycaps, pictographs with skin tones, flags, variation selectors and joiners. */
const EMOJI =
  /[#*0-9]\uFE0F?\u20E3|[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u20E3\uFE0E\uFE0F\u200D]/gu;
const stripEmoji = (text: string) => text.replace(EMOJI, '');
const stripPlaceholders = (text: string) => text.replace(PLACEHOLDER, '');
/** The visible text of a label, without emoji, placeholders and surrounding spaces. */
const labelText = (text: string) => stripPlaceholders(stripEmoji(text)).trim();
const charCount = (text: string) => [...text].length;

const words = (sentence: string) => sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * Sentences of a message: split on . ! ? followed by a space or the end, after removing emoji
 * and placeholders. A value "has no sentence" when it has no words or no . ! ? at all
 * (labels like "Persoonlijk", "spraakberichten: {{count}}").
 */
function sentences(text: string): string[] | undefined {
  const plain = stripPlaceholders(stripEmoji(text));
  if (words(plain).length === 0 || !/[.!?]/.test(plain)) return undefined;
  return plain
    .split(/[.!?]+(?=\s|$)/u)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

const isProse = (key: string, notProse: readonly string[]) =>
  !notProse.some((skip) => (skip.endsWith('.') ? key.startsWith(skip) : key === skip));

const namespaces = readdirSync(new URL(`${REFERENCE}/`, LOCALES))
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('locales', () => {
  it('the reference has at least translation.json', () => {
    expect(namespaces).toContain('translation.json');
  });

  for (const file of namespaces) {
    describe(file, () => {
      const reference = load(REFERENCE, file);

      for (const lng of LANGUAGES) {
        describe(lng, () => {
          it('has the file', () => {
            expect(existsSync(new URL(`${lng}/${file}`, LOCALES))).toBe(true);
          });

          it('has exactly the same keys as nl', () => {
            const keys = [...load(lng, file).keys()].sort();
            expect(keys).toEqual([...reference.keys()].sort());
          });

          it('has the same {{placeholders}} as nl in every string', () => {
            const flat = load(lng, file);
            const mismatches: string[] = [];
            for (const [key, nl] of reference) {
              const value = flat.get(key);
              if (value === undefined) continue; // reported by the key test
              const want = [...new Set(placeholders(nl))];
              const got = [...new Set(placeholders(value))];
              if (JSON.stringify(got) !== JSON.stringify(want)) {
                mismatches.push(`${key}: ${got.join(',') || '∅'} ≠ nl ${want.join(',') || '∅'}`);
              }
            }
            expect(mismatches).toEqual([]);
          });

          it('has no empty values', () => {
            const empty = [...load(lng, file)]
              .filter(([key, value]) => !MAY_BE_EMPTY.has(key) && value.trim() === '')
              .map(([key]) => key);
            expect(empty).toEqual([]);
          });

          const buttonKeys = BUTTON_KEYS[file];
          if (buttonKeys) {
            it(`keeps button labels at most ${MAX_BUTTON_CHARS} characters`, () => {
              const flat = load(lng, file);
              const tooLong = buttonKeys
                .filter((key) => flat.has(key))
                .map((key) => [key, labelText(flat.get(key)!)] as const)
                .filter(([, text]) => charCount(text) > MAX_BUTTON_CHARS)
                .map(([key, text]) => `${key}: "${text}" (${charCount(text)})`);
              expect(tooLong).toEqual([]);
            });
          }

          if (file === 'translation.json') {
            it(`keeps command descriptions at most ${MAX_COMMAND_CHARS} characters, without emoji`, () => {
              const bad = [...load(lng, file)]
                .filter(([key]) => key.startsWith('commands.'))
                .filter(([, value]) => charCount(value) > MAX_COMMAND_CHARS || stripEmoji(value) !== value)
                .map(([key, value]) => `${key}: "${value}"`);
              expect(bad).toEqual([]);
            });
          }
        });
      }
    });
  }

  it('lists button keys that exist in the Dutch reference', () => {
    const missing = Object.entries(BUTTON_KEYS).flatMap(([file, keys]) => {
      if (!namespaces.includes(file)) return [`${file} (no such file in nl)`];
      const reference = load(REFERENCE, file);
      return keys.filter((key) => !reference.has(key)).map((key) => `${file}: ${key}`);
    });
    expect(missing).toEqual([]);
  });

  for (const [file, notProse] of Object.entries(PLAIN_DUTCH)) {
    describe(`nl ${file} is plain Dutch (eenvoudige taal)`, () => {
      const messages = [...load(REFERENCE, file)]
        .filter(([key]) => isProse(key, notProse))
        .map(([key, value]) => [key, sentences(value)] as const)
        .filter((entry): entry is readonly [string, string[]] => entry[1] !== undefined);

      it('has messages to check', () => {
        expect(messages.length).toBeGreaterThan(0);
      });

      it(`averages at most ${MAX_AVERAGE_WORDS} words per sentence`, () => {
        const all = messages.flatMap(([, s]) => s);
        const average = all.reduce((sum, s) => sum + words(s).length, 0) / all.length;
        expect(average).toBeLessThanOrEqual(MAX_AVERAGE_WORDS);
      });

      it(`has at most ${MAX_SENTENCES} sentences per message`, () => {
        const tooMany = messages
          .filter(([, s]) => s.length > MAX_SENTENCES)
          .map(([key, s]) => `${key}: ${s.length} sentences`);
        expect(tooMany).toEqual([]);
      });
    });
  }
});
