import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { PACKAGES, mayImport, mayNotImport } from './scripts/dependency-direction.js';

/** The dependency direction (scripts/dependency-direction.js, docs/architecture.md): what `name` may not import. */
const directionBan = (name) => ({
  group: mayNotImport(name).flatMap((p) => [`@formosa/${p}`, `@formosa/${p}/*`]),
  message: `dependencies point one way: ${name} may import only ${mayImport(name).map((p) => `@formosa/${p}`).join(', ') || 'no workspace package'} (docs/architecture.md).`,
});

/** Run identically in Node and browsers (docs/architecture.md): checked without DOM types by tsconfig.dom-free.json too. */
const DOM_FREE = ['schema', 'engine', 'workflow', 'session'];
const NO_NODE = { group: ['node:*'], message: 'this package runs in browsers: no Node built-ins.' };
const NO_DOM = { group: ['lit', 'lit/*', 'idb'], message: 'this package is DOM-free: no Lit, no IndexedDB.' };
/** Third-party imports a package may not make, beside the direction. */
const PLATFORM_BANS = {
  ...Object.fromEntries(DOM_FREE.map((name) => [name, [NO_NODE, NO_DOM]])),
  // Storage is the browser's (IndexedDB, Web Crypto, Web Locks), never Lit's.
  storage: [NO_NODE, { group: ['lit', 'lit/*'], message: 'storage implements the session\'s ports; the elements render.' }],
};

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
    // The engine, schema, workflow and session run identically in Node and browsers: no DOM globals.
    files: [`packages/{${DOM_FREE.join(',')}}/src/**/*.ts`],
    ignores: ['packages/schema/src/node/**'],
    languageOptions: { globals: {} },
  },
  // One block per package (a later block's options would replace, not add to, an earlier one's).
  ...PACKAGES.map((name) => ({
    files: [`packages/${name}/src/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [directionBan(name), ...(PLATFORM_BANS[name] ?? [])] }] },
  })),
  {
    // The schema's Node entry (ajv standalone compilation) may use Node; the direction still holds.
    files: ['packages/schema/src/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [directionBan('schema')] }] },
  },
);
