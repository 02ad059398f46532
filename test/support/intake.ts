/** A resident finishing the whole Telegram intake by taps alone, in their language. */
import { expect } from 'vitest';
import { label, type Resident } from './telegram-app.js';

export const tax = (lang: string, key: string) => label(lang, `taxonomy:${key}`);

/** The whole intake by taps alone, in the resident's language. */
export async function intakeByTaps(u: Resident, lang: string) {
  await u.send('/start lier');
  expect(u.last.text).toBe(label(lang, 'language.ask'));
  await u.tap(tax(lang, `langName.${lang}`));
  expect(u.last.text).toBe(label(lang, 'consent.ask'));
  await u.tap(label(lang, 'consent.yes'));
  await u.tap(label(lang, 'common.yes')); // name from the Telegram profile
  await u.tap(label(lang, 'common.yes')); // Stuyfplek Lier from the deep link
  await u.tap(label(lang, 'common.skip')); // neighbourhood
  await u.tap(tax(lang, 'cat.cooking'));
  await u.tap(label(lang, 'picker.next'));
  await u.tap(tax(lang, 'cat.sewing'));
  await u.tap(label(lang, 'picker.done').split('(')[0]!.trim());
  await u.tap(label(lang, 'picker.next'));
  await u.tap(tax(lang, 'cat.sewing')); // skills
  await u.tap(label(lang, 'picker.done').split('(')[0]!.trim());
  await u.tap(tax(lang, 'sensitive.housing')); // needs, first page is personal
  await u.tap(label(lang, 'picker.done').split('(')[0]!.trim());
  expect(u.messages.at(-1)!.text).toContain('CAW');
  await u.tap(label(lang, 'referral.noThanks'));
  await u.tap(tax(lang, 'ambition.learn_dutch'));
  await u.tap(label(lang, 'picker.done').split('(')[0]!.trim());
  await u.tap(label(lang, 'availability.any'));
  await u.tap(label(lang, 'picker.done').split('(')[0]!.trim());
  await u.tap(tax(lang, 'langName.en'));
  await u.tap(label(lang, 'picker.done').split('(')[0]!.trim());
  expect(u.messages.at(-2)!.text).toContain(tax(lang, 'cat.cooking'));
  await u.tap(label(lang, 'summary.confirm'));
}

