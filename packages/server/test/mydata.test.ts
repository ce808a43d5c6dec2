/**
 * MyData prefill on the reference server, against the platform's sandbox with real crypto: begin → consent (headless)
 * → notification and pull → return → the mapped, sealed values → a submission checked against the seal.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FormEngine } from '@formosa/engine';
import { demoMyData, startServer, type RunningServer } from '@formosa/server';
import { DEMO_CLIENT, decryptFromClient, type Sandbox } from '@formosa/mydata-sandbox';
import { mergePrefill, type MyDataPrefill, type MyDataResult } from '@formosa/session';
import { answers, example } from '../../../examples/fixtures.js';

const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'formosa-mydata-'));
const dbFile = join(dir, 'submissions.sqlite');
const auditLog = join(dir, 'audit.jsonl');
let server: RunningServer;
let sandbox: Sandbox;
let clock = 0;
/** What the platform's notifications carried: tickets and secret keys (encrypted, and the key itself). */
const notified: string[] = [];
const watch: typeof fetch = async (url, init) => {
  const body = JSON.parse(String(init?.body)) as { permission_ticket?: string; secret_key?: string };
  if (body.permission_ticket) notified.push(body.permission_ticket);
  if (body.secret_key) notified.push(body.secret_key, decryptFromClient(DEMO_CLIENT, body.secret_key)!);
  return fetch(url, init);
};

/** Everything the server wrote to its log while these tests ran. */
const logged: string[] = [];
for (const level of ['log', 'info', 'warn', 'error'] as const) {
  const write = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    write(...args);
  };
}

before(async () => {
  server = await startServer({
    formsDir, database: dbFile, now: () => Date.now() + clock,
    mydata: demoMyData({ auditLog, secret: 'a test secret of the server, 32+ bytes', retryAfterSeconds: 1, sandboxFetch: watch, onSandbox: (s) => (sandbox = s) }),
  });
});
after(() => server.close());

/** A browser: keeps the cookies the server sets, follows no redirect by itself. */
function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
}

const form = (id: string) => `${server.url}/api/forms/${id}`;
const page = () => `${server.url}/form.html?form=rent-subsidy`;

async function begin(go: ReturnType<typeof browser>, subject: string, formId = 'rent-subsidy'): Promise<{ txId: string; url: string }> {
  const response = await go(`${form(formId)}/mydata/begin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject, page: page() }) });
  assert.equal(response.status, 200, await response.clone().text());
  const { url } = (await response.json()) as { url: string };
  const txId = new URL(url).pathname.split('/').pop()!;
  // The browser arrives at the platform's consent page.
  assert.equal((await go(url)).status, 200);
  return { txId, url };
}

async function result(go: ReturnType<typeof browser>, formId = 'rent-subsidy'): Promise<MyDataResult> {
  for (let i = 0; i < 100; i++) {
    const answer = (await (await go(`${form(formId)}/mydata/result`)).json()) as MyDataResult;
    if (answer.state !== 'pulling' && answer.state !== 'waiting') return answer;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the pull never ended');
}

/** Consent given at the platform by `persona`; the browser comes back to the form page. */
async function consent(go: ReturnType<typeof browser>, subject: string, persona: string, formId = 'rent-subsidy'): Promise<MyDataResult> {
  const { txId } = await begin(go, subject, formId);
  const back = await go(await sandbox.approve(txId, persona));
  assert.equal(back.status, 303);
  assert.equal(back.headers.get('location'), page(), 'back to the page the journey began on, with nothing added to its URL');
  return result(go, formId);
}

/** Rent-subsidy answers as a citizen would send them, with the prefill merged in. */
function application(prefill: MyDataPrefill): Record<string, unknown> {
  const definition = example('rent-subsidy');
  const engine = new FormEngine(definition);
  let state = answers('rent-subsidy', () => ({ id: 'x', name: 'lease.pdf', type: 'application/pdf', size: 1 })).reduce((s, [path, value]) => engine.change(s, path, value), engine.init());
  state = engine.init(mergePrefill(engine.data(state), prefill.values));
  return engine.data(state) as Record<string, unknown>;
}

async function submit(data: Record<string, unknown>, seal: string | undefined) {
  // The lease must really be uploaded: a file is taken by one submission only.
  const file = await (await fetch(`${form('rent-subsidy')}/attachments?field=${encodeURIComponent('/rental/leaseCopy')}`, {
    method: 'POST', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'lease.pdf' }, body: '%PDF-1.4 lease',
  })).json();
  const body = { ...data, rental: { ...(data['rental'] as object), leaseCopy: [file] } };
  return fetch(`${form('rent-subsidy')}/submissions`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...(seal ? { 'formosa-mydata': seal } : {}) }, body: JSON.stringify(body),
  });
}

test('consent → return → the household, address and income status arrive mapped, with provenance and a seal', async () => {
  const go = browser();
  const outcome = await consent(go, 'F126330107', 'low-income');
  assert.equal(outcome.state, 'ready');
  const prefill = outcome as MyDataPrefill;
  assert.equal(prefill.values['/applicant/name'], '陳志強');
  assert.equal(prefill.values['/applicant/birthDate'], '1973-11-05', '0621105 is 民國 62');
  assert.equal(prefill.values['/applicant/nationalId'], 'F126330107');
  assert.equal(prefill.values['/eligibility/incomeStatus'], 'low');
  assert.ok(typeof prefill.values['/applicant/address/street'] === 'string');
  assert.equal(prefill.values['/household/members/0/name'], '陳林秀英');
  assert.equal(prefill.values['/household/members/0/birthDate'], '1943-02-02');
  assert.equal(prefill.provenance['/applicant/name']?.resource, 'API.UDauDOLyZg');
  assert.equal(prefill.provenance['/applicant/name']?.locked, true);
  assert.equal(prefill.provenance['/eligibility/incomeStatus']?.resource, 'API.AbAYGIjoYw');
  assert.ok(prefill.seal.length > 20 && !prefill.seal.includes('陳志強'));
  assert.deepEqual(prefill.datasets.map((d) => [d.resource, d.verified]), [['API.UDauDOLyZg', true], ['API.AbAYGIjoYw', true]]);
  // A reload asks again: the server still has them (nothing was kept on the device).
  assert.deepEqual(await result(go), outcome);
});

test('a dataset the platform has nothing of for this person (no low-income record) is said unavailable; the rest arrives', async () => {
  const prefill = (await consent(browser(), 'A125001237', 'household-head')) as MyDataPrefill;
  assert.deepEqual(prefill.datasets.map((d) => [d.resource, d.verified, d.available]), [['API.UDauDOLyZg', true, true], ['API.AbAYGIjoYw', false, false]]);
  assert.equal(prefill.values['/applicant/name'], '王大明');
  assert.equal(prefill.values['/eligibility/incomeStatus'], undefined);
});

test('a submission with the verified values as handed out is stored, marked with what was verified', async () => {
  const prefill = (await consent(browser(), 'A125001237', 'household-head')) as MyDataPrefill;
  const response = await submit(application(prefill), prefill.seal);
  assert.equal(response.status, 201, await response.clone().text());
  const { id, secret } = (await response.json()) as { id: string; secret: string };
  const stored = (await (await fetch(`${form('rent-subsidy')}/submissions/${id}`, { headers: { 'formosa-receipt-secret': secret } })).json()) as { verified: { path: string; resource: string; retrievedAt: string }[] };
  const paths = stored.verified.map((v) => v.path);
  assert.ok(paths.includes('/applicant/name') && paths.includes('/applicant/nationalId') && paths.includes('/household/members/0/name'));
  assert.ok(stored.verified.every((v) => v.resource && !Number.isNaN(Date.parse(v.retrievedAt))));
});

test('a changed locked value is refused with the field named; the same answers without the seal are stored unverified', async () => {
  const prefill = (await consent(browser(), 'A125001237', 'household-head')) as MyDataPrefill;
  const data = application(prefill);
  const tampered = { ...data, applicant: { ...(data['applicant'] as object), name: '王小明' } };
  const refused = await submit(tampered, prefill.seal);
  assert.equal(refused.status, 422);
  const body = (await refused.json()) as { error: string; errors: { path: string; code: string }[] };
  assert.equal(body.error, 'mydata_tampered');
  assert.deepEqual(body.errors.map((e) => e.path), ['/applicant/name']);
  const typed = await submit(tampered, undefined);
  assert.equal(typed.status, 201);
  const { id, secret } = (await typed.json()) as { id: string; secret: string };
  const stored = (await (await fetch(`${form('rent-subsidy')}/submissions/${id}`, { headers: { 'formosa-receipt-secret': secret } })).json()) as { verified?: unknown };
  assert.equal(stored.verified, undefined, 'typed by hand: nothing is marked verified');
});

test('an untampered submission whose seal expired gets mydata_expired (the way forward: fetch again or send as one\'s own)', async () => {
  const go = browser();
  const prefill = (await consent(go, 'A125001237', 'household-head')) as MyDataPrefill;
  clock += 61 * 60_000;
  try {
    const response = await submit(application(prefill), prefill.seal);
    assert.equal(response.status, 422);
    assert.equal(((await response.json()) as { error: string }).error, 'mydata_expired');
    assert.equal((await result(go)).state, 'expired', 'the server no longer hands the values out either');
  } finally {
    clock = 0;
  }
});

for (const [fault, kind] of [[{ code: 205 }, 'declined'], [{ code: 409 }, 'other_person'], [{ code: 504 }, 'unavailable']] as const) {
  test(`the platform returns ${fault.code}: the result says ${kind}, nothing is prefilled`, async () => {
    const go = browser();
    sandbox.fault(fault);
    const { txId } = await begin(go, 'A125001237');
    const back = await go(await sandbox.approve(txId, 'household-head'));
    assert.equal(back.status, 303);
    const outcome = await result(go);
    assert.equal(outcome.state, 'failed');
    assert.equal((outcome as { kind: string }).kind, kind);
  });
}

for (const fault of [{ badSignature: 'API.UDauDOLyZg' }, { badDigest: 'API.UDauDOLyZg' }]) {
  test(`${Object.keys(fault)[0]}: the dataset is not verified and nothing of it is filled in (nor locked)`, async () => {
    sandbox.fault(fault);
    const outcome = (await consent(browser(), 'A125001237', 'household-head')) as MyDataPrefill;
    assert.equal(outcome.state, 'ready');
    assert.equal(outcome.datasets.find((d) => d.resource === 'API.UDauDOLyZg')?.verified, false);
    assert.equal(outcome.values['/applicant/name'], undefined);
    assert.ok(!Object.keys(outcome.values).some((p) => p.startsWith('/household/')));
  });
}

test('the return is refused to a browser that did not begin the journey, and begin refuses a foreign page or a bad ID', async () => {
  const { txId } = await begin(browser(), 'A125001237');
  const other = await browser()(await sandbox.approve(txId, 'household-head'));
  assert.equal(other.status, 403);
  assert.match(await other.text(), /不是由這個瀏覽器開始/);
  const go = browser();
  const foreign = await go(`${form('rent-subsidy')}/mydata/begin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'A125001237', page: 'https://evil.example/' }) });
  assert.equal(foreign.status, 403);
  const badId = await go(`${form('rent-subsidy')}/mydata/begin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'A123456788', page: page() }) });
  assert.equal(badId.status, 422);
  assert.equal((await (await go(`${form('smoke-alarm-subsidy')}/mydata`)).status), 404, 'a form that reads no MyData offers none');
});

test('no secret, ticket, key or raw package reaches the database, the audit log, the server\'s log or a URL the browser sees', async () => {
  // A registration the platform refuses at once (401): sent straight back, and said in the log.
  sandbox.fault({ code: 401 });
  const refused = browser();
  const started = await refused(`${form('rent-subsidy')}/mydata/begin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'A125001237', page: page() }) });
  const atPlatform = await refused(((await started.json()) as { url: string }).url);
  assert.equal(atPlatform.status, 302);
  assert.equal((await refused(atPlatform.headers.get('location')!)).status, 303);
  assert.ok(logged.some((line) => line.includes('MyData returned 401')), 'a registration error is logged for the agency');
  const go = browser();
  const { txId, url } = await begin(go, 'A125001237');
  const returnUrl = await sandbox.approve(txId, 'household-head');
  const back = await go(returnUrl);
  const outcome = (await result(go)) as MyDataPrefill;
  assert.ok(notified.length >= 3, 'the notification was watched');
  const visible = [url, returnUrl, back.headers.get('location') ?? ''].join(' ');
  const database = new Database(dbFile, { readonly: true });
  const rows = JSON.stringify(database.prepare('SELECT * FROM submissions').all());
  database.close();
  const audit = readFileSync(auditLog, 'utf8');
  for (const secret of ['FormosaDemo16chr', 'FormosaDemoIV16b', ...notified]) {
    assert.ok(!visible.includes(secret) && !rows.includes(secret) && !audit.includes(secret) && !logged.join('\n').includes(secret), `${secret} leaked`);
  }
  assert.ok(!audit.includes('A125001237'), 'the subject is hashed in the audit log');
  assert.ok(!audit.includes('王大明') && !logged.join('\n').includes('王大明'), 'no data value in the audit log or the server\'s log');
  assert.ok(!visible.includes('A125001237'), 'the national ID travels encrypted (pid), never in clear in a URL');
  assert.ok(audit.trim().split('\n').length > 3);
  assert.ok(outcome.state === 'ready');
});

test('a server without a connector says MyData is not offered (a page asks; no error in its console)', async () => {
  const plain = await startServer({ formsDir, database: ':memory:' });
  try {
    const response = await fetch(`${plain.url}/api/forms/rent-subsidy/mydata`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { offered: false });
    assert.equal((await fetch(`${plain.url}/api/forms/rent-subsidy/mydata/result`)).status, 404);
  } finally {
    await plain.close();
  }
  const offered = (await (await fetch(`${form('rent-subsidy')}/mydata`)).json()) as { offered: boolean; datasets: unknown[] };
  assert.equal(offered.offered, true);
  assert.equal(offered.datasets.length, 2);
});

test('a page that asks while MyData is still being set up waits for it, and is told it is offered', async () => {
  let started!: Promise<RunningServer>;
  const asked = new Promise<Response>((resolve) => {
    started = startServer({
      formsDir, database: ':memory:',
      mydata: async (url) => {
        // The server listens already: a page asks now, while the connector is not yet made.
        resolve(fetch(`${url}/api/forms/rent-subsidy/mydata`));
        await new Promise((r) => setTimeout(r, 300));
        return { config: { platform: 'http://127.0.0.1:9', clientId: 'CLI.test', clientSecret: 'FormosaDemo16chr', cbcIv: 'FormosaDemoIV16b', returnUrl: `${url}/api/mydata/return`, trustedCertificates: [sandbox.caCertificate], auditLog: join(dir, 'slow-audit.jsonl'), secret: 'a test secret of the server, 32+ bytes' } };
      },
    });
  });
  const slow = await started;
  try {
    assert.equal(((await (await asked).json()) as { offered: boolean }).offered, true);
  } finally {
    await slow.close();
  }
});
