/** Drives an app through the playground channel: the same intake, desk and provider cards as Telegram and Teams. */
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase } from './db.js';

export interface PlaygroundHarness {
  readonly app: App;
  /** The PostgreSQL server database under test; undefined on PGlite. */
  readonly databaseUrl: string | undefined;
  post(path: string, body: unknown): Promise<Record<string, unknown>>;
  turn(resident: string, name: string, input: Record<string, unknown>): Promise<Record<string, unknown>>;
  tap(resident: string, name: string, ...buttons: string[]): Promise<void>;
  /** The whole intake by taps in Dutch at Lier, with the given taps for skills and needs. */
  intake(resident: string, name: string, skills?: string[], needs?: string[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startPlayground(env: Record<string, string> = {}): Promise<PlaygroundHarness> {
  const database = await createTestDatabase();
  const app = await startApp(loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', DEMO_DATA: 'off', ...env }), {
    ...(database.dump ? { pgliteDump: database.dump } : {}),
    outbox: 'manual',
    flood: { burst: 1000, perSecond: 1000 }, // tests tap faster than anyone
    today: () => '2026-11-27',
  });
  const base = `http://127.0.0.1:${app.port}`;
  const post = async (path: string, body: unknown) =>
    (await (await fetch(`${base}/playground/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
  const turn = (resident: string, name: string, input: Record<string, unknown>) => post('turn', { resident, name, lang: 'nl', ...input });
  const tap = async (resident: string, name: string, ...buttons: string[]) => {
    for (const button of buttons) await turn(resident, name, { button });
  };
  return {
    app,
    databaseUrl: database.url,
    post,
    turn,
    tap,
    async intake(resident, name, skills = [], needs = []) {
      await turn(resident, name, { text: '/start lier' });
      await tap(resident, name, 'lang:nl:lier', 'cons:y:nl:lier', 'name:y', 'place:y', 'neighbourhood:skip', 'goesting:d', ...skills, 'skills:d', ...needs, 'needs:d', 'ambition:d', 'availability:d', 'languages:d', 'summary:ok');
    },
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}
