/** One resident sending 50 messages in a second is slowed down; someone else is not delayed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FLOOD_POLICY } from '../../../src/db/repositories/intake-store.js';
import { label, startHarness, type Harness } from '../../support/telegram-app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('webhook', DEFAULT_FLOOD_POLICY);
});
afterAll(async () => {
  await h?.stop();
});

describe('flood control', () => {
  it('answers a few, warns once, drops the rest — and still answers others', async () => {
    const flooder = h.user(820_000_001, 'Max', 'en');
    const other = h.user(820_000_002, 'Lea', 'en');
    const flood = Array.from({ length: 50 }, (_, i) => flooder.send(`hello ${i}`));
    const answered = other.send('/start');
    const statuses = (await Promise.all([...flood, answered])).map((r) => r.status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const questions = flooder.messages.filter((m) => m.text === label('en', 'language.ask')).length;
    const warnings = flooder.messages.filter((m) => m.text === label('en', 'common.slowDown')).length;
    expect(questions).toBeGreaterThanOrEqual(1);
    expect(questions).toBeLessThan(20);
    expect(warnings).toBeGreaterThanOrEqual(1);
    expect(warnings).toBeLessThanOrEqual(3);
    expect(other.last.text).toBe(label('en', 'language.ask'));
  });
});
