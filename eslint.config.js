// @ts-check
import tseslint from 'typescript-eslint';

const NO_DB = { group: ['**/db/**', 'drizzle-orm', 'drizzle-orm/*'], message: 'channels and http use ports from core or services, not src/db.' };
const NO_APP = { group: ['**/app.js', '**/main.js'], message: 'channels must not import the app.' };
const NO_TEAMS = { group: ['botbuilder*', '@microsoft/*'], message: 'botbuilder and teams-ai stay inside src/channels/teams.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.test-data/', 'migrations/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'error',
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
            { group: ['**/db/**', '**/channels/**', '**/http/**', '**/i18n/**', '**/app.js', '**/main.js'], message: 'src/core must not import outer layers.' },
          ],
        },
      ],
    },
  },
  {
    // Channels and HTTP read and write through ports from core or services, never the database.
    files: ['src/channels/teams/**/*.ts', 'src/http/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DB, NO_APP] }] },
  },
  {
    // …and every Teams detail stays in its channel. (playground/demo.ts is on its way to src/services.)
    files: ['src/channels/**/*.ts'],
    ignores: ['src/channels/teams/**', 'src/channels/playground/demo.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DB, NO_APP, NO_TEAMS] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/channels/**', 'src/http/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TEAMS] }] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
