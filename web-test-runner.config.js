// Browser tests of the elements, in real headless Chromium. Node tests (engine, workflow, server…) run with node --test.
// Run through `node --import tsx` (see scripts/test.ts) so this config can use the TypeScript validator compiler.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { compileStandaloneValidator } from '@formosa/schema/node';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.js';
import { countingReporter } from './scripts/wtr-counting-reporter.js';

const chromium = await findChromium();

/** Serves `x.validator.js` next to any definition `x.json`: its data schema, precompiled (no eval in the page). */
const validators = {
  name: 'formosa-validators',
  async serve(context) {
    if (!context.path.endsWith('.validator.js')) return undefined;
    const definition = JSON.parse(await readFile(`.${context.path.replace(/\.validator\.js$/, '.json')}`, 'utf8'));
    return { body: await compileStandaloneValidator(definition.schema), type: 'js' };
  },
};

/**
 * A generated JavaScript module (the meta-schema validator) imports its TypeScript neighbour as `../pattern.js`,
 * as tsc's output will have it; from source, that name is the `.ts` file beside it.
 */
const sourceNeighbours = {
  name: 'formosa-source-neighbours',
  resolveImport({ source, context }) {
    if (!source.startsWith('.') || !source.endsWith('.js') || !context.path.endsWith('.js')) return undefined;
    const target = resolve(`.${dirname(context.path)}`, source);
    if (existsSync(target) || !existsSync(target.replace(/\.js$/, '.ts'))) return undefined;
    return source.replace(/\.js$/, '.ts');
  },
};

export default {
  rootDir: '.',
  files: ['packages/elements/src/**/*.test.ts', 'packages/storage/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['formosa-source', 'browser', 'production'] },
  plugins: [validators, sourceNeighbours, esbuildPlugin({ ts: true, target: 'esnext', tsconfig: 'tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromium.executablePath, headless: chromium.headless, args: CHROMIUM_ARGS } })],
  concurrency: 1,
  testFramework: { config: { timeout: 15000 } },
  reporters: [defaultReporter(), countingReporter('.test-results/browser.json')],
};
