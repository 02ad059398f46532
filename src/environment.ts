/**
 * For entry points only (the app and the command-line tools): the process environment, plus a
 * local `.env` when there is one, parsed by the one config schema; and the app's database.
 */
import { existsSync } from 'node:fs';
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
 * Runs a command-line tool's `main` and exits with its code; a configuration problem is one line,
 * any other failure one line starting with the tool's name.
 */
export function runTool(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${name} failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
