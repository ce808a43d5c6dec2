// formosa-server token create | list | revoke, through bin/formosa-server.js as an operator runs it, on the SQLite
// file FORMOSA_DB names and on a real PostgreSQL (FORMOSA_DATABASE_URL): the token works once created, is never
// shown again, stops working once revoked; mistakes exit 2 before touching the database, a database that cannot be
// opened exits 3.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@formosa/server';
import { checkToken, tokenIdOf } from '../src/backoffice/tokens.js';
import { startPostgres, type TestPostgres } from './postgres.js';

const bin = fileURLToPath(new URL('../bin/formosa-server.js', import.meta.url));

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

let cluster: TestPostgres;
before(async () => (cluster = await startPostgres()));
after(() => cluster?.stop());

for (const kind of ['SQLite', 'PostgreSQL'] as const) {
  test(`${kind}: create prints the token once, list never shows a secret, revoke ends it`, async () => {
    const env: Record<string, string> = kind === 'SQLite' ? { FORMOSA_DB: join(mkdtempSync(join(tmpdir(), 'formosa-cli-')), 'db.sqlite') } : { FORMOSA_DATABASE_URL: await cluster.database() };
    const created = await cli(['token', 'create', '--holder', '王小明 (台北市社會局)', '--scopes', 'read,decide', '--forms', 'rent-subsidy', '--expires', '90d'], env);
    assert.equal(created.code, 0, created.stderr);
    const text = created.stdout.trim();
    assert.match(text, /^fbo_[0-9a-z]{12}_[A-Za-z0-9_-]{43}$/, 'stdout is the token alone');
    assert.match(created.stderr, /shown this once/);
    const id = tokenIdOf(text)!;
    const store = await openStore(env['FORMOSA_DB'] ?? env['FORMOSA_DATABASE_URL']!);
    try {
      const principal = checkToken(text, await store.backoffice.token(id), new Date());
      assert.ok(typeof principal === 'object', 'the printed token proves its holder');
      assert.deepEqual(principal.scopes, ['read', 'decide']);
      const expires = Date.parse((await store.backoffice.token(id))!.expiresAt!);
      assert.ok(Math.abs(expires - (Date.now() + 90 * 86_400_000)) < 60_000, 'expires in 90 days');
      const listed = await cli(['token', 'list'], env);
      assert.equal(listed.code, 0);
      assert.match(listed.stdout, new RegExp(`^${id}  active   read,decide  rent-subsidy  \\d{4}-\\d{2}-\\d{2}  until \\d{4}-\\d{2}-\\d{2}  王小明 \\(台北市社會局\\)$`, 'm'));
      const json = await cli(['token', 'list', '--json'], env);
      const hash = (await store.backoffice.token(id))!.hash;
      for (const output of [listed.stdout, json.stdout]) {
        assert.ok(!output.includes(text.slice(-43)) && !output.includes(hash), 'neither the secret nor its hash');
      }
      assert.equal(JSON.parse(json.stdout)[0].state, 'active');
      assert.equal((await cli(['token', 'revoke', id], env)).code, 0);
      assert.equal(checkToken(text, await store.backoffice.token(id), new Date()), 'revoked');
      const again = await cli(['token', 'revoke', id], env);
      assert.equal(again.code, 0);
      assert.match(again.stderr, /revoked already/);
      assert.equal((await cli(['token', 'revoke', 'nosuchtoken0'], env)).code, 1);
      assert.match((await cli(['token', 'list'], env)).stdout, /revoked/);
    } finally {
      await store.close();
    }
  });
}

test('usage mistakes exit 2 and touch nothing; a database that cannot be opened exits 3', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'formosa-cli-')), 'db.sqlite');
  const mistakes = [
    [],
    ['token'],
    ['tokens', 'list'],
    ['token', 'create', '--scopes', 'read', '--forms', '*'],
    ['token', 'create', '--holder', 'x', '--scopes', 'read,root', '--forms', '*'],
    ['token', 'create', '--holder', 'x', '--scopes', 'read', '--forms', '../etc'],
    ['token', 'create', '--holder', 'x', '--scopes', 'read', '--forms', '*,rent-subsidy'],
    ['token', 'create', '--holder', 'x', '--scopes', 'read', '--forms', '*', '--expires', 'soon'],
    ['token', 'create', '--holder', 'x', '--scopes', 'read', '--forms', '*', '--expires', '2001-01-01'],
    ['token', 'create', '--holder', 'x\u202e', '--scopes', 'read', '--forms', '*'],
    ['token', 'create', '--holder', 'x', '--scopes', 'read', '--forms', '*', '--admin'],
    ['token', 'revoke'],
  ];
  for (const args of mistakes) {
    const { code, stderr, stdout } = await cli(args, { FORMOSA_DB: file });
    assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
    assert.match(stderr + stdout, /Usage:/);
  }
  assert.equal(existsSync(file), false, 'no database made by a mistake');
  assert.equal((await cli(['help'], { FORMOSA_DB: file })).code, 0);
  const unreachable = await cli(['token', 'list'], { FORMOSA_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  assert.equal(unreachable.code, 3);
  assert.match(unreachable.stderr, /The database cannot be opened/);
});
