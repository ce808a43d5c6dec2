// The connector against the real sandbox (@formosa/mydata-sandbox): every persona end to end, every return code,
// 429 sequences, the one-shot download, tampered and hostile packages, notifications twice, and the audit log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PERSONAS, RETURN_FAULT_CODES, decryptFromClient, encryptForClient, type Persona } from '@formosa/mydata-sandbox';
import { RETURN_CODES } from '../src/return-codes.js';
import type { ConnectorDataset, TxResult } from '../src/types.js';
import { deriveKey, keyedHash } from '../src/internal/keys.js';
import { startHarness, SECRET, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness({ retryAfterSeconds: 1 });
});
after(async () => {
  await h?.close();
});

const HOUSEHOLD = 'API.UDauDOLyZg';
const PERSONAL = 'API.7QovE2Gev6';
const LOW_INCOME = 'API.AbAYGIjoYw';
const DISABILITY = 'API.nyhnLM1fve';
const INCOME_PDF = 'API.syWqjr4flJ';
const persona = (id: string): Persona => PERSONAS.find((p) => p.id === id)!;

function ready(result: TxResult): Extract<TxResult, { state: 'ready' }> {
  assert.equal(result.state, 'ready', JSON.stringify(result));
  return result as Extract<TxResult, { state: 'ready' }>;
}
function failed(result: TxResult): Extract<TxResult, { state: 'failed' }> {
  assert.equal(result.state, 'failed', JSON.stringify(result));
  return result as Extract<TxResult, { state: 'failed' }>;
}
function dataset(result: TxResult, resource: string): ConnectorDataset {
  const found = ready(result).datasets.find((d) => d.resource === resource);
  assert.ok(found, `${resource} in ${JSON.stringify(ready(result).datasets.map((d) => d.resource))}`);
  return found;
}

for (const p of PERSONAS) {
  test(`happy path for ${p.id}: every dataset of the persona verified, exactly as the platform holds it`, async () => {
    const resources = Object.keys(p.data);
    const { txId, returned, result } = await h.journey({ resources, persona: p });
    assert.deepEqual(returned, { txId, code: 200 });
    const got = ready(result);
    assert.equal(got.subject, p.nationalId);
    assert.deepEqual(got.unavailable, []);
    assert.deepEqual(got.datasets.map((d) => d.resource).sort(), [...resources].sort());
    for (const d of got.datasets) {
      assert.equal(d.verified, true, `${d.resource}: ${d.reason} ${d.detail}`);
      assert.deepEqual(d.data, p.data[d.resource]);
      assert.ok(Math.abs(Date.parse(d.retrievedAt) - Date.now()) < 60_000);
    }
  });
}

test('a PDF dataset is verified and named, with no JSON data; the disability dataset carries both files', async () => {
  const { result } = await h.journey({ resources: [DISABILITY, INCOME_PDF], persona: persona('disability') });
  const pdf = dataset(result, INCOME_PDF);
  assert.equal(pdf.verified, true);
  assert.equal(pdf.data, null);
  assert.deepEqual(pdf.files, [`${INCOME_PDF}.pdf`]);
  assert.deepEqual([...dataset(result, DISABILITY).files].sort(), [`${DISABILITY}.json`, `${DISABILITY}.pdf`]);
});

test('the consent URL: the platform route, Base64 resource ids, the registered returnUrl and pid encrypted for the platform', () => {
  const { txId, url } = h.connector.begin({ resources: [HOUSEHOLD, LOW_INCOME], subject: ' a125001237 ' });
  const parsed = new URL(url);
  assert.equal(parsed.origin, new URL(h.sandbox.url).origin);
  assert.equal(parsed.pathname, `/service/${h.client.clientId}/${Buffer.from(`${HOUSEHOLD}:${LOW_INCOME}`).toString('base64')}/${txId}`);
  assert.match(txId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(parsed.searchParams.get('returnUrl'), h.client.returnUrl);
  const pid = parsed.searchParams.get('pid')!;
  assert.doesNotMatch(url, /A125001237/);
  assert.equal(decryptFromClient(h.client, pid), 'A125001237');
  assert.deepEqual(h.connector.result(txId), { state: 'waiting' });
  assert.throws(() => h.connector.begin({ resources: [HOUSEHOLD], subject: 'not an id' }), TypeError);
  h.connector.forget(txId);
});

for (const code of RETURN_FAULT_CODES) {
  test(`return code ${code} (${RETURN_CODES[code]!.kind}): the transaction fails with it, nothing is pulled`, async () => {
    const p = persona('household-head');
    const { txId, returned, result } = await h.journey({ resources: [HOUSEHOLD], persona: p, fault: { code } });
    assert.deepEqual(returned, { txId, code });
    assert.deepEqual(failed(result), { state: 'failed', code, reason: RETURN_CODES[code]!.kind });
  });
}

test('declined on the consent page: 205', async () => {
  const { result } = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), decline: true });
  assert.deepEqual(failed(result), { state: 'failed', code: 205, reason: 'declined' });
});

test('another person verifies than the one the form is for: 409', async () => {
  const { result } = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), as: persona('low-income') });
  assert.deepEqual(failed(result), { state: 'failed', code: 409, reason: 'other_person' });
});

test('the SP-API notification does not arrive: 410', async () => {
  const { result } = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), fault: { notifyFails: true } });
  assert.deepEqual(failed(result), { state: 'failed', code: 410, reason: 'notify_failed' });
});

test('a dataset the persona has no record in, and one the provider cannot deliver, come back unavailable', async () => {
  const { result } = await h.journey({ resources: [HOUSEHOLD, LOW_INCOME], persona: persona('household-head') });
  assert.deepEqual(ready(result).unavailable, [LOW_INCOME]);
  assert.deepEqual(ready(result).datasets.map((d) => d.resource), [HOUSEHOLD]);
  const second = await h.journey({ resources: [HOUSEHOLD, LOW_INCOME], persona: persona('low-income'), fault: { unavailable: [LOW_INCOME] } });
  assert.deepEqual(ready(second.result).unavailable, [LOW_INCOME]);
  assert.equal(dataset(second.result, HOUSEHOLD).verified, true);
  const none = await h.journey({ resources: [LOW_INCOME], persona: persona('household-head') });
  assert.deepEqual(failed(none.result), { state: 'failed', code: 504, reason: 'unavailable' });
});

test('429 twice then the package: Retry-After is waited out each time (no busy loop)', async () => {
  const started = Date.now();
  const { txId, result } = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), fault: { pull: [429, 429, 200] } });
  assert.equal(dataset(result, HOUSEHOLD).verified, true);
  assert.ok(Date.now() - started >= 2000, `waited ${Date.now() - started} ms for two Retry-After: 1`);
  assert.deepEqual(pulls(txId), [[429, 1], [429, 2], [200, 3]]);
});

test('a Retry-After beyond the bound fails at once with the reason, and more 429s than attempts fail too', async () => {
  const main = h.connector;
  try {
    h.connect({ pull: { maxWaitMs: 500, minWaitMs: 10 } });
    const started = Date.now();
    const beyond = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), fault: { pull: [429, 200] } });
    assert.deepEqual(failed(beyond.result), { state: 'failed', code: 429, reason: 'retry_after_beyond_bound' });
    assert.ok(Date.now() - started < 1000, 'no wait that could not end in time');
    h.connect({ pull: { maxAttempts: 2, minWaitMs: 10 } });
    const many = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), fault: { pull: [429, 429, 429, 200] } });
    assert.deepEqual(failed(many.result), { state: 'failed', code: 429, reason: 'too_many_attempts' });
    assert.deepEqual(pulls(many.txId), [[429, 1], [429, 2]]);
  } finally {
    h.connector = main;
  }
});

test('the package already downloaded (201) fails; so do the platform\'s pull errors and other statuses', async () => {
  const second = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), fault: { secondDownload: true } });
  assert.deepEqual(failed(second.result), { state: 'failed', code: 201, reason: 'already_downloaded' });
  const forbidden = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), fault: { pull: [403] } });
  assert.deepEqual(failed(forbidden.result), { state: 'failed', code: 403, reason: 'pull_status_403' });
  const proxy = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), fault: { pull: [503] } });
  assert.deepEqual(failed(proxy.result), { state: 'failed', code: 502, reason: 'pull_status_503' });
});

test('a JWE cut short fails the package (jwe)', async () => {
  const { result } = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), fault: { truncatedJwe: true } });
  assert.deepEqual(failed(result), { state: 'failed', code: 502, reason: 'jwe' });
});

for (const [fault, reason] of [['badDigest', 'digest'], ['badSignature', 'signature'], ['wrongCertificate', 'untrusted_certificate']] as const) {
  test(`${fault}: that dataset comes back verified:false (${reason}) with no data; the other stays verified`, async () => {
    const p = persona('low-income');
    const { result } = await h.journey({ resources: [HOUSEHOLD, LOW_INCOME], persona: p, fault: { [fault]: LOW_INCOME } });
    const bad = dataset(result, LOW_INCOME);
    assert.equal(bad.verified, false);
    assert.equal(bad.reason, reason);
    assert.equal(bad.data, null);
    assert.equal(dataset(result, HOUSEHOLD).verified, true);
    assert.deepEqual(dataset(result, HOUSEHOLD).data, p.data[HOUSEHOLD]);
  });
}

for (const bomb of ['oversized', 'entries', 'traversal'] as const) {
  test(`a hostile dataset ZIP (${bomb}) is refused within bounds; the package's other dataset is still read`, async () => {
    const started = Date.now();
    const { result } = await h.journey({ resources: [HOUSEHOLD, PERSONAL], persona: persona('household-head'), fault: { zipBomb: bomb } });
    const first = dataset(result, HOUSEHOLD); // the sandbox puts the bomb in the first dataset
    assert.equal(first.verified, false);
    assert.equal(first.reason, 'zip');
    assert.match(first.detail!, bomb === 'oversized' ? /declares 67108864 bytes, over the limit/ : bomb === 'entries' ? /entries, over the limit of 100/ : /has a '\.\.'/);
    assert.equal(dataset(result, PERSONAL).verified, true);
    assert.ok(Date.now() - started < 10_000);
  });
}

test('the same notification twice (the platform retrying) pulls once; an unknown tx or a bad body is a 400', async () => {
  h.deliveries = 2;
  try {
    const { txId, result } = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head') });
    assert.equal(dataset(result, HOUSEHOLD).verified, true); // a second pull would have met 201 (one-shot)
    assert.deepEqual(pulls(txId), [[200, 1]]);
    const notification = h.notifications.at(-1) as Record<string, unknown>;
    assert.deepEqual(h.connector.notify(notification), { status: 200, body: { code: 200 } });
    assert.deepEqual(pulls(txId), [[200, 1]]);
    assert.equal(h.connector.result(txId).state, 'ready');
    const unknown = h.connector.notify({ ...notification, tx_id: crypto.randomUUID() });
    assert.equal(unknown.status, 400);
    assert.equal(h.connector.notify({ ...notification, surprise: true }).status, 400);
    assert.equal(h.connector.notify('tx_id').status, 400);
  } finally {
    h.deliveries = 1;
  }
});

test('a secret_key that does not decrypt to 32 ASCII bytes under our keys is a 400, and the transaction still waits', () => {
  const { txId } = h.connector.begin({ resources: [HOUSEHOLD], subject: 'A125001237' });
  const other = { clientSecret: 'SomeoneElse16chr', cbcIv: h.client.cbcIv };
  for (const secretKey of [encryptForClient(other, 'abcdefghijklmnopqrstuvwxyz012345'), encryptForClient(h.client, 'too short'), 'bm90IGVuY3J5cHRlZA==']) {
    assert.deepEqual(h.connector.notify({ tx_id: txId, permission_ticket: 'ticket', secret_key: secretKey }), { status: 400, body: { code: 400, error: 'bad_secret_key' } });
  }
  assert.deepEqual(h.connector.result(txId), { state: 'waiting' });
  h.connector.forget(txId);
});

test('a return whose tx_id is not ours, or with duplicate parameters, is a bad return', async () => {
  const { back } = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head'), fault: { code: 205 } });
  const q = back.searchParams;
  assert.deepEqual(h.connector.returned(new URLSearchParams({ code: '200', tx_id: 'bm90IG91cnM=' })), { error: 'bad_return' });
  assert.deepEqual(h.connector.returned(new URLSearchParams({ code: '200', tx_id: crypto.randomUUID() })), { error: 'bad_return' });
  const twice = new URLSearchParams(q);
  twice.append('code', '200');
  assert.deepEqual(h.connector.returned(twice), { error: 'bad_return' });
  assert.deepEqual(h.connector.returned(new URLSearchParams({ code: 'ok', tx_id: q.get('tx_id')! })), { error: 'bad_return' });
});

test('forget drops a transaction; an unknown one reads as failed, timed out', async () => {
  const { txId } = await h.journey({ resources: [HOUSEHOLD], persona: persona('household-head') });
  h.connector.forget(txId);
  assert.deepEqual(h.connector.result(txId), { state: 'failed', code: 408, reason: 'unknown_transaction' });
});

test('transactions expire from memory after the platform\'s 20 minutes and a grace', async () => {
  let clock = Date.now();
  const main = h.connector;
  try {
    const connector = h.connect({ now: () => clock });
    const { txId } = connector.begin({ resources: [HOUSEHOLD], subject: 'A125001237' });
    clock += 24 * 60_000;
    assert.deepEqual(connector.result(txId), { state: 'waiting' });
    clock += 2 * 60_000;
    assert.deepEqual(connector.result(txId), { state: 'failed', code: 408, reason: 'unknown_transaction' });
    const late = connector.notify({ tx_id: txId, permission_ticket: 'ticket', secret_key: 'c2VjcmV0' });
    assert.deepEqual(late, { status: 400, body: { code: 400, error: 'unknown_transaction' } });
  } finally {
    h.connector = main;
  }
});

test('settled answers within its time-out while the citizen is still at the platform', async () => {
  const { txId } = h.connector.begin({ resources: [HOUSEHOLD], subject: 'A125001237' });
  const started = Date.now();
  assert.deepEqual(await h.connector.settled(txId, 50), { state: 'waiting' });
  assert.ok(Date.now() - started < 1000);
  h.connector.forget(txId);
});

interface AuditLine { at: string; event: string; tx: string; subject: string | null; result: string; detail: Record<string, unknown> }
function audit(): AuditLine[] {
  return readFileSync(h.auditLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditLine);
}
const auditKey = deriveKey(SECRET, 'audit');
function pulls(txId: string): [number, number][] {
  const tx = keyedHash(auditKey, `tx:${txId}`);
  return audit().filter((l) => l.tx === tx && l.event === 'pull').map((l) => [l.detail['status'] as number, l.detail['attempt'] as number]);
}

test('the audit log: every event of a journey, the subject only as a keyed hash', async () => {
  const p = persona('low-income');
  const { txId } = await h.journey({ resources: [HOUSEHOLD, LOW_INCOME], persona: p, fault: { badDigest: LOW_INCOME } });
  const tx = keyedHash(auditKey, `tx:${txId}`);
  const lines = audit().filter((l) => l.tx === tx);
  assert.deepEqual(lines.map((l) => `${l.event}:${l.result}`).sort(), ['deleted:ok', 'failed:digest', 'notified:ok', 'pull:200', 'redirect:ok', 'returned:200', 'verified:ok'].sort());
  for (const line of lines) {
    assert.equal(line.subject, keyedHash(auditKey, `subject:${p.nationalId}`));
    assert.ok(!Number.isNaN(Date.parse(line.at)));
  }
});

test('the audit log never holds a ticket, a secret key, a pid, a national ID or a data value', () => {
  const text = readFileSync(h.auditLog, 'utf8');
  assert.ok(h.notifications.length > 10);
  const forbidden = new Set<string>();
  for (const n of h.notifications as Record<string, string>[]) {
    forbidden.add(n['permission_ticket']!);
    forbidden.add(n['secret_key']!);
    forbidden.add(decryptFromClient(h.client, n['secret_key']!)!);
  }
  for (const url of h.redirects) forbidden.add(new URL(url).searchParams.get('pid')!);
  const values = (value: unknown): void => {
    // Short numbers ('005', a neighbourhood) could be part of any timestamp: left out.
    if (typeof value === 'string' && value.length >= 3 && !/^\d{1,5}$/.test(value)) forbidden.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(values);
  };
  for (const p of PERSONAS) {
    forbidden.add(p.nationalId);
    values(p.data);
  }
  assert.ok(forbidden.size > 100, `${forbidden.size} values looked for`);
  for (const value of forbidden) assert.ok(!text.includes(value), `the audit log holds ${JSON.stringify(value)}`);
  // And the secrets really were in play: each notification's ticket would have been found had it been written.
  assert.ok([...forbidden].some((v) => v.length === 40));
});

test('sealKey comes from the secret, and is not the audit key', () => {
  assert.deepEqual(h.connector.sealKey, deriveKey(SECRET, 'seal'));
  assert.notDeepEqual(h.connector.sealKey, auditKey);
});
