/**
 * `npm run build`: precompiles the definition meta-schema, compiles every package to ES modules with type
 * declarations (packages/<name>/dist), writes packages/elements/custom-elements.json and the React/Vue typings generated
 * from it (packages/elements/dist/frameworks), and bundles the browser SDK (dist/formosa.min.js, dist/formosa.js),
 * printing each bundle's size. The size budget is enforced by examples/test/bundle.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { precompilePack } from './icu.js';
import { gzipSync } from 'node:zlib';

const step = (title: string, command: string, args: string[]) => {
  console.log(`· ${title}`);
  execFileSync(command, args, { stdio: 'inherit' });
};

step('meta-schema validator', process.execPath, ['--conditions=formosa-source', '--import', 'tsx', 'packages/schema/scripts/generate.ts']);
step('packages → ES modules + .d.ts', process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'packages/elements/tsconfig.build.json', 'packages/server/tsconfig.build.json', 'packages/cli/tsconfig.build.json']);
// After tsc: the framework typings go into packages/elements/dist/frameworks, beside the declarations they import.
step('custom-elements.json + React/Vue typings', process.execPath, ['--conditions=formosa-source', '--import', 'tsx', 'packages/elements/scripts/manifest.ts']);
cpSync('packages/schema/src/generated', 'packages/schema/dist/generated', { recursive: true });
// The interface packs other than the default are loaded when chosen, from locales/ next to the code that loads them.
cpSync('packages/i18n/src/locales', 'packages/i18n/dist/locales', { recursive: true });
// The back office's page (HTML, a script, a style sheet) is served from beside the module that serves it.
cpSync('packages/server/src/backoffice/page', 'packages/server/dist/backoffice/page', { recursive: true });
// Nothing left from an earlier build (a chunk renamed or merged would still be shipped and measured).
rmSync('dist/chunks', { recursive: true, force: true });
step('browser bundles', process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']);
// The packs beside the bundles are precompiled like the bundled one (see scripts/icu.js).
mkdirSync('dist/locales', { recursive: true });
for (const file of readdirSync('packages/i18n/src/locales').filter((f) => f.endsWith('.json') && f !== 'zh-Hant-TW.json')) {
  writeFileSync(`dist/locales/${file}`, JSON.stringify(precompilePack(JSON.parse(readFileSync(`packages/i18n/src/locales/${file}`, 'utf8')))));
}

// The CLI ships the bundle its preview serves, so an installed `formosa preview` needs no repository.
rmSync('packages/cli/dist/bundle', { recursive: true, force: true });
for (const part of ['formosa.min.js', 'chunks', 'locales']) cpSync(`dist/${part}`, `packages/cli/dist/bundle/${part}`, { recursive: true });

const sizes: Record<string, { bytes: number; gzip: number }> = {};
// The chunks are fetched on demand beside the bundle; a page pays for the ones its form and moment need.
const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js')).sort().map((f) => `dist/chunks/${f}`);
for (const file of ['dist/formosa.min.js', 'dist/formosa.js', 'dist/formosa-status.min.js', ...chunks]) {
  const bytes = readFileSync(file);
  sizes[file] = { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  const kind = file.endsWith('.min.js') || file.includes('/chunks/') ? ' min' : ' (readable)';
  console.log(`  ${file}: ${(sizes[file].bytes / 1024).toFixed(1)} KB${kind}, ${(sizes[file].gzip / 1024).toFixed(1)} KB gzip`);
}
writeFileSync('dist/sizes.json', JSON.stringify(sizes, null, 2));
