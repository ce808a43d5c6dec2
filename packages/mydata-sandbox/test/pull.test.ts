/** GET /service/data, /service/txid_status and /service/type_valid. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { compactDecrypt } from 'jose';
import type { Sandbox } from '../src/index.js';
import { decrypt, open, openPackage, pull, setup, shareSandbox, type Notification, type Receiver } from './helpers.js';

let sandbox: Sandbox;
let receiver: Receiver;
shareSandbox((started) => ({ sandbox, receiver } = started), { retryAfterSeconds: 2 });

async function agreed(resources = ['API.UDauDOLyZg'], persona = 'household-head', pid = 'A125001237'): Promise<Notification> {
  const { txId } = await open(sandbox, { resources, pid });
  await sandbox.approve(txId, persona);
  const n = receiver.notifications.find((x) => x.tx_id === txId);
  assert.ok(n, 'notified');
  return n;
}

async function status(txId: string): Promise<{ code: number; text: string }> {
  const response = await fetch(`${sandbox.url}/service/txid_status`, { headers: { tx_id: txId } });
  return (await response.json()) as { code: number; text: string };
}

test('429 with Retry-After while collecting, then the package, then 201; the status follows', async () => {
  sandbox.fault({ pull: [429, 429, 200] });
  const n = await agreed();
  assert.equal((await status(n.tx_id)).code, 429);
  for (let i = 0; i < 2; i++) {
    const response = await pull(sandbox, n);
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '2');
  }
  assert.equal((await status(n.tx_id)).code, 200);
  assert.equal((await pull(sandbox, n)).status, 200);
  assert.equal((await status(n.tx_id)).code, 201);
  assert.equal((await pull(sandbox, n)).status, 201);
});

test('Retry-After is 10 seconds unless configured', async () => {
  const { sandbox: plain, receiver: plainReceiver, close: closePlain } = await setup({ retryAfterSeconds: undefined });
  try {
    plain.fault({ pull: [429] });
    const { txId } = await open(plain, { resources: ['API.UDauDOLyZg'], pid: 'A125001237' });
    await plain.approve(txId, 'household-head');
    const response = await pull(plain, plainReceiver.notifications[0]!);
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '10');
  } finally {
    await closePlain();
  }
});

test('other statuses can be injected into the pull sequence', async () => {
  sandbox.fault({ pull: [503, 429, 200] });
  const n = await agreed();
  assert.deepEqual([(await pull(sandbox, n)).status, (await pull(sandbox, n)).status, (await pull(sandbox, n)).status], [503, 429, 200]);
});

test('wrong ticket → 401, unknown transaction → 400, missing headers → 400', async () => {
  const n = await agreed();
  assert.equal((await pull(sandbox, { ...n, permission_ticket: 'x'.repeat(40) })).status, 401);
  assert.equal((await pull(sandbox, { ...n, tx_id: randomUUID() })).status, 400);
  assert.equal((await fetch(`${sandbox.url}/service/data`)).status, 400);
  assert.equal((await pull(sandbox, n)).status, 200, 'the failed attempts did not consume the package');
});

test('second download by fault: the first pull already answers 201', async () => {
  sandbox.fault({ secondDownload: true });
  const n = await agreed();
  assert.equal((await pull(sandbox, n)).status, 201);
});

test('a truncated JWE does not decrypt', async () => {
  sandbox.fault({ truncatedJwe: true });
  const n = await agreed();
  const jwe = await (await pull(sandbox, n)).text();
  await assert.rejects(compactDecrypt(jwe, Buffer.from(decrypt(n.secret_key), 'ascii'), { keyManagementAlgorithms: ['A256KW'], contentEncryptionAlgorithms: ['A256CBC-HS512'] }));
});

test('the JWE is pinned to A256KW + A256CBC-HS512 with the 32 ASCII bytes of secret_key', async () => {
  const n = await agreed();
  const secretKey = decrypt(n.secret_key);
  assert.match(secretKey, /^[\x21-\x7e]{32}$/);
  const jwe = await (await pull(sandbox, n)).text();
  const header = JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, string>;
  assert.deepEqual(header, { alg: 'A256KW', enc: 'A256CBC-HS512' });
  await assert.rejects(compactDecrypt(jwe, Buffer.from(secretKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), 'ascii')), 'another key fails');
});

test('unavailable datasets: unable_to_deliver in the notification, code 504 in the outer manifest, status 403 (partial)', async () => {
  sandbox.fault({ unavailable: ['API.7QovE2Gev6'] });
  const n = await agreed(['API.UDauDOLyZg', 'API.7QovE2Gev6']);
  assert.deepEqual(n.unable_to_deliver, ['API.7QovE2Gev6']);
  assert.equal((await status(n.tx_id)).code, 403);
  const { outer } = await openPackage(await (await pull(sandbox, n)).text(), n);
  assert.deepEqual(Object.keys(outer).sort(), ['API.UDauDOLyZg.zip', 'META-INFO/manifest.xml']);
  const manifest = new TextDecoder().decode(outer['META-INFO/manifest.xml']);
  assert.match(manifest, /<resource_id>API\.7QovE2Gev6<\/resource_id>\s*<resource_name>個人戶籍資料<\/resource_name>\s*<code>504<\/code>/);
  assert.match(manifest, /<filename>API\.UDauDOLyZg\.zip<\/filename>\s*<resource_id>API\.UDauDOLyZg<\/resource_id>/);
});

test('a dataset the person has no record in is unable to deliver (not an empty file)', async () => {
  const n = await agreed(['API.UDauDOLyZg', 'API.AbAYGIjoYw']);
  assert.deepEqual(n.unable_to_deliver, ['API.AbAYGIjoYw']);
});

test('txid_status before consent and after a decline; type_valid names the identity method', async () => {
  const { txId } = await open(sandbox, { resources: ['API.UDauDOLyZg'], pid: 'A125001237' });
  assert.equal((await status(txId)).code, 429);
  await sandbox.decline(txId);
  assert.equal((await status(txId)).code, 205);
  assert.equal((await status(randomUUID())).code, 400);

  const n = await agreed(['API.UDauDOLyZg'], 'middle-low-income', 'E221004318');
  const type = (await (await fetch(`${sandbox.url}/service/type_valid`, { headers: { tx_id: n.tx_id } })).json()) as { code: number; type: string };
  assert.deepEqual([type.code, type.type], [200, 'NHI']);
});
