/** SIGTERM path: the update in hand is finished and its reply sent before the database closes. */
import { describe, expect, it } from 'vitest';
import { label, SECRET, startHarness } from '../../support/telegram-app.js';

describe('graceful shutdown', () => {
  it('finishes the update in hand, then refuses new connections', async () => {
    const h = await startHarness('webhook');
    const u = h.user(830_000_001, 'Jan', 'nl');
    // Stop as soon as the update is in hand.
    const stopped = new Promise<void>((resolve) => h.app.server.once('request', () => resolve(h.app.stop())));
    const inHand = fetch(`${h.base}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(u.messageUpdate({ text: '/start' })),
    });
    expect((await inHand).status).toBe(200);
    await stopped;
    expect(u.last.text).toBe(label('nl', 'language.ask'));
    await expect(fetch(`${h.base}/healthz`)).rejects.toThrow();
    await h.stop();
  });
});
