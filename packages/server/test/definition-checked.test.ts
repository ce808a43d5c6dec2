// The server runs the definition gate on every definition at start (a broken one stops it), and says so with each
// definition it serves: a browser with the same gate then starts from the definition without fetching its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATE_VERSION } from '@formosa/schema/gate-version';
import { startServer, type RunningServer } from '@formosa/server';

const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
const PAGE = 'https://www.agency.gov.tw';
let server: RunningServer;

before(async () => {
  server = await startServer({ formsDir, database: join(mkdtempSync(join(tmpdir(), 'formosa-checked-')), 'db.sqlite'), corsOrigins: [PAGE] });
});
after(() => server.close());

test('a definition is served with Formosa-Definition-Checked: the gate version the server ran, compressed as before', async () => {
  const response = await fetch(`${server.url}/api/forms/rent-subsidy`, { headers: { 'accept-encoding': 'br' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('formosa-definition-checked'), GATE_VERSION);
  assert.equal(response.headers.get('content-encoding'), 'br');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(((await response.json()) as { id: string }).id, 'rent-subsidy');
});

test('a page on an allowed origin may read the header (it is exposed); the list of forms and the validator do not carry it', async () => {
  const response = await fetch(`${server.url}/api/forms/smoke-alarm-subsidy`, { headers: { origin: PAGE } });
  assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
  assert.ok(response.headers.get('access-control-expose-headers')!.split(/,\s*/).includes('formosa-definition-checked'));
  assert.equal(response.headers.get('formosa-definition-checked'), GATE_VERSION);
  for (const path of ['/api/forms', '/api/forms/smoke-alarm-subsidy/validator.js']) {
    const other = await fetch(`${server.url}${path}`);
    assert.equal(other.headers.get('formosa-definition-checked'), null, path);
    await other.body?.cancel();
  }
});
