/** With an app id configured, every request must carry a valid Bot Framework JWT. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsHarness, TeamsUser, type TeamsHarness } from '../../support/teams-app.js';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ MICROSOFT_APP_ID: '0a1b2c3d-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
});
afterAll(async () => {
  await h?.stop();
});

describe('Teams authentication', () => {
  it('refuses unsigned and forged requests with 401 and answers nothing', async () => {
    const u = new TeamsUser(h, 'Mallory');
    expect((await u.say('new offer')).status).toBe(401);
    expect((await h.post(u.activity({ type: 'message', text: 'hi' }), { authorization: 'Bearer not.a.jwt' })).status).toBe(401);
    expect(h.connector.calls).toHaveLength(0);
  });
});
