/**
 * The whole environment, validated once at start-up by `main.ts`: a missing or malformed
 * variable stops the start with one line that names it and says what is expected.
 */
import { z } from 'zod';
import { DEFAULT_MATCHING, type MatchingConfig } from './core/matching/config.js';
import { UUID_PATTERN as GUID } from './core/ids.js';

const weightsSchema = z
  .object({
    category: z.number().min(0),
    place: z.number().min(0),
    neighbourhood: z.number().min(0),
    language: z.number().min(0),
    availability: z.number().min(0),
    reciprocity: z.number().min(0),
    freshness: z.number().min(0),
  })
  .partial()
  .strict();
/** A number from the environment, every failure explained with the same `expected` words. */
function numberSchema(expected: string, rule: { min: number; max?: number; int?: boolean }) {
  const error = { error: expected };
  let schema = z.coerce.number(error).min(rule.min, error);
  if (rule.max !== undefined) schema = schema.max(rule.max, error);
  return rule.int ? schema.int(error) : schema;
}
const number = (expected: string, rule: { min: number; max?: number; int?: boolean }, fallback: number) =>
  z.preprocess(emptyAsUndefined, numberSchema(expected, rule).default(fallback));
const optionalNumber = (expected: string, rule: { min: number; max?: number; int?: boolean }) =>
  z.preprocess(emptyAsUndefined, numberSchema(expected, rule).optional());

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

export const configSchema = z
  .object({
    DATABASE_URL: optional(
      z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection URL, or leave it empty for the embedded database'),
    ),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
    PORT: number('a port number from 0 to 65535', { min: 0, max: 65535, int: true }, 3978),
    TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]{20,}$/, 'a token from @BotFather, like 123456:ABC-DEF…')),
    TELEGRAM_MODE: z.preprocess(emptyAsUndefined, z.enum(['polling', 'webhook'], { error: 'polling or webhook' }).default('polling')),
    TELEGRAM_WEBHOOK_SECRET: optional(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, '16 to 256 characters: letters, digits, _ or -'),
    ),
    TELEGRAM_API_ROOT: optional(z.url({ error: 'a URL such as http://localhost:8081' })),
    MICROSOFT_APP_ID: optional(z.string().regex(GUID, 'the bot\'s Microsoft App ID (a GUID) from Azure')),
    MICROSOFT_APP_PASSWORD: optional(z.string().min(1)),
    MICROSOFT_APP_TENANT_ID: optional(z.string().regex(GUID, 'the Microsoft Entra tenant ID (a GUID) of a single-tenant bot')),
    MATCH_THRESHOLD: optionalNumber('a number from 0 to 1', { min: 0, max: 1 }),
    MATCH_COOLING_DAYS: optionalNumber('a whole number of days', { min: 0, int: true }),
    MATCH_WEIGHTS: optional(
      z.string().transform((text, ctx) => {
        try {
          return weightsSchema.parse(JSON.parse(text));
        } catch {
          ctx.addIssue({ code: 'custom', message: 'JSON like {"category":3,"language":1.5} with weights category, place, neighbourhood, language, availability, reciprocity, freshness' });
          return z.NEVER;
        }
      }),
    ),
    NOTIFY_DIGEST_SECONDS: number('a whole number of seconds', { min: 0, int: true }, 300),
    FOLLOW_UP_DAYS: number('a number of days', { min: 0 }, 7),
    RETENTION_MONTHS: number('a whole number of months (0 = never)', { min: 0, max: 120, int: true }, 12),
    RETENTION_WARNING_DAYS: number('a whole number of days', { min: 1, max: 365, int: true }, 30),
    FREE_TEXT_DAYS: number('a whole number of days (0 = never)', { min: 0, max: 3650, int: true }, 180),
    OUTBOX_MAX_ATTEMPTS: number('a whole number from 1 to 100', { min: 1, max: 100, int: true }, 8),
    NODE_ENV: optional(z.string()),
    PLAYGROUND: z.preprocess(emptyAsUndefined, z.enum(['auto', 'on', 'off'], { error: 'auto, on or off' }).default('auto')),
    DEMO_DATA: z.preprocess(emptyAsUndefined, z.enum(['auto', 'on', 'off'], { error: 'auto, on or off' }).default('auto')),
    HOST: optional(z.string().min(1)),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.MICROSOFT_APP_ID && GUID.test(env.MICROSOFT_APP_ID) && !env.MICROSOFT_APP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'the client secret of MICROSOFT_APP_ID (required when it is set)' });
    }
    if (env.TELEGRAM_MODE === 'webhook' && env.TELEGRAM_BOT_TOKEN && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'required when TELEGRAM_MODE=webhook (16 to 256 characters: letters, digits, _ or -)',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws a `ConfigError` whose message is one line per problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || 'environment';
    const value = env[name];
    const what = value === undefined || value === '' ? 'is missing' : 'is not valid';
    return `${name} ${what}: expected ${issue.message}`;
  });
  throw new ConfigError(lines.join('\n'));
}

/** The matching settings: the defaults of `src/core/matching/config.ts`, overridden by MATCH_*. */
export function matchingConfigFrom(config: Config): MatchingConfig {
  return {
    ...DEFAULT_MATCHING,
    weights: { ...DEFAULT_MATCHING.weights, ...(config.MATCH_WEIGHTS ?? {}) },
    ...(config.MATCH_THRESHOLD !== undefined ? { threshold: config.MATCH_THRESHOLD } : {}),
    ...(config.MATCH_COOLING_DAYS !== undefined ? { coolingDays: config.MATCH_COOLING_DAYS } : {}),
  };
}

/** The playground is on for local use, off in production unless PLAYGROUND=on. */
export function playgroundEnabled(config: Config): boolean {
  return config.PLAYGROUND === 'on' || (config.PLAYGROUND === 'auto' && config.NODE_ENV !== 'production');
}

/**
 * Fictional demo people and offers go into an empty database only for trying Goesting out: with
 * the playground on and neither Telegram nor Teams connected, unless DEMO_DATA says otherwise.
 */
export function demoDataWanted(config: Config): boolean {
  if (config.DEMO_DATA !== 'auto') return config.DEMO_DATA === 'on';
  return playgroundEnabled(config) && !config.TELEGRAM_BOT_TOKEN && !config.MICROSOFT_APP_ID;
}

/** Loopback unless told otherwise, or in production (behind a load balancer). */
export function hostOf(config: Config): string {
  return config.HOST ?? (config.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
}
