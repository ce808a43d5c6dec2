// Every route the server answers is either public on purpose (listed below, with why) or refuses a request without a
// token, with a wrong, an unknown, a revoked, an expired and a foreign one (another form's; a token without the
// scope) — enumerated from the server's own route list, so a new route cannot escape: it fails here until it is
// protected or listed. Each refusal and each access is one line of the access log. The citizen reads their own
// record with their receipt secret, and nobody else's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@formosa/server';
import { SCOPES, type Scope } from '../src/backoffice/tokens.js';
import { FORMS_DIR, grant, submitApplication, uploadLease } from './backoffice-fixtures.js';

/** Routes anyone may call, and why. Anything else must refuse without a caseworker's token. */
const PUBLIC: Record<string, string> = {
  'GET /api/forms': 'the forms offered',
  'GET /api/forms/:form': 'a definition, to show the form',
  'GET /api/forms/:form/validator.js': "the form's validator, for the browser",
  'POST /api/forms/:form/attachments': 'a citizen uploads a file',
  'GET /api/forms/:form/attachments/:id': 'an unclaimed file for its uploader\'s page; a submitted one is protected (tested below)',
  'DELETE /api/forms/:form/attachments/:id': "the uploader's token (x-formosa-attachment-token) deletes an unclaimed file",
  'POST /api/forms/:form/submissions': 'a citizen submits',
  'POST /api/forms/:form/submissions/lookup': 'the key and the whole body prove the citizen',
  'GET /api/forms/:form/mydata': 'whether MyData is offered',
  'POST /api/forms/:form/mydata/begin': "the citizen's MyData journey",
  'GET /api/forms/:form/mydata/result': "the citizen's MyData journey (its cookie)",
  'POST /api/mydata/notify': 'MyData platform callback (signed)',
  'GET /api/mydata/return': 'MyData platform return',
  'GET /api/health': 'health check',
  'POST /api/status': 'receipt and secret in the body',
  'POST /api/status/answers': 'receipt and secret in the body',
  'POST /api/forms/:form/analytics': 'anonymous funnel beacons',
  'GET /backoffice': 'the back office page (static; its data come from the API, with the token)',
  'GET \\/backoffice\\/(?:index\\.html|backoffice\\.js|backoffice\\.css)?': 'the back office page (static; its data come from the API, with the token)',
};

/** A route's pattern as a sample path, `:form` and `:id` for its parameters; undefined for a pattern this test cannot read. */
function shapeOf(pattern: RegExp): string | undefined {
  const path = pattern.source
    .replace(/^\^|\$$/g, '')
    .replace('([a-z0-9-]+)', ':form')
    .replaceAll('([0-9a-f-]{36})', ':id')
    .replaceAll('[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', ':id')
    .replace(/\\([/.])/g, '$1');
  return /[\\()[\]{}*+?|^$]/.test(path) ? undefined : path;
}

let server: RunningServer;
const ids = { submission: '', file: '', secret: '', other: '', otherSecret: '' };
const tokens = {} as Record<'reader' | 'revoked' | 'expired' | 'foreign' | Scope, string>;
before(async () => {
  server = await startServer({ formsDir: FORMS_DIR, database: join(mkdtempSync(join(tmpdir(), 'formosa-routes-')), 'db.sqlite'), secret: 'routes test secret, 16+ bytes', limits: { perAddress: { requests: 100_000, seconds: 60 } } });
  const mine = await submitApplication(server, '和平東路一段 1 號');
  const other = await submitApplication(server, '新生南路 3 號');
  Object.assign(ids, { submission: mine.id, file: mine.file, secret: mine.secret, other: other.id, otherSecret: other.secret });
  for (const scope of SCOPES) tokens[scope] = await grant(server, [scope], ['*']);
  tokens.reader = await grant(server, ['read'], ['rent-subsidy']);
  tokens.foreign = await grant(server, SCOPES, ['childcare-allowance']);
  tokens.expired = await grant(server, SCOPES, ['*'], { expiresAt: new Date(Date.now() - 1000).toISOString() });
  tokens.revoked = await grant(server, SCOPES, ['*']);
  await server.store.backoffice.revokeToken(tokens.revoked.split('_')[1]!, new Date());
});
after(() => server?.close());

/** Asks `method path` with these headers (a POST carries an empty JSON object); the status and the access-log lines it added. */
async function ask(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; authenticate: string | null; logged: number }> {
  const before = (await server.store.backoffice.accessLog({ limit: 1 }))[0]?.seq ?? 0;
  const res = await fetch(`${server.url}${path}`, { method, headers: { ...headers, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) }, ...(method === 'GET' ? {} : { body: '{}' }) });
  await res.arrayBuffer();
  const logged = (await server.store.backoffice.accessLog({ limit: 50 })).filter((l) => l.seq > before).length;
  return { status: res.status, authenticate: res.headers.get('www-authenticate'), logged };
}

test('every route is public on purpose or refuses without, with a wrong, unknown, revoked, expired and foreign token; each is logged', async () => {
  const protectedRoutes: string[] = [];
  for (const [method, pattern] of server.routes) {
    const shape = shapeOf(pattern);
    if (`${method} ${pattern.source.replace(/^\^|\$$/g, '')}` in PUBLIC) continue;
    assert.ok(shape, `teach shapeOf the pattern ${pattern.source}, or list it as public`);
    const name = `${method} ${shape}`;
    if (name in PUBLIC && !name.startsWith('GET /api/forms/:form/attachments/')) continue;
    protectedRoutes.push(name);
    // A real application and its file, so that what passes is answered for real (a file's id after files/ or attachments/).
    const path = shape.replace(':form', 'rent-subsidy').replace(/(files|attachments)\/:id/, `$1/${ids.file}`).replaceAll(':id', ids.submission);
    assert.ok(pattern.test(path), `${name}: the sample ${path} matches`);
    const refused: [string, Record<string, string>, number][] = [
      ['no token', {}, 401],
      ['not a bearer token', { authorization: 'Basic dXNlcjpwYXNz' }, 401],
      ['a malformed token', { authorization: 'Bearer fbo_nonsense' }, 401],
      ['an unknown token', { authorization: `Bearer fbo_aaaaaaaaaaaa_${'A'.repeat(43)}` }, 401],
      ['a revoked token', { authorization: `Bearer ${tokens.revoked}` }, 401],
      ['an expired token', { authorization: `Bearer ${tokens.expired}` }, 401],
      ...(shape.includes(':form') ? [["another form's token, every scope", { authorization: `Bearer ${tokens.foreign}` }, 403] as [string, Record<string, string>, number]] : []),
    ];
    for (const [what, headers, status] of refused) {
      const answer = await ask(method, path, headers);
      assert.equal(answer.status, status, `${name} with ${what}`);
      if (status === 401) assert.match(answer.authenticate ?? '', /^Bearer /, `${name} with ${what}: WWW-Authenticate`);
      assert.equal(answer.logged, 1, `${name} with ${what}: one access-log line`);
    }
    // Each route needs one scope: the token with it passes (whatever the answer then is), each other one is refused.
    const passed: Scope[] = [];
    for (const scope of SCOPES) {
      const answer = await ask(method, path, { authorization: `Bearer ${tokens[scope]}` });
      assert.equal(answer.logged, 1, `${name} with a ${scope} token: one access-log line`);
      if (answer.status === 403) continue;
      assert.notEqual(answer.status, 401, `${name} with a ${scope} token`);
      passed.push(scope);
    }
    assert.equal(passed.length, 1, `${name} needs exactly one scope; passed with ${passed.join(', ') || 'none'}`);
  }
  // The list itself is checked: the back office's routes and the records are among the protected ones.
  for (const name of ['GET /api/backoffice/forms', 'GET /api/backoffice/forms/:form/applications', 'GET /api/backoffice/forms/:form/applications/:id', 'GET /api/backoffice/forms/:form/applications/:id/files/:id', 'GET /api/backoffice/forms/:form/export', 'GET /api/backoffice/forms/:form/funnel', 'GET /api/backoffice/access-log', 'POST /api/backoffice/forms/:form/applications/:id/status', 'GET /api/forms/:form/submissions/:id', 'GET /api/forms/:form/attachments/:id']) {
    assert.ok(protectedRoutes.includes(name), `${name} is tried`);
  }
  console.log(`# ${protectedRoutes.length} protected routes tried, ${server.routes.length - protectedRoutes.length} public on purpose`);
});

test("records: the citizen's receipt secret reads their own submission and its files, never another's; an unclaimed upload stays readable", async () => {
  const record = `/api/forms/rent-subsidy/submissions/${ids.submission}`;
  const file = `/api/forms/rent-subsidy/attachments/${ids.file}`;
  for (const path of [record, file]) {
    assert.equal((await ask('GET', path, { 'formosa-receipt-secret': ids.secret })).status, 200, `${path} with its secret`);
    assert.equal((await ask('GET', path, { 'formosa-receipt-secret': ids.secret.toLowerCase().replace('-', ' ') })).status, 200, 'as typed');
    const wrong = await ask('GET', path, { 'formosa-receipt-secret': ids.otherSecret });
    assert.deepEqual([wrong.status, wrong.logged], [404, 1], `${path} with another application's secret`);
  }
  assert.equal((await ask('GET', `/api/forms/rent-subsidy/submissions/${ids.other}`, { 'formosa-receipt-secret': ids.secret })).status, 404);
  assert.equal((await ask('GET', record, { authorization: `Bearer ${tokens.reader}` })).status, 200, "a caseworker's token");
  const [line] = await server.store.backoffice.accessLog({ limit: 1 });
  assert.deepEqual([line!.holder, line!.recordId, line!.outcome], ['read on rent-subsidy', ids.submission, 'allowed']);
  const loose = await uploadLease(server);
  assert.equal((await ask('GET', loose.url!)).status, 200, "an unclaimed upload, for its uploader's page");
});
