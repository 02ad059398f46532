/**
 * The lexicon: the words that say a category, a sensitive topic or an ambition, per language, in
 * `lexicon/<lang>.json` next to `locales/` — data a translator extends without touching code
 * (how to write an entry: `lexicon/README.md`). Every file is validated when it is loaded; a
 * wrong id or an empty entry stops the app at start with the file and the entry named.
 */
import { z } from 'zod';
import arFile from '../../../lexicon/ar.json' with { type: 'json' };
import enFile from '../../../lexicon/en.json' with { type: 'json' };
import faFile from '../../../lexicon/fa.json' with { type: 'json' };
import frFile from '../../../lexicon/fr.json' with { type: 'json' };
import nlFile from '../../../lexicon/nl.json' with { type: 'json' };
import roFile from '../../../lexicon/ro.json' with { type: 'json' };
import trFile from '../../../lexicon/tr.json' with { type: 'json' };
import ukFile from '../../../lexicon/uk.json' with { type: 'json' };
import { AMBITIONS, CATEGORY_BY_ID, SENSITIVE_FLAGS, UI_LANGUAGES, type Lang } from '../taxonomy/categories.js';
import { foldText } from './fold.js';

/**
 * How an entry is written: its words, `$` at the end for "only these exact words", `~` in front
 * for "only when nothing stronger is said" (a thing named in passing: "~gsm" is 📱 smartphone
 * help when nothing else is said, but not in "ik herstel gsm's").
 */
export interface EntryMarks {
  readonly words: string;
  readonly exact: boolean;
  readonly weak: boolean;
}

export function entryMarks(entry: string): EntryMarks {
  const weak = entry.startsWith('~');
  const exact = entry.endsWith('$');
  return { words: entry.slice(weak ? 1 : 0, exact ? -1 : undefined), exact, weak };
}

const term = z.string().refine((s) => foldText(entryMarks(s).words).length >= 2, 'an entry needs two letters or more');
const terms = z.array(term);
/** Negation and clause-break words may be a single letter (Ukrainian «а», Persian «و»). */
const cues = z.array(z.string().refine((s) => foldText(s).length >= 1, 'an entry needs a letter'));
const keyed = (ids: readonly string[], what: string) =>
  z.record(z.string(), terms).superRefine((record, ctx) => {
    for (const id of Object.keys(record)) if (!ids.includes(id)) ctx.addIssue({ code: 'custom', path: [id], message: `unknown ${what} "${id}"` });
  });

export const lexiconSchema = z.strictObject({
  lang: z.enum(UI_LANGUAGES),
  /** Words that negate what is said in their clause ("koken lukt me niet"). */
  negation: cues,
  /** Pieces inside a word that negate it (Turkish "-miyor", Persian "نمی"), for words of 5+ letters. */
  negationParts: cues.default([]),
  /** Words that say a need is not one ("niet nodig", "don't need"): only these negate a need. */
  needNegation: cues.default([]),
  /** Words that start a new clause ("maar", "but", "اما"): negation never reaches past them. */
  clauseBreaks: cues,
  categories: keyed([...CATEGORY_BY_ID.keys()], 'category'),
  sensitive: keyed(SENSITIVE_FLAGS, 'sensitive topic'),
  /**
   * Words that say a sensitive need only at the needs question ("a doctor", "food for my kids",
   * "a house"): at the other questions they are a job or a hobby ("I was a doctor").
   */
  needsSensitive: keyed(SENSITIVE_FLAGS, 'sensitive topic').default({}),
  ambitions: keyed(AMBITIONS, 'ambition'),
});
export type LexiconFile = z.infer<typeof lexiconSchema>;

/** Validates one language's file; throws with the file and the entries that are wrong. */
export function parseLexicon(lang: Lang, data: unknown): LexiconFile {
  const parsed = lexiconSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`lexicon/${lang}.json is not valid: ${where}`);
  }
  if (parsed.data.lang !== lang) throw new Error(`lexicon/${lang}.json says it is "${parsed.data.lang}"`);
  return parsed.data;
}

const FILES: Record<Lang, unknown> = { ar: arFile, en: enFile, fa: faFile, fr: frFile, nl: nlFile, ro: roFile, tr: trFile, uk: ukFile };

export const LEXICONS: Readonly<Record<Lang, LexiconFile>> = Object.fromEntries(
  UI_LANGUAGES.map((lang) => [lang, parseLexicon(lang, FILES[lang])]),
) as Record<Lang, LexiconFile>;
