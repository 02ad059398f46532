/** Long-polling mode: the runner fetches updates from the (fake) Bot API at TELEGRAM_API_ROOT. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { label, startHarness, type Harness } from '../../support/telegram-app.js';
import { count } from '../../support/inspect.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('polling');
});
afterAll(async () => {
  await h?.stop();
});

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
  await h.app.telegram?.drain();
}

describe('long polling', () => {
  it('answers, in order, updates fetched with getUpdates and stores after consent', async () => {
    const u = h.user(810_000_001, 'Lina', 'ar');
    h.api.push(u.messageUpdate({ text: '/start lier' }) as never);
    await until(() => u.messages.length === 2);
    expect(u.last.text).toBe(label('ar', 'language.ask'));
    const arabic = u.last.buttons.flat().find((b) => b.data.startsWith('lang:ar'))!;
    h.api.push(u.callbackUpdate(u.last, arabic.data) as never);
    await until(() => u.last.text === label('ar', 'consent.ask'));
    h.api.push(u.callbackUpdate(u.last, 'cons:y:ar:lier') as never);
    // A burst of the same user's updates is still handled in order.
    h.api.push(u.callbackUpdate(u.last, 'name:o') as never);
    h.api.push(u.messageUpdate({ text: 'Lina B.' }) as never);
    await until(() => u.last.text === label('ar', 'place.confirm').replace('{{place}}', 'Lier'));
    expect(await count(h.app.database.db, 'participants')).toBe(1);
    expect(h.api.offset).toBeGreaterThan(0);
  });
});
