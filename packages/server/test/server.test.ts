import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FormEngine } from '@formosa/engine';
import { startServer, SqliteStore, type RunningServer } from '@formosa/server';
import { answers, example, fixtureFile } from '../../../examples/fixtures.js';
import type { Attachment } from '@formosa/schema';

const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
const dbFile = join(mkdtempSync(join(tmpdir(), 'formosa-server-')), 'submissions.sqlite');
let server: RunningServer;
let lease: Attachment;

function upload(body: Buffer, type: string, field = '/rental/leaseCopy', name = 'lease.pdf') {
  return fetch(`${server.url}/api/forms/rent-subsidy/attachments?field=${encodeURIComponent(field)}`, {
    method: 'POST', headers: { 'content-type': type, 'x-formosa-filename': encodeURIComponent(name) }, body: new Uint8Array(body),
  });
}

/** Valid rent-subsidy data, produced the way the browser produces it (the lease really uploaded). */
function validData(file: Attachment = lease): Record<string, unknown> {
  const engine = new FormEngine(example('rent-subsidy'));
  const state = answers('rent-subsidy', () => file).reduce((s, [path, value]) => engine.change(s, path, value), engine.init());
  return engine.data(state) as Record<string, unknown>;
}

/** Valid data with a lease of its own: a file is taken by one submission only. */
async function freshData(): Promise<Record<string, unknown>> {
  return validData(await (await upload(readFileSync(fixtureFile('@file:lease.pdf')!), 'application/pdf')).json());
}

function post(data: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/forms/rent-subsidy/submissions`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof data === 'string' ? data : JSON.stringify(data),
  });
}

before(async () => {
  server = await startServer({ formsDir, database: dbFile });
  lease = await (await upload(readFileSync(fixtureFile('@file:lease.pdf')!), 'application/pdf')).json();
});
after(() => server.close());

test('GET /api/forms lists the definitions, GET /api/forms/:id returns one', async () => {
  const list = await (await fetch(`${server.url}/api/forms`)).json();
  assert.ok(list.some((f: { id: string }) => f.id === 'rent-subsidy'));
  const definition = await (await fetch(`${server.url}/api/forms/rent-subsidy`)).json();
  assert.equal(definition.id, 'rent-subsidy');
  assert.equal((await fetch(`${server.url}/api/forms/no-such-form`)).status, 404);
});

test('the validator module is served as JavaScript and contains no eval', async () => {
  const res = await fetch(`${server.url}/api/forms/rent-subsidy/validator.js`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/javascript/);
  assert.doesNotMatch(await res.text(), /new Function|\beval\(/);
});

test('valid data is stored in SQLite and a receipt issued; GET returns what was stored', async () => {
  const res = await post(validData(), { 'idempotency-key': 'test-valid-1' });
  assert.equal(res.status, 201);
  const { id, receipt, secret } = await res.json();
  assert.match(receipt, /^RS-\d{8}-[0-9A-HJKMNP-TV-Z]{6}$/);
  const stored = await (await fetch(`${server.url}/api/forms/rent-subsidy/submissions/${id}`, { headers: { 'formosa-receipt-secret': secret } })).json();
  assert.equal(stored.receipt, receipt);
  assert.equal(stored.data.applicant.nationalId, 'A123456789');
  const row = new Database(dbFile, { readonly: true }).prepare('SELECT receipt FROM submissions WHERE id = ?').get(id) as { receipt: string };
  assert.equal(row.receipt, receipt, 'really in the SQLite file');
});

test('invalid data is rejected with 422 and per-field codes, and nothing is stored', async () => {
  const before = await server.store.count('rent-subsidy');
  const data = validData();
  (data['applicant'] as Record<string, unknown>)['nationalId'] = 'A123456788';
  (data['rental'] as Record<string, unknown>)['monthlyRent'] = -5;
  delete (data['bank'] as Record<string, unknown>)['account'];
  const res = await post(data, { 'idempotency-key': 'test-invalid-1' });
  assert.equal(res.status, 422);
  const { errors } = await res.json();
  assert.deepEqual(errors.map((e: { path: string; code: string }) => [e.path, e.code]), [
    ['/applicant/nationalId', 'format'], ['/rental/monthlyRent', 'minimum'], ['/bank/account', 'required'],
  ]);
  assert.deepEqual(errors[1].params, { limit: 1, comparison: '>=' });
  assert.equal(await server.store.count('rent-subsidy'), before);
});

test('values of fields hidden by the rules are not stored', async () => {
  const data = await freshData();
  (data['landlord'] as Record<string, unknown>)['businessId'] = '22099131';
  const { id, secret } = await (await post(data, { 'idempotency-key': 'test-hidden-1' })).json();
  const stored = await (await fetch(`${server.url}/api/forms/rent-subsidy/submissions/${id}`, { headers: { 'formosa-receipt-secret': secret } })).json();
  assert.equal(stored.data.landlord.businessId, undefined);
});

test('the same Idempotency-Key twice returns the original receipt with 200 and stores one record', async () => {
  const data = await freshData();
  const first = await post(data, { 'idempotency-key': 'test-repeat-1' });
  const second = await post(data, { 'idempotency-key': 'test-repeat-1' });
  assert.equal(first.status, 201);
  assert.equal(second.status, 200);
  assert.deepEqual(await second.json(), await first.json());
});

test('the same Idempotency-Key sent 20 times concurrently stores exactly one record', async () => {
  const before = await server.store.count('rent-subsidy');
  const data = await freshData();
  const responses = await Promise.all(Array.from({ length: 20 }, () => post(data, { 'idempotency-key': 'test-concurrent-1' })));
  const bodies = await Promise.all(responses.map((r) => r.json()));
  // One is stored (201); the others get its receipt (200) or, arriving while it is processed, 409 (retry later).
  assert.deepEqual(responses.map((r) => r.status).filter((s) => s === 201), [201]);
  assert.ok(responses.every((r) => [200, 201, 409].includes(r.status)), responses.map((r) => r.status).join(' '));
  assert.equal(new Set(bodies.filter((b) => b.receipt).map((b) => b.receipt)).size, 1);
  assert.equal(await server.store.count('rent-subsidy'), before + 1);
});

test('malformed requests get clear errors', async () => {
  assert.equal((await post('{not json', { 'idempotency-key': 'x1' })).status, 400);
  assert.equal((await post([1, 2], { 'idempotency-key': 'x2' })).status, 422);
  assert.equal((await fetch(`${server.url}/api/forms/rent-subsidy/submissions`, { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } })).status, 415);
  assert.equal((await post(validData(), { 'idempotency-key': 'bad key with spaces' })).status, 400);
  assert.equal((await post('"' + 'x'.repeat(1_100_000) + '"')).status, 413);
  const wrongMethod = await fetch(`${server.url}/api/forms/rent-subsidy/submissions`);
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get('allow'), 'POST');
  // A record is read with a caseworker's token or the citizen's receipt secret (test/backoffice-routes.test.ts).
  assert.equal((await fetch(`${server.url}/api/forms/rent-subsidy/submissions/00000000-0000-0000-0000-000000000000`)).status, 401);
  assert.equal((await fetch(`${server.url}/api/forms/rent-subsidy/submissions/00000000-0000-0000-0000-000000000000`, { headers: { 'formosa-receipt-secret': 'ABCDE-FGHJK' } })).status, 404);
});

test('a folder with a broken definition refuses to start, listing the problems with lines', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-forms-'));
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dir, 'broken.json'), '{\n  "formatVersion": 1,\n  "id": "Broken"\n}');
  await assert.rejects(startServer({ formsDir: dir, database: ':memory:' }), /broken\.json:3:3 error \/id/);
});

test('a file is uploaded for its field and served back as what it is, sandboxed', async () => {
  const body = readFileSync(fixtureFile('@file:lease.pdf')!);
  const res = await upload(body, 'application/pdf', '/rental/leaseCopy', '租約 第1頁.pdf');
  assert.equal(res.status, 201);
  const attachment = (await res.json()) as Attachment;
  assert.deepEqual({ name: attachment.name, type: attachment.type, size: attachment.size }, { name: '租約 第1頁.pdf', type: 'application/pdf', size: body.length });
  const back = await fetch(`${server.url}${attachment.url}`);
  assert.equal(back.headers.get('content-type'), 'application/pdf');
  assert.match(back.headers.get('content-security-policy')!, /sandbox/);
  assert.deepEqual(Buffer.from(await back.arrayBuffer()), body);
});

test('a file no submission took is deleted after the retention period; a submitted one is kept', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'formosa-sweep-')), 'db.sqlite');
  // One server secret across the restart: the receipt secret read the file before it, reads it after.
  const first = await startServer({ formsDir, database: file, secret: 'a secret kept across restarts' });
  const send = (path: string, init?: RequestInit) => fetch(`${first.url}${path}`, init);
  const uploadTo = async (url: string) => (await (await fetch(`${url}/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy`, {
    method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(readFileSync(fixtureFile('@file:lease.pdf')!)),
  })).json()) as Attachment;
  const removed = await uploadTo(first.url);
  const kept = await uploadTo(first.url);
  const data = validData();
  (data['rental'] as { leaseCopy: Attachment[] }).leaseCopy = [kept];
  const submitted = await send('/api/forms/rent-subsidy/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
  assert.equal(submitted.status, 201);
  const { secret } = (await submitted.json()) as { secret: string };
  await first.close();
  // Restarted with no retention: the sweep at start deletes the file the citizen removed, not the submitted one.
  const second = await startServer({ formsDir, database: file, attachmentRetentionHours: 0, secret: 'a secret kept across restarts' });
  try {
    assert.equal((await fetch(`${second.url}${removed.url}`)).status, 404);
    assert.equal((await fetch(`${second.url}${kept.url}`, { headers: { 'formosa-receipt-secret': secret } })).status, 200);
    // A submission referring to a file swept while the citizen was filling in is refused, naming the field.
    const late = await uploadTo(second.url);
    assert.equal(await second.store.sweepAttachments(new Date(Date.now() + 1000)), 1);
    (data['rental'] as { leaseCopy: Attachment[] }).leaseCopy = [late];
    const res = await fetch(`${second.url}/api/forms/rent-subsidy/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
    assert.equal(res.status, 422);
    assert.deepEqual((await res.json()).errors, [{ path: '/rental/leaseCopy', code: 'attachment', params: { index: 0 } }]);
  } finally {
    await second.close();
  }
});

test('a file the citizen removed is deleted at once; a file a submission took is kept', async () => {
  const removed = (await (await upload(readFileSync(fixtureFile('@file:lease.pdf')!), 'application/pdf')).json()) as Attachment;
  const remove = (a: Attachment) => fetch(`${server.url}${a.url}`, { method: 'DELETE', headers: { 'x-formosa-attachment-token': a.token ?? '' } });
  assert.equal((await remove(removed)).status, 204);
  assert.equal((await fetch(`${server.url}${removed.url}`)).status, 404);
  assert.equal((await remove(removed)).status, 404);
  const sent = (await (await upload(readFileSync(fixtureFile('@file:lease.pdf')!), 'application/pdf')).json()) as Attachment;
  const data = validData();
  (data['rental'] as { leaseCopy: Attachment[] }).leaseCopy = [sent];
  const kept = await post(data, { 'idempotency-key': 'test-kept-file' });
  assert.equal(kept.status, 201);
  assert.equal((await remove(sent)).status, 409);
  assert.equal((await fetch(`${server.url}${sent.url}`, { headers: { 'formosa-receipt-secret': ((await kept.json()) as { secret: string }).secret } })).status, 200);
});

test('a database from before files were linked to submissions opens and gains the link', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'formosa-old-')), 'db.sqlite');
  const old = new Database(file);
  old.exec('CREATE TABLE attachments (id TEXT PRIMARY KEY, form_id TEXT NOT NULL, field TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, size INTEGER NOT NULL, uploaded_at TEXT NOT NULL, data BLOB NOT NULL)');
  old.prepare('INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('a', 'f', '/x', 'x.pdf', 'application/pdf', 1, new Date(0).toISOString(), Buffer.from('x'));
  old.close();
  const store = new SqliteStore(file);
  try {
    assert.equal(await store.sweepAttachments(new Date()), 1, 'an old unsubmitted file is swept like any other');
  } finally {
    await store.close();
  }
});

test('uploads are refused outside the field\'s types and size, and for fields that take no files', async () => {
  assert.equal((await upload(Buffer.from('<html>'), 'text/html')).status, 415);
  assert.equal((await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 1), 'application/pdf')).status, 413);
  assert.equal((await upload(Buffer.from('x'), 'application/pdf', '/applicant/name')).status, 422);
  assert.equal((await upload(Buffer.alloc(0), 'application/pdf')).status, 422);
});

test('a submission may only refer to files uploaded for that field; the stored details are the server\'s', async () => {
  const forged = validData();
  (forged['rental'] as Record<string, unknown>)['leaseCopy'] = [{ id: '00000000-0000-0000-0000-000000000000', name: 'x.pdf', type: 'application/pdf', size: 1 }];
  const res = await post(forged, { 'idempotency-key': 'test-forged-file' });
  assert.equal(res.status, 422);
  assert.deepEqual((await res.json()).errors, [{ path: '/rental/leaseCopy', code: 'attachment', params: { index: 0 } }]);
  const own = (await (await upload(readFileSync(fixtureFile('@file:lease.pdf')!), 'application/pdf')).json()) as Attachment;
  const renamed = validData(own);
  (renamed['rental'] as { leaseCopy: Attachment[] }).leaseCopy = [{ ...own, name: 'renamed.pdf', size: 1 }];
  const { id, secret } = await (await post(renamed, { 'idempotency-key': 'test-renamed-file' })).json();
  const stored = await (await fetch(`${server.url}/api/forms/rent-subsidy/submissions/${id}`, { headers: { 'formosa-receipt-secret': secret } })).json();
  assert.equal(stored.data.rental.leaseCopy[0].name, 'lease.pdf');
  assert.equal(stored.data.rental.leaseCopy[0].size, own.size);
  assert.equal(stored.data.rental.leaseCopy[0].token, undefined, 'the delete token is never stored with the submission');
});
