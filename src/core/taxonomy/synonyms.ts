/**
 * Words and stems that recognise each category and sensitive topic in free text, per language.
 * Not shown to users (labels are in locales/); lower case, stems welcome (matched at word start).
 */
import type { Lang, SensitiveFlag } from './categories.js';

type Synonyms = Partial<Record<Lang, readonly string[]>>;

export const CATEGORY_SYNONYMS: Record<string, Synonyms> = {
  cooking: { nl: ['kok', 'kook'], en: ['cook'], ar: ['طبخ', 'طبيخ'] },
  sewing: { nl: ['naai', 'naaien'], en: ['sew'], ar: ['خياط', 'اخيط'] },
};

export const SENSITIVE_SYNONYMS: Record<SensitiveFlag, Synonyms> = {
  money_debts: { nl: ['schuld', 'geld'], en: ['debt', 'money'] },
  housing: { nl: ['woning', 'huis'], en: ['housing'] },
  health: { nl: ['ziek'], en: ['sick', 'ill'] },
  papers: { nl: ['papieren', 'verblijf'], en: ['papers'] },
  violence: { nl: ['geweld', 'slaan'], en: ['violence', 'abuse'] },
  food_energy: { nl: ['honger', 'voedselpakket'], en: ['hungry', 'food bank'] },
};
