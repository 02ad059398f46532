/** Composition root: parse the environment once, start, and stop gracefully on SIGTERM/SIGINT. */
import { ConfigError } from './config.js';
import { readEnvironment } from './environment.js';
import { startApp } from './app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = readEnvironment();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Goesting cannot start:\n${error.message}\n(see .env.example)\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config);
  const shutdown = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Goesting could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
