import { existsSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  AMBITIONS,
  CATEGORIES,
  DAYS,
  DAY_PARTS,
  DOMAINS,
  SENSITIVE_FLAGS,
  SPOKEN_LANGUAGES,
  UI_LANGUAGES,
  type Lang,
  type SensitiveFlag,
} from '../../src/core/taxonomy/categories.js';
import { foldText } from '../../src/core/understanding/fold.js';
import { LEXICONS } from '../../src/core/understanding/lexicon.js';
import { readText } from '../../src/core/understanding/read.js';
import { lexiconProblems } from '../support/lexicon-problems.js';

/** Categories said in a text, best first, as the picker would offer them. */
const suggestCategories = (text: string, limit = 3, lang?: Lang) => readText(text, { part: 'skills', lang }).categories.slice(0, limit).map((s) => s.id);
const detectSensitive = (text: string, lang?: Lang) => readText(text, { part: 'needs', lang }).flags;
type Labels = Record<string, Record<string, string>>;

const LOCALES = new URL('../../locales/', import.meta.url);
const fileOf = (lng: Lang) => new URL(`${lng}/taxonomy.json`, LOCALES);
const load = (lng: Lang): Labels => JSON.parse(readFileSync(fileOf(lng), 'utf8')) as Labels;

/** `section.key` for every label, so that files can be compared key by key. */
const keysOf = (labels: Labels) =>
  Object.entries(labels)
    .flatMap(([section, entries]) => Object.keys(entries).map((key) => `${section}.${key}`))
    .sort();

const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{20E3}]/u;
const CATEGORY_IDS = CATEGORIES.map((c) => c.id);

describe('taxonomy labels (locales/<lng>/taxonomy.json)', () => {
  it('exist for every UI language', () => {
    for (const lng of UI_LANGUAGES) expect(existsSync(fileOf(lng)), lng).toBe(true);
  });

  it('have the sections and keys the code asks for (checked on nl)', () => {
    const nl = load('nl');
    expect(Object.keys(nl).sort()).toEqual(['ambition', 'cat', 'day', 'dayPart', 'domain', 'langName', 'sensitive']);
    expect(Object.keys(nl.domain!).sort()).toEqual([...DOMAINS].sort());
    expect(Object.keys(nl.cat!).sort()).toEqual([...CATEGORY_IDS].sort());
    expect(Object.keys(nl.sensitive!).sort()).toEqual([...SENSITIVE_FLAGS].sort());
    expect(Object.keys(nl.ambition!).sort()).toEqual([...AMBITIONS].sort());
    expect(Object.keys(nl.day!).sort()).toEqual([...DAYS].sort());
    expect(Object.keys(nl.dayPart!).sort()).toEqual([...DAY_PARTS].sort());
    expect(Object.keys(nl.langName!).sort()).toEqual([...SPOKEN_LANGUAGES].sort());
  });

  it.each(UI_LANGUAGES.map((l) => [l]))('%s has exactly the keys of nl', (lng) => {
    expect(keysOf(load(lng))).toEqual(keysOf(load('nl')));
  });

  it.each(UI_LANGUAGES.map((l) => [l]))('%s: every category id has a label and every cat key is a category', (lng) => {
    const cat = load(lng).cat!;
    for (const id of Object.keys(cat)) expect(CATEGORY_IDS, `${lng}: unknown cat.${id}`).toContain(id);
    for (const id of CATEGORY_IDS) expect(cat[id]?.trim(), `${lng}: cat.${id}`).toBeTruthy();
  });

  it.each(UI_LANGUAGES.map((l) => [l]))('%s: labels are non-empty, at most 20 characters and without emoji', (lng) => {
    for (const [section, entries] of Object.entries(load(lng))) {
      for (const [key, label] of Object.entries(entries)) {
        const where = `${lng}: ${section}.${key} = "${label}"`;
        expect(typeof label, where).toBe('string');
        expect(label.trim().length, where).toBeGreaterThan(0);
        expect([...label].length, where).toBeLessThanOrEqual(20);
        expect(EMOJI.test(label), where).toBe(false);
      }
    }
  });

  it('names every spoken language by its autonym, the same in every file', () => {
    const nl = load('nl').langName!;
    expect(nl.nl).toBe('Nederlands');
    expect(nl.ar).toBe('العربية');
    expect(nl.uk).toBe('Українська');
    for (const lng of UI_LANGUAGES) expect(load(lng).langName, lng).toEqual(nl);
  });
});

describe('lexicon data', () => {
  it.each(CATEGORY_IDS.map((id) => [id]))('category %s has words in all eight languages', (id) => {
    for (const lng of UI_LANGUAGES) {
      const terms = LEXICONS[lng].categories[id] ?? [];
      expect(terms.length, `${id}.${lng}`).toBeGreaterThan(0);
      for (const t of terms) expect(foldText(t).length, `${id}.${lng}: "${t}"`).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(SENSITIVE_FLAGS.map((f) => [f]))('sensitive flag %s has words in all eight languages', (flag) => {
    for (const lng of UI_LANGUAGES) expect(LEXICONS[lng].sensitive[flag]?.length ?? 0, `${flag}.${lng}`).toBeGreaterThan(0);
  });

  // Every entry of every file, read alone in its own language: tens of thousands of readings.
  const SLOW = 120_000;

  it.each(UI_LANGUAGES.map((l) => [l]))(
    'lexicon/%s.json: every entry finds its own id, no category entry is a sensitive word, needs-only entries count at the needs question only',
    (lang) => expect(lexiconProblems(lang)).toEqual([]),
    SLOW,
  );
});

/** Free text the way residents type it: [language, text, expected category]. */
const CATEGORY_CASES: ReadonlyArray<readonly [Lang, string, string]> = [
  ['nl', 'ik kook graag voor anderen', 'cooking'],
  ['nl', 'Ik naai graag kleren voor mijn kinderen', 'sewing'],
  ['nl', 'ik kan fietsen herstellen', 'bike_repair'],
  ['nl', 'Ik help graag met huiswerk', 'homework_help'],
  ['nl', 'ik wil beter Nederlands spreken', 'dutch_practice'],
  ['nl', 'ik zoek werk', 'job_search'],
  ['nl', 'ik wandel graag in het park', 'walking_running'],
  ['nl', 'Ik hou van voetbal!', 'football'],
  ['nl', 'ik werk graag in de tuin', 'gardening'],
  ['nl', 'ik bak graag brood en taart', 'baking'],
  ['nl', 'ik poets graag', 'cleaning'],
  ['nl', 'ik kan vertalen van Arabisch naar Nederlands', 'translation'],

  ['en', 'I can help with homework', 'homework_help'],
  ['en', 'I love cooking for my family', 'cooking'],
  ['en', 'I can fix bikes', 'bike_repair'],
  ['en', 'I like gardening', 'gardening'],
  ['en', 'i speak 3 languages and can translate', 'translation'],
  ['en', 'I am looking for a job', 'job_search'],
  ['en', 'I like playing football', 'football'],
  ['en', 'I can drive a car', 'driving'],
  ['en', 'I like baking bread', 'baking'],
  ['en', 'i sew my own clothes', 'sewing'],

  ['fr', 'je sais réparer les vélos', 'bike_repair'],
  ['fr', "j'aime cuisiner", 'cooking'],
  ['fr', "J'adore la couture", 'sewing'],
  ['fr', 'je peux aider les enfants avec les devoirs', 'homework_help'],
  ['fr', 'je cherche du travail', 'job_search'],
  ['fr', "j'aime jouer au foot", 'football'],
  ['fr', 'je fais du jardinage', 'gardening'],
  ['fr', 'je parle un peu néerlandais', 'dutch_practice'],
  ['fr', "j'aime danser", 'theatre_dance'],

  ['ar', 'أحب الخياطة', 'sewing'],
  ['ar', 'أحب الطبخ', 'cooking'],
  ['ar', 'أستطيع تصليح الدراجات', 'bike_repair'],
  ['ar', 'أريد ممارسة اللغة الهولندية', 'dutch_practice'],
  ['ar', 'أبحث عن عمل', 'job_search'],
  ['ar', 'أحب كرة القدم', 'football'],
  ['ar', 'أساعد الأطفال في الواجبات المدرسية', 'homework_help'],
  ['ar', 'أحب الرسم', 'drawing_painting'],
  ['ar', 'أعمل في التنظيف', 'cleaning'],
  ['ar', 'أعرف الترجمة من العربية إلى الهولندية', 'translation'],

  ['tr', 'bisiklet tamir edebilirim', 'bike_repair'],
  ['tr', 'yemek yapmayı seviyorum', 'cooking'],
  ['tr', 'dikiş dikmeyi severim', 'sewing'],
  ['tr', 'iş arıyorum', 'job_search'],
  ['tr', 'futbol oynamayı seviyorum', 'football'],
  ['tr', 'çocuklara ödevlerinde yardım edebilirim', 'homework_help'],
  ['tr', 'bahçe işlerini severim', 'gardening'],
  ['tr', 'Hollandaca öğrenmek istiyorum', 'dutch_practice'],
  ['tr', 'temizlik işi yapabilirim', 'cleaning'],

  ['uk', 'я люблю шити', 'sewing'],
  ['uk', 'я люблю готувати', 'cooking'],
  ['uk', 'можу допомогти з уроками', 'homework_help'],
  ['uk', 'шукаю роботу', 'job_search'],
  ['uk', 'я граю у футбол', 'football'],
  ['uk', 'я вмію ремонтувати велосипеди', 'bike_repair'],
  ['uk', 'хочу практикувати нідерландську', 'dutch_practice'],
  ['uk', 'люблю малювати', 'drawing_painting'],
  ['uk', 'я можу доглядати за дітьми', 'childcare'],

  ['ro', 'îmi place să gătesc', 'cooking'],
  ['ro', 'pot să repar biciclete', 'bike_repair'],
  ['ro', 'caut de lucru', 'job_search'],
  ['ro', 'îmi place cusutul', 'sewing'],
  ['ro', 'joc fotbal', 'football'],
  ['ro', 'pot ajuta copiii la teme', 'homework_help'],
  ['ro', 'îmi place să citesc', 'reading_together'],
  ['ro', 'vreau să învăț olandeza', 'dutch_practice'],
  ['ro', 'fac curățenie', 'cleaning'],

  ['fa', 'من آشپزی دوست دارم', 'cooking'],
  ['fa', 'من خیاطی بلد هستم', 'sewing'],
  ['fa', 'بایسکل ترمیم می‌کنم', 'bike_repair'],
  ['fa', 'دنبال کار هستم', 'job_search'],
  ['fa', 'فوتبال بازی می‌کنم', 'football'],
  ['fa', 'می‌توانم به اطفال در کارخانگی کمک کنم', 'homework_help'],
  ['fa', 'می‌خواهم زبان هالندی تمرین کنم', 'dutch_practice'],
  ['fa', 'من رانندگی بلد هستم', 'driving'],
  ['fa', 'نقاشی را دوست دارم', 'drawing_painting'],
];

/** Sentences that must NOT bring up a category that only looks alike. */
const NOT_CATEGORY_CASES: ReadonlyArray<readonly [Lang, string, string]> = [
  ['nl', 'ik ben er natuurlijk bij', 'nature'],
  ['en', 'I am a refugee', 'animal_care'],
  ['fr', 'je veux vivre dans la nature', 'theatre_dance'],
  ['en', 'I like painting', 'baking'],
  ['fa', 'آشنایی با مردم را دوست دارم', 'swimming'],
  ['nl', 'ik heb koorts', 'music'],
  ['tr', 'Çarşamba günleri boşum', 'driving'],
  ['fa', 'منذ أسابيع', 'sales'],
];

describe('categories in own words', () => {
  it('covers at least four sentences per language', () => {
    for (const lng of UI_LANGUAGES) expect(CATEGORY_CASES.filter(([l]) => l === lng).length, lng).toBeGreaterThanOrEqual(4);
  });

  it.each(CATEGORY_CASES)('[%s] "%s" → %s', (lng, text, id) => {
    expect(suggestCategories(text, 3, lng)).toContain(id);
  });

  it.each(NOT_CATEGORY_CASES)('[%s] "%s" does not suggest %s', (lng, text, id) => {
    expect(suggestCategories(text, 10, lng)).not.toContain(id);
  });

  it.each([['hello'], ['ok'], ['OK!'], ['👍'], ['🙂🙂'], ['   '], ['']])('"%s" gives no suggestions', (text) => {
    expect(suggestCategories(text)).toEqual([]);
  });
});

const SENSITIVE_CASES: ReadonlyArray<readonly [Lang, string, SensitiveFlag]> = [
  ['nl', 'ik heb veel schulden', 'money_debts'],
  ['nl', 'de deurwaarder is langs geweest', 'money_debts'],
  ['nl', 'ik kan mijn huur niet betalen', 'housing'],
  ['nl', 'ik heb geen woning', 'housing'],
  ['nl', 'ik slaap op straat', 'housing'],
  ['nl', 'ik ben al lang ziek', 'health'],
  ['nl', 'ik heb nog geen verblijfsvergunning', 'papers'],
  ['nl', 'mijn man slaat mij', 'violence'],
  ['nl', 'er is huiselijk geweld bij ons', 'violence'],
  ['nl', 'wij hebben honger', 'food_energy'],
  ['nl', 'ik heb een voedselpakket nodig', 'food_energy'],

  ['en', 'I have a lot of debts', 'money_debts'],
  ['en', 'I am homeless', 'housing'],
  ['en', 'I need a doctor', 'health'],
  ['en', 'I am waiting for my residence permit', 'papers'],
  ['en', 'my husband hits me', 'violence'],
  ['en', 'we need the food bank', 'food_energy'],

  ['fr', "j'ai des dettes", 'money_debts'],
  ['fr', 'je cherche un logement', 'housing'],
  ['fr', 'je dors dehors', 'housing'],
  ['fr', 'je suis malade', 'health'],
  ['fr', "je n'ai pas de titre de séjour", 'papers'],
  ['fr', 'mon mari me frappe', 'violence'],
  ['fr', 'nous avons faim', 'food_energy'],

  ['ar', 'عندي ديون كثيرة', 'money_debts'],
  ['ar', 'أبحث عن سكن', 'housing'],
  ['ar', 'أنا مريض', 'health'],
  ['ar', 'ليس لدي إقامة', 'papers'],
  ['ar', 'زوجي يضربني', 'violence'],
  ['ar', 'نحن جائعون', 'food_energy'],
  ['ar', 'فاتورة الكهرباء عالية جدا', 'food_energy'],

  ['tr', 'borçlarım var', 'money_debts'],
  ['tr', 'evsizim', 'housing'],
  ['tr', 'hastayım', 'health'],
  ['tr', 'oturma iznim yok', 'papers'],
  ['tr', 'eşim bana şiddet uyguluyor', 'violence'],
  ['tr', 'aç kaldık', 'food_energy'],

  ['uk', 'у мене борги', 'money_debts'],
  ['uk', 'шукаю житло', 'housing'],
  ['uk', 'я хворію', 'health'],
  ['uk', 'я біженка, маю тимчасовий захист', 'papers'],
  ["uk", "чоловік мене б'є", 'violence'],
  ['uk', 'немає грошей на їжу', 'food_energy'],
  ['uk', 'не можу платити за світло', 'food_energy'],

  ['ro', 'am datorii', 'money_debts'],
  ['ro', 'nu am unde să stau', 'housing'],
  ['ro', 'sunt bolnav', 'health'],
  ['ro', 'nu am drept de ședere', 'papers'],
  ['ro', 'soțul mă bate', 'violence'],
  ['ro', 'mi-e foame', 'food_energy'],

  ['fa', 'قرضدار هستم', 'money_debts'],
  ['fa', 'خانه ندارم', 'housing'],
  ['fa', 'مریض هستم', 'health'],
  ['fa', 'اقامت ندارم', 'papers'],
  ['fa', 'شوهرم مرا لت و کوب می‌کند', 'violence'],
  ['fa', 'گرسنه هستیم', 'food_energy'],
];

const HARMLESS: ReadonlyArray<readonly [Lang, string]> = [
  ['nl', 'ik help graag met huiswerk'],
  ['nl', 'ik hou van voetbal'],
  ['nl', 'ik kook graag voor de buren'],
  ['nl', 'ik raap graag zwerfvuil op straat'],
  ['nl', 'dat is geweldig!'],
  ['nl', 'ik maak graag een slaatje'],
  ['nl', 'ik wil Nederlands leren'],
  ['en', 'I like baking bread'],
  ['en', 'I like painting and arts and crafts'],
  ['en', 'I want to work in hospitality'],
  ['en', 'I would like a job in the hospitality sector'],
  ['en', 'I can help with letters and forms'],
  ['fr', 'je joue du violon'],
  ['fr', 'je suis prêt à aider'],
  ['fr', 'je peux aider avec les papiers administratifs'],
  ['ar', 'أحب الطبخ'],
  ['ar', 'أعمل في التمريض'],
  ['ar', 'أساعد في شغل البيت'],
  ['ar', 'أعزف على الأكورديون'],
  ['tr', 'yemek yapmayı seviyorum'],
  ['tr', 'sağlıklı yemek yapmayı severim'],
  ['tr', 'bilgisayarda oturum açmayı öğretebilirim'],
  ['uk', 'я граю нападником у футбол'],
  ['uk', 'більше люблю малювати'],
  ['ro', 'îmi place să gătesc'],
  ['ro', 'fac curățenie pe stradă'],
  ['fa', 'من آشپزی دوست دارم'],
  ['fa', 'در بازار کار می‌کنم'],
  ['fa', 'با بچه‌ها بازی می‌کنم'],
];

describe('sensitive topics in own words', () => {
  it('covers every language and every flag', () => {
    for (const lng of UI_LANGUAGES) expect(SENSITIVE_CASES.some(([l]) => l === lng), lng).toBe(true);
    for (const flag of SENSITIVE_FLAGS) expect(SENSITIVE_CASES.some(([, , f]) => f === flag), flag).toBe(true);
  });

  it.each(SENSITIVE_CASES)('[%s] "%s" → %s', (lng, text, flag) => {
    expect(detectSensitive(text, lng)).toContain(flag);
    expect(detectSensitive(text)).toContain(flag);
  });

  it.each(HARMLESS)('[%s] "%s" is not sensitive', (lng, text) => {
    expect(detectSensitive(text, lng)).toEqual([]);
  });

  it.each([['hello'], ['ok'], ['👍']])('"%s" is not sensitive', (text) => {
    expect(detectSensitive(text)).toEqual([]);
  });
});
