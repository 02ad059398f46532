// @ts-check
import tseslint from 'typescript-eslint';

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
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
