/**
 * What the Bot Connector's failures mean for the outbox: 401/403 are given up, 429 is retried
 * after its Retry-After, 5xx and network failures are retried — as typed errors, then as the
 * worker's DeliveryError; once with made-up errors, once through a local Bot Connector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError, type OutboxRow } from '../../../src/core/outbox/messages.js';
import {
  deliveryErrorOf,
  retryAfterSeconds,
  teamsApiError,
  TeamsAuthError,
  TeamsRejectedError,
  TeamsThrottledError,
  TeamsUnavailableError,
} from '../../../src/channels/teams/errors.js';
import { BOT_ID, startTeamsHarness, type TeamsHarness } from '../../support/teams-app.js';

/** What botbuilder's connector client throws: a RestError with the response and its headers. */
function restError(status: number | undefined, headers: Record<string, string> = {}, code?: string) {
  const error = Object.assign(new Error(`status ${status}`), { name: 'RestError', statusCode: status, code });
  return Object.assign(error, status === undefined ? {} : { response: { status, headers: { get: (name: string) => headers[name.toLowerCase()] } } });
}

describe('Teams errors', () => {
  it('maps statuses to typed errors', () => {
    expect(teamsApiError(restError(401))).toBeInstanceOf(TeamsAuthError);
    expect(teamsApiError(restError(403))).toBeInstanceOf(TeamsAuthError);
    expect(teamsApiError(restError(429, { 'retry-after': '12' }))).toMatchObject({ retryable: true, retryAfterSec: 12, status: 429 });
    expect(teamsApiError(restError(429))).toBeInstanceOf(TeamsThrottledError);
    expect(teamsApiError(restError(502))).toBeInstanceOf(TeamsUnavailableError);
    expect(teamsApiError(restError(undefined, {}, 'ECONNREFUSED'))).toBeInstanceOf(TeamsUnavailableError);
    expect(teamsApiError(restError(404))).toBeInstanceOf(TeamsRejectedError);
  });

  it('turns them into DeliveryErrors the worker retries, or gives up', () => {
    const cases: [unknown, boolean, number | undefined][] = [
      [restError(401), false, undefined],
      [restError(403), false, undefined],
      [restError(429, { 'retry-after': '30' }), true, 30],
      [restError(429), true, undefined],
      [restError(500), true, undefined],
      [restError(503, { 'retry-after': '5' }), true, undefined],
      [new TypeError('fetch failed'), true, undefined],
      [restError(400), false, undefined],
    ];
    for (const [error, retryable, retryAfterSec] of cases) {
      const failure = deliveryErrorOf(error);
      expect(failure).toBeInstanceOf(DeliveryError);
      expect({ retryable: failure.retryable, retryAfterSec: failure.retryAfterSec }).toEqual({ retryable, retryAfterSec });
    }
    expect(deliveryErrorOf(restError(403)).message).toContain('Teams answered 403');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(retryAfterSeconds('7', now)).toBe(7);
    expect(retryAfterSeconds(2.5, now)).toBe(3);
    expect(retryAfterSeconds('Fri, 27 Nov 2026 12:01:00 GMT', now)).toBe(60);
    expect(retryAfterSeconds('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(undefined, now)).toBeUndefined();
  });
});

describe('Teams delivery through the Bot Connector', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const textRow = (conversationId: string): OutboxRow => ({
    id: 1,
    attempts: 1,
    participantId: null,
    matchId: null,
    channel: 'teams',
    kind: 'text',
    payload: {
      reference: { serviceUrl: h.connector.serviceUrl, channelId: 'msteams', conversation: { id: conversationId }, bot: { id: BOT_ID }, user: { id: '29:someone' }, locale: 'nl-BE' },
      text: { key: 'teams:notify.connected', params: { place: { raw: 'Lier' } } },
    },
  });

  it('delivers, gives up on 403 and retries a 429 after its Retry-After', async () => {
    await h.app.teams.deliver(textRow('a:ok'));
    expect(h.connector.texts('a:ok')).toHaveLength(1);

    h.connector.failNext({ status: 403 });
    await expect(h.app.teams.deliver(textRow('a:forbidden'))).rejects.toMatchObject({ name: 'DeliveryError', retryable: false });

    // The connector client itself tries a 429 again a few times before it gives up.
    const throttled = { status: 429, headers: { 'retry-after': '1' } };
    h.connector.failNext(throttled, throttled, throttled, throttled);
    await expect(h.app.teams.deliver(textRow('a:throttled'))).rejects.toMatchObject({ name: 'DeliveryError', retryable: true, retryAfterSec: 1 });
    expect(h.connector.texts('a:forbidden')).toHaveLength(0);
    expect(h.connector.texts('a:throttled')).toHaveLength(0);
  }, 20_000);
});
