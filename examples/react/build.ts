/**
 * Builds the React host into a folder: index.html and app.css with the agency API's origin written in, and app.js
 * (esbuild: JSX with the automatic runtime, one minified ES module, React's production build).
 *
 *   FORMOSA_API=http://127.0.0.1:8080 node --import tsx examples/react/build.ts [outDir]   # outDir: examples/react/dist
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Builds the app into `outDir`, embedding the form served by the agency's API at `api` (an origin). */
export async function buildReactHost(outDir: string, api: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(here, 'src/main.tsx')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'import.meta.env.FORMOSA_API': JSON.stringify(api), 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(join(outDir, 'index.html'), readFileSync(join(here, 'index.html'), 'utf8').replaceAll('%FORMOSA_API%', api));
  copyFileSync(join(here, 'app.css'), join(outDir, 'app.css'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const api = process.env['FORMOSA_API'] ?? 'http://127.0.0.1:8080';
  const outDir = process.argv[2] ?? join(here, 'dist');
  await buildReactHost(outDir, api);
  console.log(`React host built in ${outDir}, embedding the form from ${api}`);
}
