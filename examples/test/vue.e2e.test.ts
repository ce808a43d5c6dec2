// The Vue 3.5 host (examples/vue) in Chromium: its SFC compiled by `vite build`, on its own origin, embedding the
// rent subsidy from the reference server on another; see host-app.ts for what is checked.
import { join } from 'node:path';
import { build } from 'vite';
import { root } from './browser.js';
import { hostAppTests } from './host-app.js';

hostAppTests('Vue', 'examples/vue/tsconfig.json', async (outDir, api) => {
  // As `FORMOSA_API=… npx vite build examples/vue` does (vite.config.ts reads it).
  process.env['FORMOSA_API'] = api;
  await build({ root: join(root, 'examples/vue'), logLevel: 'warn', build: { outDir, emptyOutDir: false } });
});
