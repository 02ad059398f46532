/**
 * The text-understanding module: folding, word boundaries in every script, stems, any word
 * order, typos, negation, confidence, and the lexicon's validation. The labelled set and
 * `npm run bench:words` measure the lexicon as a whole; these pin the behaviour.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/taxonomy/categories.js';
import { foldText, tokenize } from '../../src/core/understanding/fold.js';
import { LEXICONS, parseLexicon } from '../../src/core/understanding/lexicon.js';
import { compileLexicon } from '../../src/core/understanding/patterns.js';
import { readText, type TextPart } from '../../src/core/understanding/read.js';
import { arabicScriptForms, stemOf } from '../../src/core/understanding/stem.js';
import { editDistance } from '../../src/core/understanding/typos.js';

const ids = (text: string, lang: Lang, part: TextPart = 'skills') => readText(text, { part, lang }).categories.map((s) => s.id);

describe('folding and words', () => {
  it.each([
    ['Çiçek ŞİŞ dağ', 'cicek sis dag'],
    ['Îmi place să gătesc', 'imi place sa gatesc'],
    ['أُحِبُّ الخـــياطة', 'احب الخياطه'],
    ['إصلاح آلة', 'اصلاح اله'],
    ['کار می\u200Cکنم', 'كار مي كنم'],
    ['б\u02BCє п’є', 'бє пє'],
  ])('"%s" → "%s"', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('cuts clauses at punctuation in every script', () => {
    expect(tokenize('koken, bakken؛ خياطة، 縫').map((t) => t.clause)).toEqual([0, 1, 2, 3]);
  });

  it('takes Arabic-script clitics off a word, never a piece of its root', () => {
    expect(arabicScriptForms(foldText('والخياطة'))).toContain(foldText('خياطة'));
    expect(arabicScriptForms(foldText('بالملابس'))).toContain(foldText('ملابس'));
    expect(arabicScriptForms(foldText('السكن'))).not.toContain('الس');
  });

  it('stems in every language, Persian too', () => {
    expect(stemOf('nl', 'repareer')).toBe(stemOf('nl', 'repareren'));
    // Dutch doubles a consonant before -en: "ik herstel" and "herstellen" meet, "ik zwem" and "zwemmen".
    expect(stemOf('nl', 'herstel')).toBe(stemOf('nl', 'herstellen'));
    expect(stemOf('nl', 'zwem')).toBe(stemOf('nl', 'zwemmen'));
    expect(stemOf('uk', 'ремонтую')).toBe(stemOf('uk', 'ремонт'));
    expect(stemOf('fa', foldText('لباسهایم'))).toBe(foldText('لباس'));
    expect(stemOf('fa', foldText('میدوزم'))).toBe(foldText('دوز'));
  });

  it('counts typos as Damerau–Levenshtein, with a transposition as one', () => {
    expect(editDistance('herstelen', 'herstellen', 2)).toBe(1);
    expect(editDistance('fietsne', 'fietsen', 2)).toBe(1);
    expect(editDistance('koken', 'bakken', 1)).toBe(2);
  });
});

describe('reading own words', () => {
  it.each([
    ['nl', 'ik repareer kapotte fietsen', 'bike_repair'],
    ['nl', 'fietsen herstellen', 'bike_repair'],
    ['nl', 'ik herstel fietsen', 'bike_repair'],
    ['uk', 'ремонтую велосипеди', 'bike_repair'],
    ['tr', 'yemek yapmayi seviyorum', 'cooking'],
    ['ro', 'imi place sa gatesc', 'cooking'],
  ] as const)('[%s] "%s" → %s, in any order and form', (lang, text, id) => {
    expect(ids(text, lang)).toContain(id);
  });

  it.each([
    ['nl', 'ik herstel smartphones en tablets', 'electronics_repair'],
    ['en', 'I can repair TVs and phones', 'electronics_repair'],
    ['fr', 'quelqu un pour réparer ma télé', 'electronics_repair'],
    ['nl', 'iemand om mijn kleren te herstellen', 'sewing'],
    ['ar', 'أحتاج شخصا يصلح ملابسي', 'sewing'],
    ['ar', 'بدي حدا يخيطلي تيابي', 'sewing'],
    ['ar', 'خاصني شي واحد يخيط ليا الحوايج', 'sewing'],
    ['ar', 'kan3ref nsle7 telephonat', 'electronics_repair'],
  ] as const)('[%s] "%s" → %s, not a neighbouring category', (lang, text, id) => {
    expect(ids(text, lang, 'needs')[0]).toBe(id);
  });

  it.each([
    ['uk', 'не можу заплатити за квартиру'],
    ['tr', 'kirayi odeyemiyorum'],
    ['ro', 'nu pot plati chiria si curentul'],
    ['nl', 'ik kan de huur niet meer betalen'],
  ] as const)('[%s] "%s": rent that cannot be paid is a money topic too', (lang, text) => {
    expect(readText(text, { part: 'needs', lang }).flags).toEqual(expect.arrayContaining(['money_debts', 'housing']));
  });

  it('never finds a short Arabic-script entry inside a longer word', () => {
    // "شنا" (swimming) is inside "آشنایی" (getting to know).
    expect(ids('آشنایی با مردم را دوست دارم', 'fa', 'goesting')).not.toContain('swimming');
  });

  it('recognises a typo in a longer word, with less confidence than the exact words', () => {
    const typo = readText('fietsen herstelen', { part: 'skills', lang: 'nl' }).categories[0];
    const exact = readText('fietsen herstellen', { part: 'skills', lang: 'nl' }).categories[0];
    expect(typo?.id).toBe('bike_repair');
    expect(typo!.confidence).toBeLessThan(exact!.confidence);
  });

  it('offers a guessed typo only when nothing surer was found', () => {
    // "gieten" (casting candles) is one letter from "geiten" (goats).
    expect(ids('kaartjes maken, kaarsen gieten', 'nl', 'goesting')).toEqual(['crafts']);
  });

  it('lets a longer entry win over a shorter one on the same words', () => {
    expect(ids('ik herstel gsm en laptops', 'nl')[0]).toBe('electronics_repair');
  });

  it('says which entry matched, for explanations', () => {
    expect(readText('ik naai graag', { part: 'goesting', lang: 'nl' }).categories[0]).toMatchObject({ id: 'sewing', entry: expect.any(String) });
  });

  it.each([
    ['nl', 'koken lukt me niet, maar tuinieren wel', 'gardening', 'cooking'],
    ['en', 'I can not cook, but I love gardening', 'gardening', 'cooking'],
    ['fr', 'je ne sais pas cuisiner mais je jardine', 'gardening', 'cooking'],
    ['ar', 'لا أحب الطبخ لكن أحب الخياطة', 'sewing', 'cooking'],
    ['tr', 'yemek yapmayı sevmiyorum ama dikiş dikerim', 'sewing', 'cooking'],
    ['uk', 'не люблю готувати, але люблю шити', 'sewing', 'cooking'],
    ['ro', 'nu știu să gătesc, dar cos haine', 'sewing', 'cooking'],
    ['fa', 'آشپزی بلد نیستم اما خیاطی بلدم', 'sewing', 'cooking'],
  ] as const)('[%s] "%s": %s, not the negated %s', (lang, text, kept, negated) => {
    const found = ids(text, lang, 'goesting');
    expect(found).toContain(kept);
    expect(found).not.toContain(negated);
  });

  it('reads a negation inside the very word an entry found by its start ("yapamam": I cannot do)', () => {
    expect(ids('yemek yapamam, bahçe işlerini severim', 'tr', 'goesting')).toEqual(['gardening']);
    // …while an entry that holds the negation itself still counts.
    expect(ids('ik wil niet meer alleen zijn', 'nl', 'ambition')).toEqual([]);
    expect(readText('ik wil niet meer alleen zijn', { part: 'ambition', lang: 'nl' }).ambitions.map((a) => a.id)).toContain('meet_people');
  });

  it('never lets an entry reach across a clause break', () => {
    expect(ids('I love my bike but I repair phones', 'en')).toEqual(['electronics_repair']);
  });

  it('keeps a negated need: having no work is a need for work', () => {
    expect(ids('ik heb geen werk', 'nl', 'needs')).toContain('job_search');
  });

  it('drops a need said not to be needed, with a word or two between the cue words', () => {
    const found = ids('ik heb geen zwemles nodig, wel hulp met mijn cv', 'nl', 'needs');
    expect(found).not.toContain('swimming');
    expect(found).toContain('cv_writing');
  });

  it('never lets negation hide a sensitive topic', () => {
    expect(readText('ik heb geen schulden, denk ik', { part: 'needs', lang: 'nl' }).flags).toContain('money_debts');
  });

  it('reads ambitions at the ambition question', () => {
    expect(readText('ik wil later een opleiding volgen', { part: 'ambition', lang: 'nl' }).ambitions.map((a) => a.id)).toContain('training');
    expect(readText('I want to find a job', { part: 'ambition', lang: 'en' }).ambitions.map((a) => a.id)).toContain('work');
  });

  it('finds nothing in greetings, emoji and empty text', () => {
    for (const text of ['hallo', 'ok 👍', '   ', '']) expect(readText(text, { part: 'goesting', lang: 'nl' })).toMatchObject({ flags: [], categories: [], ambitions: [] });
  });
});

describe('lexicon markers', () => {
  const tiny = compileLexicon({
    nl: parseLexicon('nl', {
      ...LEXICONS.nl,
      categories: { smartphone_help: ['~gsm', 'gsm uitleggen'], photo_video: ["foto's maken"], theatre_dance: ['dans$'] },
      sensitive: { money_debts: ['schulden'] },
      needsSensitive: { health: ['dokter'] },
      ambitions: {},
    }),
  });
  const read = (text: string, part: TextPart = 'goesting') => readText(text, { part, lang: 'nl', lexicon: tiny });

  it('a weak entry (~) is offered only when nothing stronger is said', () => {
    expect(read("foto's maken met mijn gsm").categories.map((s) => s.id)).toEqual(['photo_video']);
    expect(read('mijn gsm').categories.map((s) => s.id)).toEqual(['smartphone_help']);
    expect(read('iemand die mijn gsm kan uitleggen', 'needs').categories.map((s) => s.id)).toEqual(['smartphone_help']);
  });

  it('a weak entry is not offered beside a sensitive topic: the thing named in passing is not the point', () => {
    const r = read('schulden, ze bellen op mijn gsm', 'needs');
    expect(r.flags).toEqual(['money_debts']);
    expect(r.categories).toEqual([]);
  });

  it('an exact entry ($) finds only its own words', () => {
    expect(read('dans').categories.map((s) => s.id)).toEqual(['theatre_dance']);
    expect(read('dansen').categories).toEqual([]);
  });

  it('a needs-only sensitive entry flags at the needs question only; a sensitive one everywhere', () => {
    expect(read('een dokter die Arabisch spreekt', 'needs').flags).toEqual(['health']);
    expect(read('ik was dokter in Syrië', 'skills').flags).toEqual([]);
    expect(read('ik heb schulden', 'goesting').flags).toEqual(['money_debts']);
  });
});

describe('another language\'s words', () => {
  const only = (lang: Lang, sections: Partial<Pick<(typeof LEXICONS)['nl'], 'categories' | 'sensitive'>>) =>
    parseLexicon(lang, { ...LEXICONS[lang], categories: {}, sensitive: {}, needsSensitive: {}, ambitions: {}, ...sections });
  const tiny = compileLexicon({
    nl: only('nl', { sensitive: { money_debts: ['ocmw'] }, categories: { bike_repair: ['fiets'] } }),
    uk: only('uk', { categories: { paperwork: ['ocmw'] } }),
    ar: only('ar', {}),
  });
  const read = (text: string, lang: Lang) => readText(text, { part: 'needs', lang, lexicon: tiny });

  it('count as the same word written in another script, from a file of that script', () => {
    expect(read('أحتاج fiets', 'ar').categories.map((s) => s.id)).toEqual(['bike_repair']);
    expect(read('مساعدة مع ocmw', 'ar').flags).toEqual(['money_debts']);
  });

  it('are read by the resident\'s own file alone when it knows the word', () => {
    const r = read('допомога з OCMW', 'uk');
    expect(r.flags).toEqual([]);
    expect(r.categories.map((s) => s.id)).toEqual(['paperwork']);
  });
});

describe('lexicon files', () => {
  it('are all valid and say their own language', () => {
    for (const [lang, lexicon] of Object.entries(LEXICONS)) expect(lexicon.lang).toBe(lang);
  });

  it('refuses an unknown id, an empty entry or another language, naming the file and the entry', () => {
    expect(() => parseLexicon('nl', { ...LEXICONS.nl, categories: { knitting: ['breien'] } })).toThrow(/lexicon\/nl\.json.*knitting/);
    expect(() => parseLexicon('nl', { ...LEXICONS.nl, sensitive: { money_debts: [' '] } })).toThrow(/lexicon\/nl\.json.*money_debts/);
    expect(() => parseLexicon('nl', { ...LEXICONS.fr })).toThrow(/says it is "fr"/);
    expect(() => parseLexicon('nl', { ...LEXICONS.nl, extra: true })).toThrow(/lexicon\/nl\.json/);
  });
});
