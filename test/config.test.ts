import { describe, expect, it } from 'vitest';
import { ConfigError, demoDataWanted, loadConfig, matchingConfigFrom, playgroundEnabled } from '../src/config.js';
import { DEFAULT_MATCHING } from '../src/core/matching/config.js';

describe('configuration', () => {
  it('runs on a fresh machine with nothing set', () => {
    expect(loadConfig({})).toMatchObject({ DATA_DIR: './data', PORT: 3978, TELEGRAM_MODE: 'polling', LOG_LEVEL: 'info' });
  });

  it('turns MATCH_* into the matching settings, keeping defaults for the rest', () => {
    const m = matchingConfigFrom(loadConfig({ MATCH_THRESHOLD: '0.6', MATCH_COOLING_DAYS: '30', MATCH_WEIGHTS: '{"language":4}' }));
    expect(m).toMatchObject({ threshold: 0.6, coolingDays: 30, weights: { ...DEFAULT_MATCHING.weights, language: 4 } });
    expect(matchingConfigFrom(loadConfig({}))).toEqual(DEFAULT_MATCHING);
  });

  it('serves the playground with demo data only for trying out, never unasked in production', () => {
    const token = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    expect(playgroundEnabled(loadConfig({}))).toBe(true);
    expect(playgroundEnabled(loadConfig({ NODE_ENV: 'production' }))).toBe(false);
    expect(playgroundEnabled(loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'on' }))).toBe(true);
    expect(demoDataWanted(loadConfig({}))).toBe(true);
    expect(demoDataWanted(loadConfig({ DEMO_DATA: 'off' }))).toBe(false);
    expect(demoDataWanted(loadConfig({ TELEGRAM_BOT_TOKEN: token }))).toBe(false);
    expect(demoDataWanted(loadConfig({ MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555', MICROSOFT_APP_PASSWORD: 'secret' }))).toBe(false);
    expect(demoDataWanted(loadConfig({ NODE_ENV: 'production' }))).toBe(false);
    expect(demoDataWanted(loadConfig({ TELEGRAM_BOT_TOKEN: token, DEMO_DATA: 'on' }))).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT is not valid: expected a port number from 0 to 65535$/],
    [{ PORT: '70000' }, /^PORT is not valid: expected a port number from 0 to 65535$/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL is not valid: expected a postgres:\/\/ connection URL/],
    [{ TELEGRAM_MODE: 'push' }, /^TELEGRAM_MODE is not valid: expected polling or webhook$/],
    [{ TELEGRAM_BOT_TOKEN: 'nope' }, /^TELEGRAM_BOT_TOKEN is not valid: expected a token from @BotFather/],
    [{ TELEGRAM_API_ROOT: 'not a url' }, /^TELEGRAM_API_ROOT is not valid/],
    [{ MICROSOFT_APP_ID: 'my-bot' }, /^MICROSOFT_APP_ID is not valid: expected the bot's Microsoft App ID \(a GUID\)/],
    [{ MICROSOFT_APP_ID: '0a1b2c3d-0000-4000-8000-000000000001' }, /^MICROSOFT_APP_PASSWORD is missing: expected the client secret/],
    [{ MATCH_THRESHOLD: '2' }, /^MATCH_THRESHOLD is not valid: expected a number from 0 to 1$/],
    [{ MATCH_WEIGHTS: '{"colour":1}' }, /^MATCH_WEIGHTS is not valid: expected JSON like/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL is not valid: expected one of fatal, error/],
    [
      { TELEGRAM_BOT_TOKEN: '1:abcdefghijklmnopqrstuvwxyz', TELEGRAM_MODE: 'webhook' },
      /^TELEGRAM_WEBHOOK_SECRET is missing: expected required when TELEGRAM_MODE=webhook/,
    ],
  ])('names the variable and what is expected: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message.split('\n')).toHaveLength(1);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('package', () => {
  it('asks for a Node.js that has process.loadEnvFile (20.12 or later)', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    const [major, minor] = (/^>=(\d+)\.(\d+)/.exec(pkg.engines.node) ?? []).slice(1).map(Number);
    expect(major! > 20 || (major === 20 && minor! >= 12)).toBe(true);
    expect(typeof process.loadEnvFile).toBe('function');
  });
});
