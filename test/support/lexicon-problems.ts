/**
 * What is wrong in one language's lexicon file, entry by entry: an entry that does not find its
 * own id read alone in its own language, a category entry that is a sensitive word, a needs-only
 * sensitive entry that raises a flag at the other questions too. Asserted by the taxonomy test
 * for every file; printed by `npm run lexicon:check -- <lang>` for whoever extends one.
 */
import type { Lang } from '../../src/core/taxonomy/categories.js';
import { entryMarks, LEXICONS } from '../../src/core/understanding/lexicon.js';
import { readText, type TextPart } from '../../src/core/understanding/read.js';

export function lexiconProblems(lang: Lang): string[] {
  const file = LEXICONS[lang];
  const read = (entry: string, part: TextPart) => readText(entryMarks(entry).words, { part, lang });
  const problems: string[] = [];
  for (const [id, entries] of Object.entries(file.categories))
    for (const entry of entries) {
      const r = read(entry, 'skills');
      if (!r.categories.some((s) => s.id === id)) problems.push(`categories.${id}: "${entry}" finds ${r.categories.map((s) => s.id).join(',') || 'nothing'}`);
      if (r.flags.length > 0) problems.push(`categories.${id}: "${entry}" is a sensitive word (${r.flags.join(',')})`);
    }
  for (const [id, entries] of Object.entries(file.ambitions))
    for (const entry of entries) if (!read(entry, 'ambition').ambitions.some((s) => s.id === id)) problems.push(`ambitions.${id}: "${entry}" does not find ${id}`);
  for (const section of ['sensitive', 'needsSensitive'] as const)
    for (const [id, entries] of Object.entries(file[section]))
      for (const entry of entries) if (!(read(entry, 'needs').flags as readonly string[]).includes(id)) problems.push(`${section}.${id}: "${entry}" does not raise ${id}`);
  for (const [id, entries] of Object.entries(file.needsSensitive))
    for (const entry of entries) {
      const flags = read(entry, 'skills').flags;
      if (flags.length > 0) problems.push(`needsSensitive.${id}: "${entry}" raises ${flags.join(',')} at other questions too (another sensitive entry holds it: move it to "sensitive", or drop it)`);
    }
  return problems;
}
