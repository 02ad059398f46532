// @ts-check
import tseslint from 'typescript-eslint';

const NO_TEAMS = { group: ['botbuilder*', '@microsoft/*'], message: 'botbuilder and teams-ai stay inside src/channels/teams.' };
const NO_DRIZZLE = { group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'], message: 'channels and http use ports from core or services, not the database.' };

/**
 * Which folders of src a layer may not import (imports only point down core ← db ← services ←
 * channels ← app ← main), plus any other patterns. Each file falls under one of these.
 */
const layer = (files, folders, message, extra = [], ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: [...(folders.length ? [{ regex: `^(\\.\\.?/)+(${folders.join('|')})(/|\\.js$)`, message }] : []), ...extra] }] },
});
const ENTRY = ['app', 'main', 'environment', 'cli'];
const ABOVE_SERVICES = ['channels', 'http', ...ENTRY];
const ABOVE_DB = ['services', ...ABOVE_SERVICES];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.test-data/', 'migrations/', 'artifacts/'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'error',
      'no-console': 'error',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Small functions and files: a newcomer finds a rule, a step or a query within a minute.
    files: ['src/**/*.ts'],
    ignores: ['src/core/taxonomy/categories.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The domain stays framework-free: no bot framework, driver, database, channel or i18n here.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['grammy', 'grammy/*', '@grammyjs/*'], message: 'src/core must not import a bot framework.' },
            { group: ['botbuilder*', '@microsoft/*'], message: 'src/core must not import a bot framework.' },
            { group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*', 'pg'], message: 'src/core must not import a database driver.' },
            { group: ['i18next', 'pino', 'node:*'], message: 'src/core is pure: no i18n runtime, logger or Node APIs.' },
            { group: ['**/db/**', '**/services/**', '**/channels/**', '**/http/**', '**/i18n/**', '**/cli/**', '../config.js', '../logger.js', '**/app.js', '**/main.js'], message: 'src/core must not import outer layers.' },
          ],
        },
      ],
    },
  },
  layer(['src/config.ts', 'src/logger.ts', 'src/i18n/**/*.ts'], ['db', ...ABOVE_DB], 'config, logger and i18n sit just above the core.', [NO_TEAMS]),
  layer(['src/db/**/*.ts'], ABOVE_DB, 'src/db loads and saves: it must not import services, the outbox worker, channels or entry points.', [NO_TEAMS]),
  layer(['src/services/**/*.ts'], ABOVE_SERVICES, 'services must not import channels, HTTP or entry points.', [NO_TEAMS]),
  layer(['src/channels/teams/**/*.ts'], ['db', ...ENTRY], 'channels render: they reach storage through services or core ports, never src/db.', [NO_DRIZZLE]),
  layer(['src/channels/**/*.ts', 'src/http/**/*.ts'], ['db', ...ENTRY], 'channels render: they reach storage through services or core ports, never src/db.', [NO_DRIZZLE, NO_TEAMS], ['src/channels/teams/**']),
  layer(['src/app.ts'], ['main', 'environment', 'cli'], 'app.ts wires; only entry points import it.', [NO_TEAMS]),
  layer(['src/main.ts', 'src/environment.ts', 'src/cli/**/*.ts'], [], '', [NO_TEAMS]),
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
