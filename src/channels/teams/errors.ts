/**
 * What the Bot Connector's failures mean for a delivery: 401/403 will not get better by trying
 * again, 429 will after the `Retry-After` it sends, 5xx and network failures probably will.
 * botbuilder throws `RestError`s (`statusCode`, `response.headers`); they become these typed
 * errors here, and `DeliveryError`s for the outbox worker.
 */
import { DeliveryError } from '../../core/outbox/messages.js';

export abstract class TeamsApiError extends Error {
  abstract readonly retryable: boolean;
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterSec?: number,
  ) {
    super(`Teams answered ${status ?? 'no status'}: ${message}`);
  }
}

/** 401 / 403: the bot is not (or no longer) allowed into this conversation. */
export class TeamsAuthError extends TeamsApiError {
  override name = 'TeamsAuthError';
  readonly retryable = false;
}

/** 429: too many messages; try again after `retryAfterSec` when Teams said so. */
export class TeamsThrottledError extends TeamsApiError {
  override name = 'TeamsThrottledError';
  readonly retryable = true;
}

/** 5xx, or no answer at all (network, timeouts). */
export class TeamsUnavailableError extends TeamsApiError {
  override name = 'TeamsUnavailableError';
  readonly retryable = true;
}

/** Any other refusal (400, 404 …): the same message would be refused again. */
export class TeamsRejectedError extends TeamsApiError {
  override name = 'TeamsRejectedError';
  readonly retryable = false;
}

interface HeaderBag {
  get?(name: string): string | undefined;
  readonly [name: string]: unknown;
}

interface ConnectorFailure {
  readonly message?: unknown;
  readonly statusCode?: unknown;
  readonly retryAfter?: unknown;
  readonly response?: { readonly status?: unknown; readonly headers?: HeaderBag } | undefined;
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterSeconds(value: unknown, now: Date = new Date()): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds) : undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

function headerOf(headers: HeaderBag | undefined, name: string): unknown {
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name);
  return headers[name] ?? headers[name.toLowerCase()];
}

function statusOf(failure: ConnectorFailure): number | undefined {
  const status = typeof failure.statusCode === 'number' ? failure.statusCode : failure.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The typed error for whatever the Bot Connector client threw. */
export function teamsApiError(error: unknown): TeamsApiError {
  if (error instanceof TeamsApiError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as ConnectorFailure;
  const message = typeof failure.message === 'string' ? failure.message : String(error);
  const status = statusOf(failure);
  if (status === undefined || status >= 500) return new TeamsUnavailableError(message, status);
  if (status === 401 || status === 403) return new TeamsAuthError(message, status);
  if (status === 429) return new TeamsThrottledError(message, status, retryAfterSeconds(failure.retryAfter ?? headerOf(failure.response?.headers, 'retry-after')));
  return new TeamsRejectedError(message, status);
}

/** The outbox's view of a Teams failure: whether and when to try again. */
export function deliveryErrorOf(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const failure = teamsApiError(error);
  return new DeliveryError(failure.message, failure.retryable, failure.retryAfterSec);
}
