/**
 * The status the citizen follows, through the real server: receipt secrets in every answer, lookups that say the same
 * for an unknown receipt and a wrong secret, the caseworker's move (scope decide), the request for more information,
 * the resubmission that may change only the reopened steps, and flows checked at start.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormEngine } from '@formosa/engine';
import type { Attachment } from '@formosa/schema';
import { receiptSecret, receiptSecretKey, startServer, type RunningServer } from '@formosa/server';
import { answers, example, fixtureFile } from '../../../examples/fixtures.js';
import { newToken, type Scope } from '../src/backoffice/tokens.js';

const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
const SECRET = 'a server secret of the test, long enough';
const SECRET_FORMAT = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
let server: RunningServer;

const database = () => join(mkdtempSync(join(tmpdir(), 'formosa-status-routes-')), 'db.sqlite');

async function uploadLease(): Promise<Attachment> {
  const res = await fetch(`${server.url}/api/forms/rent-subsidy/attachments?field=${encodeURIComponent('/rental/leaseCopy')}`, {
    method: 'POST', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'lease.pdf' }, body: new Uint8Array(readFileSync(fixtureFile('@file:lease.pdf')!)),
  });
  return res.json();
}

function validData(file: Attachment): Record<string, unknown> {
  const engine = new FormEngine(example('rent-subsidy'));
  return engine.data(answers('rent-subsidy', () => file).reduce((s, [path, value]) => engine.change(s, path, value), engine.init())) as Record<string, unknown>;
}

const submit = (data: unknown, headers: Record<string, string>) =>
  fetch(`${server.url}/api/forms/rent-subsidy/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(data) });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function token(scopes: Scope[], forms: string[]): Promise<string> {
  const { text, stored } = newToken({ holder: '王科員', scopes, forms }, new Date());
  await server.store.backoffice.saveToken(stored);
  return `Bearer ${text}`;
}

before(async () => (server = await startServer({ formsDir, database: database(), secret: SECRET })));
after(() => server?.close());

test('a submission, its replay and its lookup all carry the receipt secret, derived from the server secret', async () => {
  const data = validData(await uploadLease());
  const created = await (await submit(data, { 'idempotency-key': 'secret-1' })).json();
  assert.match(created.secret, SECRET_FORMAT);
  assert.equal(created.secret, receiptSecret(receiptSecretKey(SECRET), created.id));
  const replay = await submit(data, { 'idempotency-key': 'secret-1' });
  assert.equal(replay.status, 200);
  assert.equal((await replay.json()).secret, created.secret);
  const lookup = await post('/api/forms/rent-subsidy/submissions/lookup', data, { 'idempotency-key': 'secret-1' });
  assert.equal((await lookup.json()).secret, created.secret);
  assert.notEqual(receiptSecret(receiptSecretKey('another server secret, as long'), created.id), created.secret);
});

test('the status lookup: the timeline for the right secret; an unknown receipt and a wrong secret answer the same 404', async () => {
  const { receipt, secret, submittedAt } = await (await submit(validData(await uploadLease()), { 'idempotency-key': 'lookup-1' })).json();
  const res = await post('/api/status', { receipt, secret });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const status = await res.json();
  assert.deepEqual(status, { formId: 'rent-subsidy', title: example('rent-subsidy').title, receipt, submittedAt, status: 'submitted', final: false, history: [{ status: 'submitted', at: submittedAt, by: 'system' }] });
  const typed = await post('/api/status', { receipt: receipt.toLowerCase(), secret: ` ${secret.replace('-', '').toLowerCase()} ` });
  assert.equal(typed.status, 200, 'typed in lower case, without the hyphen');
  const wrong = await post('/api/status', { receipt, secret: secret.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A')) });
  const unknown = await post('/api/status', { receipt: 'RS-20260101-ZZZZZZ', secret });
  assert.equal(wrong.status, 404);
  assert.equal(unknown.status, 404);
  assert.deepEqual(await wrong.json(), await unknown.json());
  assert.equal((await post('/api/status', { receipt, secret, extra: 1 })).status, 400);
  assert.equal((await post('/api/status', { receipt })).status, 400);
  assert.equal((await post('/api/status', { receipt: 'x'.repeat(2000), secret })).status, 413);
  assert.equal((await post('/api/status', '{"receipt":')).status, 400);
});

test('the caseworker moves with a decide token for the form; more information reopens named steps; the citizen resubmits those only', async () => {
  const lease = await uploadLease();
  const data = validData(lease);
  const first = await (await submit(data, { 'idempotency-key': 'reopen-1' })).json();
  const move = (body: unknown, auth?: string) => post(`/api/backoffice/forms/rent-subsidy/applications/${first.id}/status`, body, auth ? { authorization: auth } : {});
  const decide = await token(['read', 'decide'], ['rent-subsidy']);
  assert.equal((await move({ to: 'in_review' })).status, 401, 'no token');
  assert.equal((await move({ to: 'in_review' }, 'Bearer fbo_000000000000_' + 'x'.repeat(43))).status, 401, 'a wrong token');
  assert.equal((await move({ to: 'in_review' }, await token(['read'], ['rent-subsidy']))).status, 403, 'no decide scope');
  assert.equal((await move({ to: 'in_review' }, await token(['decide'], ['tuition-fee-reduction']))).status, 403, 'a foreign form');
  assert.equal((await move({ to: 'in_review' }, decide)).status, 200);
  assert.equal((await move({ to: 'info_requested', note: '請補上租約第 2 頁' }, decide)).status, 400, 'info_requested must name steps');
  assert.equal((await move({ to: 'info_requested', reopen: ['no-such-step'] }, decide)).status, 400);
  assert.equal((await move({ to: 'approved', reopen: ['rental'] }, decide)).status, 400, 'approved reopens nothing');
  const asked = await move({ to: 'info_requested', note: '請補上租約第 2 頁', reopen: ['rental'] }, decide);
  assert.equal(asked.status, 200);
  const refused = await move({ to: 'approved' }, decide);
  assert.equal(refused.status, 409);
  assert.deepEqual((await refused.json()).current, 'info_requested');
  assert.equal((await post(`/api/backoffice/forms/rent-subsidy/applications/00000000-0000-4000-8000-000000000000/status`, { to: 'in_review' }, { authorization: decide })).status, 404);

  const status = await (await post('/api/status', { receipt: first.receipt, secret: first.secret })).json();
  assert.equal(status.status, 'info_requested');
  assert.deepEqual(status.reopen, [{ id: 'rental', title: example('rent-subsidy').steps.find((s) => s.id === 'rental')!.title }]);
  assert.equal(status.history.at(-1).note, '請補上租約第 2 頁');
  assert.ok(status.history.every((e: object) => !('who' in e)), 'which caseworker stays in the back office');
  const answers = await (await post('/api/status/answers', { receipt: first.receipt, secret: first.secret })).json();
  assert.deepEqual(answers.reopen, ['rental']);
  assert.equal((answers.data as { applicant: { name: string } }).applicant.name, '林小美');

  const reopens = { 'formosa-reopens': first.receipt, 'formosa-receipt-secret': first.secret };
  const outside = await submit({ ...data, applicant: { ...(data['applicant'] as object), name: '林大美' } }, { ...reopens, 'idempotency-key': 'reopen-2' });
  assert.equal(outside.status, 422);
  assert.deepEqual((await outside.json()).fields, ['/applicant/name']);
  assert.equal((await submit(data, { 'formosa-reopens': first.receipt, 'formosa-receipt-secret': 'AAAAA-AAAAA', 'idempotency-key': 'reopen-3' })).status, 404);
  assert.equal((await submit(data, reopens)).status, 400, 'a resubmission needs a key of its own');
  const changed = { ...data, rental: { ...(data['rental'] as object), monthlyRent: 13000 } };
  const resubmitted = await submit(changed, { ...reopens, 'idempotency-key': 'reopen-4' });
  assert.equal(resubmitted.status, 201);
  const version = await resubmitted.json();
  assert.deepEqual(version.corrects, { id: first.id, receipt: first.receipt });
  assert.match(version.secret, SECRET_FORMAT);
  const replay = await submit(changed, { ...reopens, 'idempotency-key': 'reopen-4' });
  assert.equal(replay.status, 200);
  assert.equal((await replay.json()).id, version.id);
  assert.equal((await submit(changed, { ...reopens, 'idempotency-key': 'reopen-5' })).status, 409, 'in review again: nothing reopened');

  const after = await (await post('/api/status', { receipt: first.receipt, secret: first.secret })).json();
  assert.deepEqual(after.history.map((e: { status: string; by: string }) => `${e.status}/${e.by}`), ['submitted/system', 'in_review/caseworker', 'info_requested/caseworker', 'in_review/citizen']);
  assert.equal(after.latest.receipt, version.receipt);
  const byVersion = await (await post('/api/status', { receipt: version.receipt, secret: version.secret })).json();
  assert.equal(byVersion.receipt, first.receipt, "the new version's receipt finds the same application");
  assert.equal((await server.store.get('rent-subsidy', first.id))?.data !== undefined, true, 'the first version kept');
  assert.equal(((await server.store.get('rent-subsidy', version.id))?.data as { rental: { monthlyRent: number } }).rental.monthlyRent, 13000);
  assert.equal((await post('/api/status/answers', { receipt: first.receipt, secret: first.secret })).status, 409, 'nothing reopened now');
  assert.equal((await move({ to: 'approved', note: '核准' }, decide)).status, 200);
  assert.equal((await (await post('/api/status', { receipt: first.receipt, secret: first.secret })).json()).final, true);
});

test('status lookups are limited per address: the 31st in ten minutes is refused with Retry-After', async () => {
  const own = await startServer({ formsDir, database: database(), secret: SECRET });
  try {
    const ask = () => fetch(`${own.url}/api/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt: 'RS-20260101-ZZZZZZ', secret: 'AAAAA-AAAAA' }) });
    for (let i = 0; i < 30; i++) assert.equal((await ask()).status, 404);
    const limited = await ask();
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  } finally {
    await own.close();
  }
});

test('statusFlows: a flow with problems, or for a form not served, stops the server with the problems', async () => {
  await assert.rejects(
    startServer({ formsDir, database: database(), statusFlows: { 'rent-subsidy': { initial: 'new', moves: { new: [{ to: 'gone', by: 'caseworker' }] }, reopens: [], final: [] } } }),
    /statusFlows\["rent-subsidy"\]: "new" moves to "gone", which is not in moves/,
  );
  await assert.rejects(startServer({ formsDir, database: database(), statusFlows: { 'no-such-form': { initial: 'a', moves: { a: [] }, reopens: [], final: ['a'] } } }), /no form "no-such-form"/);
  const labels = { received: { 'zh-Hant-TW': '已收件', en: 'Received' }, done: { 'zh-Hant-TW': '已完成', en: 'Done' } };
  const own = await startServer({ formsDir, database: database(), secret: SECRET, statusFlows: { 'smoke-alarm-subsidy': { initial: 'received', moves: { received: [{ to: 'done', by: 'caseworker' }], done: [] }, reopens: [], final: ['done'], labels } } });
  try {
    const engine = new FormEngine(example('smoke-alarm-subsidy'));
    const data = engine.data(answers('smoke-alarm-subsidy').reduce((s, [path, value]) => engine.change(s, path, value), engine.init()));
    const sent = await (await fetch(`${own.url}/api/forms/smoke-alarm-subsidy/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'own-flow' }, body: JSON.stringify(data) })).json();
    const status = await (await fetch(`${own.url}/api/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt: sent.receipt, secret: sent.secret }) })).json();
    assert.deepEqual([status.status, status.history[0].status, status.labels], ['received', 'received', labels], "the form's own initial status and labels");
  } finally {
    await own.close();
  }
});
