#!/usr/bin/env node
// `formosa-server token create | list | revoke` (src/backoffice/cli.ts). Inside this repository, runs the TypeScript
// sources through tsx (never a stale build); an installed package, which ships without src/, runs its built dist/.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/backoffice/cli-main.ts', import.meta.url));
if (existsSync(source)) {
  const child = spawn(process.execPath, ['--conditions=formosa-source', '--import', 'tsx', source, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (constants.signals[signal] ?? 0);
  });
} else {
  await import(fileURLToPath(new URL('../dist/backoffice/cli-main.js', import.meta.url)));
}
