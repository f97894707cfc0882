// ESLint for the whole repository (run from the root: `eslint -c test/eslint.config.js .`).
// Enforces the one-way import direction renderer → shared ← main (architecture: The shape).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const mainOnly = ['**/main/**', 'electron', 'better-sqlite3', 'kysely', 'ws', 'node:*'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'src/shared imports neither main nor renderer.',
            },
            {
              group: ['node:*', 'electron', 'react', 'react-dom', 'better-sqlite3', 'kysely', 'ws'],
              message: 'src/shared is pure TypeScript: no Node, DOM, Electron, React or SQL.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule is advice for the React Compiler, which the app does not use; TanStack Table trips it by design.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: mainOnly, message: 'The renderer reaches the core only through api/client.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }] },
      ],
    },
  },
  {
    // Only the Electron glue may import electron: the core must run (and be tested) without it.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'main never imports the renderer.' },
            { group: ['electron'], message: 'Only src/main/electron may import electron.' },
          ],
        },
      ],
    },
  },
);
