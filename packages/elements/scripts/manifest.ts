/**
 * custom-elements.json (the analyzer, configured by custom-elements-manifest.config.mjs at the root) and the React
 * and Vue typings generated from it. Run by `npm run prepare` (Storybook's docs read the manifest) and `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeFrameworkTypings } from './frameworks.js';

const packageDir = new URL('..', import.meta.url);
const analyzer = fileURLToPath(import.meta.resolve('@custom-elements-manifest/analyzer/cem.js'));
execFileSync(process.execPath, [analyzer, 'analyze', '--config', '../../custom-elements-manifest.config.mjs', '--quiet'], {
  cwd: fileURLToPath(packageDir),
  stdio: 'inherit',
});
writeFrameworkTypings(packageDir);
