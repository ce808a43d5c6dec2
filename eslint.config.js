import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', 'storybook-static/**', '.data/**', '.bench/**', '.test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Strict CSP by default: nothing may evaluate strings as code (docs/architecture.md, "Validators are precompiled").
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // chai's `expect(x).to.exist` style.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The engine, schema, workflow and session run identically in Node and browsers: no DOM, no Node built-ins.
    files: ['packages/{schema,engine,workflow,session}/src/**/*.ts'],
    ignores: ['packages/schema/src/node/**'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', 'lit', 'lit/*', '@formosa/elements', '@formosa/server', '@formosa/storage', '@formosa/mydata', '@formosa/mydata-sandbox', 'idb'] }] },
  },
  {
    // Storage is the browser's (IndexedDB, Web Crypto, Web Locks); it knows the session's ports, never the elements.
    files: ['packages/storage/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', 'lit', 'lit/*', '@formosa/elements', '@formosa/server', '@formosa/mydata', '@formosa/mydata-sandbox'] }] },
  },
  {
    // MyData secrets never reach the browser: no browser package imports the connector or the sandbox.
    files: ['packages/{elements,transport,i18n}/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@formosa/mydata', '@formosa/mydata-sandbox', '@formosa/server'] }] },
  },
  {
    // The connector and the platform's sandbox are two sides of one wire: neither imports the other.
    files: ['packages/mydata/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@formosa/mydata-sandbox', '@formosa/server', '@formosa/elements'] }] },
  },
  {
    files: ['packages/mydata-sandbox/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@formosa/mydata', '@formosa/server', '@formosa/elements'] }] },
  },
);
