import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SandboxRefusedError, startSandbox, DEMO_CLIENT } from '../src/index.js';

test('startSandbox refuses NODE_ENV=production', async () => {
  const saved = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await assert.rejects(startSandbox({ clients: [DEMO_CLIENT] }), (error: unknown) => error instanceof SandboxRefusedError && /NODE_ENV=production/.test(error.message));
  } finally {
    if (saved === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = saved;
  }
});

test('the standalone sandbox says why it will not start in production, and exits 1', async () => {
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, ['--conditions=formosa-source', '--import', 'tsx', main], { env: { ...process.env, NODE_ENV: 'production', PORT: '0' } }, (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }));
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /refuses to start with NODE_ENV=production/);
});

test('a client secret the platform cannot use as an AES-256 key is refused at start', async () => {
  await assert.rejects(startSandbox({ clients: [{ ...DEMO_CLIENT, clientSecret: 'short' }] }), /16-character secret/);
});
