/**
 * `npm run teams:package`: fills `appPackage/manifest.json` from the environment and zips it with
 * the icons into `build/goesting-teams.zip`, the file an admin uploads (sideloads) in Teams.
 * Checked before writing, so a wrong app id or domain never reaches a tenant.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { z } from 'zod';

/** A refusal: one line naming the variable or manifest field and what is expected. */
export class TeamsPackageError extends Error {
  override name = 'TeamsPackageError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Teams accepts only MAJOR.MINOR.PATCH, without pre-release or build parts. */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOST = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

const envSchema = z.object({
  MICROSOFT_APP_ID: z.preprocess(
    emptyAsUndefined,
    z.string({ error: "the bot's Microsoft App ID (Azure Bot → Configuration), a GUID like 00000000-0000-0000-0000-000000000000" }).regex(
      GUID,
      "the bot's Microsoft App ID (Azure Bot → Configuration), a GUID like 00000000-0000-0000-0000-000000000000",
    ),
  ),
  BOT_DOMAIN: z.preprocess(
    emptyAsUndefined,
    z
      .string({ error: 'the public host name of the bot, like goesting.example.org (no https://, port or path)' })
      .regex(HOST, 'the public host name of the bot, like goesting.example.org (no https://, port or path)'),
  ),
  APP_VERSION: z.preprocess(emptyAsUndefined, z.string().regex(VERSION, 'a version like 1.2.3 (numbers only, no -beta)').optional()),
});

export type TeamsPackageEnv = z.infer<typeof envSchema>;

/** Parses the environment; the first problem becomes e.g. `BOT_DOMAIN is not valid: expected …`. */
export function parseTeamsPackageEnv(env: Record<string, string | undefined>): TeamsPackageEnv {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  const raw = env[name];
  const what = raw === undefined || raw.trim() === '' ? 'is missing' : 'is not valid';
  throw new TeamsPackageError(`${name} ${what}: expected ${issue?.message ?? 'a valid value'}`);
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '';
}

/** The filled manifest as far as this script vouches for it; the rest is the template's. */
const manifestSchema = z.looseObject({
  manifestVersion: z.literal('1.19'),
  version: z.string().regex(VERSION),
  id: z.string().regex(GUID),
  name: z.looseObject({ short: z.string().min(1).max(30), full: z.string().max(100) }),
  description: z.looseObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
  bots: z
    .array(
      z.looseObject({
        botId: z.string(),
        commandLists: z.array(z.looseObject({ commands: z.array(z.object({ title: z.string().max(32), description: z.string().max(128) })).max(10) })),
      }),
    )
    .length(1),
  validDomains: z.array(z.string()),
});

/** Fills the template, checks it, and returns the zip bytes (manifest and icons at the root). */
export function buildTeamsPackage(env: Record<string, string | undefined>, appPackageDir: string): Uint8Array {
  const vars = parseTeamsPackageEnv(env);
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: vars.MICROSOFT_APP_ID.toLowerCase(),
    BOT_DOMAIN: vars.BOT_DOMAIN.toLowerCase(),
    APP_VERSION: vars.APP_VERSION ?? packageVersion(),
  };
  if (!VERSION.test(values.APP_VERSION ?? '')) {
    throw new TeamsPackageError(`APP_VERSION is missing: expected a version like 1.2.3, since package.json has "${values.APP_VERSION}"`);
  }
  const template = readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
  // Values are validated above (GUID, host name, digits and dots), so they are safe inside JSON strings.
  const filled = template.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (match, name: string) => values[name] ?? match);
  const leftover = /\$\{\{[^}]*\}\}/.exec(filled);
  if (leftover) throw new TeamsPackageError(`manifest.json has an unknown placeholder ${leftover[0]}: expected only ${Object.keys(values).map((k) => `\${{${k}}}`).join(', ')}`);

  const checked = manifestSchema.safeParse(JSON.parse(filled));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TeamsPackageError(`manifest.json ${issue?.path.join('.') ?? ''} is not valid: ${issue?.message ?? 'unknown problem'}`);
  }
  const manifest = checked.data;
  if (manifest.id !== values.MICROSOFT_APP_ID) throw new TeamsPackageError('manifest.json id is not valid: expected ${{MICROSOFT_APP_ID}}');
  if (manifest.bots[0]?.botId !== values.MICROSOFT_APP_ID) throw new TeamsPackageError('manifest.json bots.0.botId is not valid: expected ${{MICROSOFT_APP_ID}}');
  if (!manifest.validDomains.includes(values.BOT_DOMAIN ?? '')) throw new TeamsPackageError('manifest.json validDomains is not valid: expected to include ${{BOT_DOMAIN}}');

  // A fixed timestamp: the same inputs give byte-identical packages.
  return zipSync(
    {
      'manifest.json': new TextEncoder().encode(filled),
      'color.png': readFileSync(path.join(appPackageDir, 'color.png')),
      'outline.png': readFileSync(path.join(appPackageDir, 'outline.png')),
    },
    { level: 9, mtime: new Date('2025-01-01T00:00:00Z') },
  );
}

function main(): void {
  // A local .env is a convenience, as for `npm start`; variables already set win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const zip = buildTeamsPackage(process.env, path.join(root, 'appPackage'));
  const out = path.join(root, 'build', 'goesting-teams.zip');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(`${path.relative(process.cwd(), out) || out}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${error instanceof TeamsPackageError ? error.message : `teams:package failed: ${(error as Error).message}`}\n`);
    process.exitCode = 1;
  }
}
