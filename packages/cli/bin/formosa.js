#!/usr/bin/env node
// Inside this repository, runs the TypeScript sources through tsx (never a stale build);
// an installed package, which ships without src/, runs its built dist/.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
if (existsSync(source)) {
  const result = spawnSync(process.execPath, ['--conditions=formosa-source', '--import', 'tsx', source, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} else {
  await import(fileURLToPath(new URL('../dist/cli.js', import.meta.url)));
}
