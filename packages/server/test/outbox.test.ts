// What the browser's offline outbox asks of the server (issue 9): to find out whether an attempt whose answer was
// lost was stored (asked with the key and proof of the body, never the key alone), and to send a correction the
// agency receives linked to the application it corrects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import Database from 'better-sqlite3';
import { FormEngine } from '@formosa/engine';
import type { Attachment } from '@formosa/schema';
import { startServer, SqliteStore, type RunningServer } from '@formosa/server';
import { fingerprint } from '../src/fingerprint.js';
import { answers, example, fixtureFile } from '../../../examples/fixtures.js';

const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
const database = join(mkdtempSync(join(tmpdir(), 'formosa-outbox-')), 'submissions.sqlite');
const LEASE = readFileSync(fixtureFile('@file:lease.pdf')!);
const SUBMISSIONS = '/api/forms/rent-subsidy/submissions';
let server: RunningServer;

before(async () => {
  server = await startServer({ formsDir, database });
});
after(() => server.close());

async function upload(): Promise<Attachment> {
  const res = await fetch(`${server.url}/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy`, {
    method: 'POST', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'lease.pdf' }, body: new Uint8Array(LEASE),
  });
  return (await res.json()) as Attachment;
}

/** A valid application's JSON text, as the browser sends it; each street gives another body. */
function application(lease: Attachment, street = '和平東路一段 1 號'): string {
  const engine = new FormEngine(example('rent-subsidy'));
  const state = answers('rent-subsidy', () => lease).reduce((s, [path, value]) => engine.change(s, path, value), engine.init());
  const data = engine.data(state) as { rental: { address: Record<string, unknown> } };
  data.rental.address['street'] = street;
  return JSON.stringify(data);
}

/** The same JSON with every object's keys in reverse order. */
function reordered(text: string): string {
  const reverse = (node: unknown): unknown =>
    node === null || typeof node !== 'object' ? node : Array.isArray(node) ? node.map(reverse) : Object.fromEntries(Object.entries(node).reverse().map(([k, v]) => [k, reverse(v)]));
  return JSON.stringify(reverse(JSON.parse(text)));
}

function post(path: string, body: string, headers: Record<string, string>) {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}
const submit = (body: string, key: string, headers: Record<string, string> = {}) => post(SUBMISSIONS, body, { 'idempotency-key': key, ...headers });
const lookup = (body: string, key?: string) => post(`${SUBMISSIONS}/lookup`, body, key === undefined ? {} : { 'idempotency-key': key });
const correct = (body: string, key: string, original: string) => submit(body, key, { 'formosa-corrects': original });
/** A record, read with the citizen's receipt secret (the 201 answer's `secret`). */
const read = async ({ id, secret }: { id: string; secret: string }) => (await fetch(`${server.url}${SUBMISSIONS}/${id}`, { headers: { 'formosa-receipt-secret': secret } })).json();

/** A submission that stays in flight: its headers and half its body sent; `finish` sends the rest and gives its status. */
function halfSent(body: string, key: string): { finish(): Promise<number> } {
  const url = new URL(server.url);
  const req = request({
    host: url.hostname, port: url.port, method: 'POST', path: SUBMISSIONS, agent: false,
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'content-length': String(Buffer.byteLength(body)) },
  });
  const status = new Promise<number>((resolve) => req.on('response', (res) => (res.resume(), resolve(res.statusCode!))));
  req.write(body.slice(0, 100));
  return { finish: () => (req.end(body.slice(100)), status) };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

test('lookup: the key and the same body answer 200 with the stored receipt, whatever the order of the JSON keys', async () => {
  const body = application(await upload());
  const stored = await (await submit(body, 'lookup-match-1')).json();
  const found = await lookup(body, 'lookup-match-1');
  assert.equal(found.status, 200);
  assert.deepEqual(await found.json(), stored);
  const shuffled = reordered(body);
  assert.notEqual(shuffled, body);
  const again = await lookup(shuffled, 'lookup-match-1');
  assert.equal(again.status, 200, 'the fingerprint is of the canonical JSON');
  assert.deepEqual(await again.json(), stored);
});

test('lookup: an unknown key answers 404 not_stored', async () => {
  const res = await lookup(application(await upload()), 'lookup-never-used');
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error, 'not_stored');
});

test('lookup: a known key with another body answers exactly what an unknown key does', async () => {
  const lease = await upload();
  assert.equal((await submit(application(lease), 'lookup-known-1')).status, 201);
  const answer = async (res: Response) => ({ status: res.status, type: res.headers.get('content-type'), body: await res.text() });
  const known = await answer(await lookup(application(lease, '其他路 2 號'), 'lookup-known-1'));
  const unknown = await answer(await lookup(application(lease, '其他路 2 號'), 'lookup-unknown-1'));
  assert.equal(known.status, 404);
  assert.equal(JSON.parse(known.body).error, 'not_stored');
  assert.deepEqual(known, unknown, 'a key alone reveals nothing');
});

test('lookup: 409 in_flight while a submission under the key is being processed; then 200', async () => {
  const body = application(await upload());
  const slow = halfSent(body, 'lookup-flight-1');
  await settle();
  const during = await lookup(body, 'lookup-flight-1');
  assert.equal(during.status, 409);
  assert.equal((await during.json()).error, 'in_flight');
  assert.equal(await slow.finish(), 201);
  assert.equal((await lookup(body, 'lookup-flight-1')).status, 200);
});

test('lookup never stores anything, not even a valid application under a new key', async () => {
  const before = await server.store.count('rent-subsidy');
  const body = application(await upload());
  for (let i = 0; i < 2; i++) {
    const res = await lookup(body, 'lookup-store-1');
    assert.deepEqual([res.status, (await res.json()).error], [404, 'not_stored']);
  }
  assert.equal(await server.store.count('rent-subsidy'), before);
  assert.equal((await submit(body, 'lookup-store-2')).status, 201, 'the same answers under a key of their own are stored');
});

/** Status, content type and body of an answer, to compare two answers whole. */
const whole = async (res: Response) => ({ status: res.status, type: res.headers.get('content-type'), body: await res.text() });

test('retired: after a lookup found nothing under a key, the attempt arriving late with the same body gets 410 key_retired, and nothing is stored', async () => {
  const lease = await upload();
  const body = application(lease);
  const first = await lookup(body, 'retire-late-1');
  assert.deepEqual([first.status, (await first.json()).error], [404, 'not_stored']);
  const before = await server.store.count('rent-subsidy');
  // The attempt a proxy held arrives now: the citizen has been told it was not stored.
  const late = await submit(body, 'retire-late-1');
  assert.equal(late.status, 410);
  const answer = await late.json();
  assert.equal(answer.error, 'key_retired');
  assert.ok(answer.message);
  assert.equal((await submit(application(lease, '其他路 3 號'), 'retire-late-1')).status, 410, 'whatever the body');
  assert.equal(await server.store.count('rent-subsidy'), before, 'nothing stored');
  // Asked again, the retired key answers what a key never used does.
  assert.deepEqual(await whole(await lookup(body, 'retire-late-1')), await whole(await lookup(body, 'retire-never-used')));
  // The refused attempt took no file: the answers go under a new key with the same lease.
  assert.equal((await submit(application(lease, '新生南路 12 號'), 'retire-late-2')).status, 201);
});

test('retired: a lookup with another body never retires a key that holds a record, and answers as for an unknown key', async () => {
  const body = application(await upload());
  const stored = await (await submit(body, 'retire-held-1')).json();
  const other = application(await upload(), '其他路 4 號');
  assert.deepEqual(await whole(await lookup(other, 'retire-held-1')), await whole(await lookup(other, 'retire-unknown-1')), 'a key alone reveals nothing');
  const again = await submit(body, 'retire-held-1');
  assert.equal(again.status, 200, 'not retired: a retry gets its receipt');
  assert.deepEqual(await again.json(), stored);
  const reused = await submit(other, 'retire-held-1');
  assert.deepEqual([reused.status, (await reused.json()).error], [422, 'idempotency_key_reused']);
  assert.equal((await lookup(body, 'retire-held-1')).status, 200);
});

test('retired: a lookup while a submission under the key is in flight gets 409 and retires nothing; the submission is stored', async () => {
  const body = application(await upload());
  const slow = halfSent(body, 'retire-flight-1');
  await settle();
  const during = await lookup(body, 'retire-flight-1');
  assert.deepEqual([during.status, (await during.json()).error], [409, 'in_flight']);
  assert.equal(await slow.finish(), 201, 'stored: the lookup retired nothing');
  assert.equal((await submit(body, 'retire-flight-1')).status, 200);
  assert.equal((await lookup(body, 'retire-flight-1')).status, 200);
});

test('retired: the check is in the insert\'s transaction: a key retired by another instance on the same database while a submission is in flight refuses it with 410', async () => {
  const body = application(await upload());
  const slow = halfSent(body, 'retire-other-1');
  await settle();
  // Another server process sharing the database answered a lookup of this key meanwhile (its in-flight set is its own).
  const other = new SqliteStore(database);
  try {
    assert.equal(await other.findOrRetire('rent-subsidy', 'retire-other-1', fingerprint(JSON.parse(body))), undefined);
  } finally {
    await other.close();
  }
  const before = await server.store.count('rent-subsidy');
  assert.equal(await slow.finish(), 410);
  assert.equal(await server.store.count('rent-subsidy'), before, 'nothing stored');
});

test('retired: in the store, a key is retired only when no row has it, and a retired key takes no row', async () => {
  const store = new SqliteStore(':memory:');
  try {
    const held = await store.store('f', '1', 'held', { a: 1 }, { hash: fingerprint({ a: 1 }) });
    assert.ok('submission' in held && held.created);
    assert.equal(await store.findOrRetire('f', 'held', fingerprint({ a: 2 })), undefined, 'another body: nothing to show');
    assert.ok('submission' in (await store.store('f', '1', 'held', { a: 1 }, { hash: fingerprint({ a: 1 }) })), 'and the key is not retired');
    assert.equal(await store.findOrRetire('f', 'free', fingerprint({ a: 1 })), undefined);
    assert.deepEqual(await store.store('f', '1', 'free', { a: 1 }, { hash: fingerprint({ a: 1 }) }), { retired: true });
    assert.ok('submission' in (await store.store('g', '1', 'free', { a: 1 }, { hash: fingerprint({ a: 1 }) })), 'retired for that form only');
    assert.equal(await store.count('f'), 1);
  } finally {
    await store.close();
  }
});

test('lookup: a key is required and well formed; the body is read as a submission\'s is', async () => {
  const body = application(await upload());
  for (const res of [await lookup(body), await lookup(body, 'bad key'), await lookup(body, 'k'.repeat(256))]) {
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error, 'bad_idempotency_key');
  }
  assert.equal((await lookup('{not json', 'lookup-bad-1')).status, 400);
  assert.equal((await post(`${SUBMISSIONS}/lookup`, body, { 'idempotency-key': 'lookup-bad-2', 'content-type': 'text/plain' })).status, 415);
  assert.equal((await lookup(JSON.stringify({ a: 'x'.repeat(1_100_000) }), 'lookup-bad-3')).status, 413);
  assert.equal((await lookup('['.repeat(1000) + ']'.repeat(1000), 'lookup-bad-4')).status, 422, 'the shape scan');
  const wrongMethod = await fetch(`${server.url}${SUBMISSIONS}/lookup`);
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get('allow'), 'POST');
});

test('lookup: a submission stored without a fingerprint (an older row) matches no body', async () => {
  const body = application(await upload());
  await server.store.store('rent-subsidy', '2026.1.0', 'lookup-old-row', JSON.parse(body));
  const res = await lookup(body, 'lookup-old-row');
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error, 'not_stored');
  assert.equal(await server.store.isRetired('rent-subsidy', 'lookup-old-row'), false, 'a key that holds a row is never retired');
});

test('lookup is a write: the rate limits apply (429 with Retry-After)', async () => {
  const limited = await startServer({ formsDir, database: ':memory:', limits: { perAddress: { requests: 2, seconds: 60 } } });
  try {
    const ask = () => fetch(`${limited.url}${SUBMISSIONS}/lookup`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k' }, body: '{}' });
    const statuses = [(await ask()).status, (await ask()).status];
    const refused = await ask();
    assert.deepEqual([...statuses, refused.status], [404, 404, 429]);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  } finally {
    await limited.close();
  }
});

test('correction: a new key naming the original\'s key is stored linked to it; GET shows the pair both ways', async () => {
  const lease = await upload();
  const original = await (await submit(application(lease), 'fix-original-1')).json();
  // The lease the original took is the correction's too: the citizen changed an address, not the papers.
  const res = await correct(application(lease, '新生南路 3 號'), 'fix-correction-1', 'fix-original-1');
  assert.equal(res.status, 201);
  const correction = await res.json();
  assert.deepEqual(correction.corrects, { id: original.id, receipt: original.receipt });
  assert.notEqual(correction.receipt, original.receipt);
  assert.equal(res.headers.get('location'), `${SUBMISSIONS}/${correction.id}`);
  const [first, second] = [await read(original), await read(correction)];
  assert.deepEqual([first.corrects, first.correctedBy], [undefined, [correction.id]]);
  assert.deepEqual([second.corrects, second.correctedBy], [original.id, []]);
  assert.equal(second.data.rental.address.street, '新生南路 3 號');
});

test('correction: retried under its own key, the same answer with 200, its link included; a lookup of its key too', async () => {
  const lease = await upload();
  await submit(application(lease), 'fix-original-2');
  const body = application(lease, '新生南路 4 號');
  const before = await server.store.count('rent-subsidy');
  const first = await correct(body, 'fix-correction-2', 'fix-original-2');
  const again = await correct(body, 'fix-correction-2', 'fix-original-2');
  assert.deepEqual([first.status, again.status], [201, 200]);
  const answer = await first.json();
  assert.ok(answer.corrects);
  assert.deepEqual(await again.json(), answer);
  assert.equal(await server.store.count('rent-subsidy'), before + 1);
  assert.deepEqual(await (await lookup(body, 'fix-correction-2')).json(), answer);
});

test('correction: a key no submission of this form has gives 422 correction_target_missing, and nothing is stored', async () => {
  await server.store.store('smoke-alarm-subsidy', '1', 'fix-other-form', {});
  const body = application(await upload(), '新生南路 5 號');
  const before = await server.store.count('rent-subsidy');
  for (const original of ['fix-never-used', 'fix-other-form']) {
    const res = await correct(body, `fix-orphan-${original}`, original);
    assert.equal(res.status, 422);
    const answer = await res.json();
    assert.equal(answer.error, 'correction_target_missing');
    assert.ok(answer.message);
  }
  assert.equal(await server.store.count('rent-subsidy'), before);
});

test('correction: a correction of a correction makes a chain', async () => {
  const lease = await upload();
  const original = await (await submit(application(lease), 'fix-chain-1')).json();
  const second = await (await correct(application(lease, '新生南路 6 號'), 'fix-chain-2', 'fix-chain-1')).json();
  const third = await correct(application(lease, '新生南路 7 號'), 'fix-chain-3', 'fix-chain-2');
  assert.equal(third.status, 201, 'the original\'s lease may still be referred to');
  const last = await third.json();
  assert.deepEqual(last.corrects, { id: second.id, receipt: second.receipt });
  assert.deepEqual(await Promise.all([original, second, last].map(async (version) => {
    const { corrects, correctedBy } = await read(version);
    return [corrects, correctedBy];
  })), [[undefined, [second.id]], [original.id, [last.id]], [second.id, []]]);
});

test('correction: a malformed Formosa-Corrects, or one without a key of its own, is 400 bad_correction', async () => {
  const lease = await upload();
  await submit(application(lease), 'fix-header-1');
  const body = application(lease, '新生南路 8 號');
  const before = await server.store.count('rent-subsidy');
  const attempts = [
    correct(body, 'fix-header-2', 'bad key'),
    correct(body, 'fix-header-3', 'k'.repeat(256)),
    correct(body, 'fix-header-4', ''),
    correct(body, 'fix-header-1', 'fix-header-1'),
    post(SUBMISSIONS, body, { 'formosa-corrects': 'fix-header-1' }),
  ];
  for (const res of await Promise.all(attempts)) {
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error, 'bad_correction');
  }
  assert.equal(await server.store.count('rent-subsidy'), before);
});

test('correction: it may refer to the files of the application it corrects, never to another application\'s', async () => {
  const own = await upload();
  const others = await upload();
  await submit(application(own), 'fix-files-1');
  await submit(application(others), 'fix-files-2');
  const res = await correct(application(others, '新生南路 9 號'), 'fix-files-3', 'fix-files-1');
  assert.equal(res.status, 422);
  assert.equal((await res.json()).errors[0].code, 'attachment');
});

test('correction: the same key and body, once plain and once as a correction, is a key used for another request', async () => {
  const lease = await upload();
  await submit(application(lease), 'fix-reuse-1');
  const body = application(lease, '新生南路 10 號');
  assert.equal((await correct(body, 'fix-reuse-2', 'fix-reuse-1')).status, 201);
  const plain = await submit(body, 'fix-reuse-2');
  assert.equal(plain.status, 422);
  assert.equal((await plain.json()).error, 'idempotency_key_reused');
});

test('correction: while the original is still in flight, 409 (retried, it is stored linked)', async () => {
  const lease = await upload();
  const slow = halfSent(application(lease), 'fix-flight-1');
  await settle();
  const body = application(lease, '新生南路 11 號');
  const early = await correct(body, 'fix-flight-2', 'fix-flight-1');
  assert.equal(early.status, 409);
  assert.equal((await early.json()).error, 'in_flight');
  assert.equal(await slow.finish(), 201);
  assert.equal((await correct(body, 'fix-flight-2', 'fix-flight-1')).status, 201);
});

test('a database from before fingerprints and corrections opens, gains the link, and its rows match no lookup', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'formosa-old-')), 'db.sqlite');
  const old = new Database(file);
  old.exec(`CREATE TABLE submissions (id TEXT PRIMARY KEY, form_id TEXT NOT NULL, form_version TEXT NOT NULL, idempotency_key TEXT,
    receipt TEXT NOT NULL UNIQUE, submitted_at TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (form_id, idempotency_key))`);
  old.prepare('INSERT INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?)').run('old-1', 'f', '1', 'old-key', 'F-20250101-000000', new Date(0).toISOString(), '{"a":1}');
  old.close();
  const store = new SqliteStore(file);
  try {
    assert.equal(await store.findByRequest('f', 'old-key', fingerprint({ a: 1 })), undefined, 'no fingerprint kept, no proof possible');
    const stored = await store.store('f', '1', 'new-key', { a: 2 }, { hash: fingerprint({ a: 2 }), corrects: 'old-1' });
    assert.ok('submission' in stored && stored.created);
    assert.equal((await store.get('f', stored.submission.id))?.corrects, 'old-1');
    assert.deepEqual(await store.correctionsOf('f', 'old-1'), [stored.submission.id]);
    assert.equal((await store.findByRequest('f', 'new-key', fingerprint({ a: 2 })))?.id, stored.submission.id);
  } finally {
    await store.close();
  }
});
