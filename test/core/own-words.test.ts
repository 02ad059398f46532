/**
 * Sensitive needs said indirectly, in every language, are kept as a flag and never as words;
 * ordinary answers are not. A sample: the labelled set and `npm run bench:words` measure the rest.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/taxonomy/categories.js';
import { readOwnWords } from '../../src/core/taxonomy/own-words.js';

const SENSITIVE: ReadonlyArray<readonly [string, string, string]> = [
  ['nl', 'den huisbaas wil dat ik eruit ga tegen maart', 'housing'],
  ['nl', 'ik geraak niet rond op het einde van de maand', 'money_debts'],
  ['nl', 'mijn verblijfskaart verloopt', 'papers'],
  ['en', 'the landlord wants me out', 'housing'],
  ['en', 'they cut my electricity', 'food_energy'],
  ['en', 'my husband shouts and I am afraid to go home', 'violence'],
  ['fr', 'le proprio veut me mettre dehors', 'housing'],
  ['fr', 'jpeux pas payer le loyer', 'money_debts'],
  ['fr', "j'ai reçu l'annexe 13", 'papers'],
  ['ar', 'راجلي كيضربني', 'violence'],
  ['ar', 'قطعوا علينا الضو', 'food_energy'],
  ['ar', 'ma3ndich flouss', 'money_debts'],
  ['tr', 'ev sahibi cikmami istiyor', 'housing'],
  ['tr', 'faturalari odeyemiyorum', 'money_debts'],
  ['tr', 'kocam bana el kaldırıyor', 'violence'],
  ['uk', 'хазяїн квартири хоче нас виселити', 'housing'],
  ['uk', 'чоловік бʼє мене', 'violence'],
  ['uk', 'закінчується тимчасовий захист', 'papers'],
  ['ro', 'nu-mi ajung banii', 'money_debts'],
  ['ro', 'n-am unde să dorm', 'housing'],
  ['ro', 'frigiderul e gol', 'food_energy'],
  ['fa', 'پول کرایه خانه را ندارم', 'housing'],
  ['fa', 'شوهرم مرا لت میکنه', 'violence'],
  ['fa', 'کارت اقامتم تمام میشه', 'papers'],
];

const ORDINARY: ReadonlyArray<readonly [string, string]> = [
  ['ik kan fietsen maken', 'bike_repair'],
  ['I like cooking for my neighbours', 'cooking'],
  ['je peux réparer les vélos', 'bike_repair'],
  ['أحب الخياطة', 'sewing'],
  ['yemek yapmayı seviyorum', 'cooking'],
  ['люблю малювати', 'drawing_painting'],
  ['îmi place să gătesc', 'cooking'],
  ['آشپزی را دوست دارم', 'cooking'],
];

describe('own words, fail safe', () => {
  it.each(SENSITIVE)('[%s] "%s" → %s, words not kept', (lang, text, flag) => {
    const read = readOwnWords(text, { part: 'needs', lang: lang as Lang });
    expect(read.flags).toContain(flag);
    expect(read.keepWords).toBe(false);
  });

  it.each(ORDINARY)('"%s" is not sensitive and is understood as %s', (text, category) => {
    const read = readOwnWords(text, { part: 'goesting' });
    expect(read).toMatchObject({ flags: [], keepWords: true });
    expect(read.categories).toContain(category);
  });

  it('keeps the ordinary categories said together with a sensitive need', () => {
    expect(readOwnWords('ik zoek werk maar ik heb ook schulden', { part: 'needs', lang: 'nl' })).toMatchObject({ flags: ['money_debts'], categories: ['job_search'], keepWords: false });
  });

  it('never keeps the words typed at the needs question, understood or not, but does elsewhere', () => {
    expect(readOwnWords('mai multe banci in parc', { part: 'needs', lang: 'ro' })).toMatchObject({ flags: [], categories: [], keepWords: false });
    expect(readOwnWords('mai multe banci in parc', { part: 'goesting', lang: 'ro' })).toMatchObject({ flags: [], categories: [], keepWords: true });
    expect(readOwnWords('iemand om mijn fiets te maken', { part: 'needs', lang: 'nl' })).toMatchObject({ categories: ['bike_repair'], keepWords: false });
    expect(readOwnWords('ik herstel fietsen', { part: 'skills', lang: 'nl' })).toMatchObject({ categories: ['bike_repair'], keepWords: true });
  });
});
