/**
 * For entry points only (the app and the command-line tools): the process environment, plus a
 * local `.env` when there is one, parsed by the one config schema; and the app's database.
 */
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';

export function readEnvironment(): Config {
  // A local .env is a convenience; real deployments set the environment themselves.
  if (existsSync('.env')) process.loadEnvFile('.env');
  return loadConfig(process.env);
}

/** The same database as the app, chosen the same way, on one connection; migrations run on open, nothing is seeded. */
export function openToolDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 1 });
}

/**
 * Runs a command-line tool's `main` and exits with its code; a configuration problem (or one of
 * the tool's own `refusals`, like an import's problems) is its message as it is, any other
 * failure one line starting with the tool's name.
 */
export function runTool(name: string, main: () => Promise<number | void>, refusals: readonly (abstract new (...args: never[]) => Error)[] = []): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const plain = error instanceof ConfigError || refusals.some((kind) => error instanceof kind);
      process.stderr.write(plain ? `${message}\n` : `${name} failed: ${message}\n`);
      process.exit(1);
    },
  );
}

type ToolOptions = NonNullable<ParseArgsConfig['options']>;
type ToolValues<O extends ToolOptions> = ReturnType<typeof parseArgs<{ options: O }>>['values'];

/**
 * A tool's options from the command line, or the exit code when there is nothing to run: an
 * unknown or malformed option is its message and the usage on stderr (2); `--help` the usage (0).
 */
export function toolArgs<O extends ToolOptions>(usage: string, options: O): ToolValues<O> | number {
  let values: ToolValues<O>;
  try {
    values = parseArgs({ options }).values as ToolValues<O>;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(usage);
    return 0;
  }
  return values;
}
