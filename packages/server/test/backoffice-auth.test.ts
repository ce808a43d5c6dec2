// authenticate() over real HTTP on a real SQLite store: every refusal is the right status, and each call, allowed or
// refused, is one line of the access log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@formosa/server';
import { authenticate } from '../src/backoffice/auth.js';
import { newToken, type Scope } from '../src/backoffice/tokens.js';
import { HttpError } from '../src/http.js';

test('authenticate: none, malformed, unknown, revoked, expired → 401; no scope, no form → 403; logged every time', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'formosa-auth-')), 'db.sqlite'));
  const now = new Date();
  const grant = async (scopes: Scope[], forms: string[], more: { expiresAt?: string } = {}) => {
    const { text, stored } = newToken({ holder: `holder of ${scopes.join('+')} on ${forms.join('+')}`, scopes, forms, ...more }, now);
    await store.backoffice.saveToken(stored);
    return { text, id: stored.id };
  };
  const reader = await grant(['read'], ['rent-subsidy']);
  const revoked = await grant(['read'], ['rent-subsidy']);
  await store.backoffice.revokeToken(revoked.id, now);
  const expired = await grant(['read'], ['rent-subsidy'], { expiresAt: new Date(now.getTime() - 1000).toISOString() });
  const server = createServer((req, res) => {
    authenticate(req, store, 'read', 'rent-subsidy').then(
      (who) => res.writeHead(200).end(who.holder),
      (error: unknown) => {
        assert.ok(error instanceof HttpError);
        res.writeHead(error.status, error.headers).end(JSON.stringify(error.body));
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/backoffice/forms/rent-subsidy/applications/0d6f2f7e-8a55-4c3e-9d1b-6f1f1f1f1f1f?q=secret`;
  const ask = (authorization?: string) => fetch(url, authorization ? { headers: { authorization } } : {});
  try {
    const cases: [string | undefined, number, string][] = [
      [undefined, 401, 'missing'],
      ['Basic dXNlcjpwYXNz', 401, 'invalid'],
      [`Bearer ${reader.text}x`, 401, 'invalid'],
      [`Bearer fbo_aaaaaaaaaaaa_${'A'.repeat(43)}`, 401, 'invalid'],
      [`Bearer ${reader.text.slice(0, -2)}AA`, 401, 'invalid'],
      [`Bearer ${revoked.text}`, 401, 'revoked'],
      [`Bearer ${expired.text}`, 401, 'expired'],
      [`Bearer ${(await grant(['decide', 'export', 'admin'], ['*'])).text}`, 403, 'scope'],
      [`Bearer ${(await grant(['read', 'decide', 'export', 'admin'], ['childcare-allowance'])).text}`, 403, 'form'],
      [`Bearer ${reader.text}`, 200, ''],
      [`bearer  ${(await grant(['read'], ['*'])).text}`, 200, ''],
    ];
    for (const [authorization, status, reason] of cases) {
      const before = (await store.backoffice.accessLog({ limit: 1 }))[0]?.seq ?? 0;
      const answer = await ask(authorization);
      assert.equal(answer.status, status, `${authorization}: ${status}`);
      if (status === 401) assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer /);
      const lines = await store.backoffice.accessLog({ limit: 10 });
      assert.equal(lines.filter((l) => l.seq > before).length, 1, 'one line per call');
      const line = lines[0]!;
      assert.equal(line.outcome, status === 200 ? 'allowed' : status === 401 ? 'unauthorized' : 'forbidden');
      assert.equal(line.reason, reason || undefined);
      assert.equal(line.path, '/api/backoffice/forms/rent-subsidy/applications/0d6f2f7e-8a55-4c3e-9d1b-6f1f1f1f1f1f', 'never the query');
      assert.equal(line.recordId, '0d6f2f7e-8a55-4c3e-9d1b-6f1f1f1f1f1f');
      assert.equal(line.formId, 'rent-subsidy');
      if (status !== 401) assert.match(line.holder ?? '', /^holder of/);
      else assert.equal(line.holder, undefined, 'no holder for a token that proved nothing');
    }
    assert.equal((await store.backoffice.accessLog({ limit: 1 }))[0]!.holder, 'holder of read on *');
  } finally {
    server.close();
    await store.close();
  }
});
