// Opening a package built here (jose + fflate + a forge-made PKI): pinned JWE algorithms, the payload's shape, the
// outer manifest, and the shared unzip budget. The sandbox builds honest packages; these are the dishonest ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, sign } from 'node:crypto';
import { CompactEncrypt } from 'jose';
import { zipSync, type Zippable } from 'fflate';
import { DEFAULT_PROTOCOL } from '../src/protocol.js';
import { DEFAULT_LIMITS, type Limits } from '../src/types.js';
import { openPackage, PackageError } from '../src/internal/package.js';
import { trustAnchors } from '../src/internal/verify.js';
import { issue } from './pki.js';

const ca = issue({ name: 'Test CA', ca: true });
const provider = issue({ name: 'Provider', issuer: ca });
const anchors = trustAnchors([ca.pem]);
const SECRET_KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const key = new TextEncoder().encode(SECRET_KEY);
const utf8 = (text: string) => new TextEncoder().encode(text);

function datasetZip(files: Record<string, Uint8Array>): Uint8Array {
  const manifest = utf8(`<manifest>${Object.entries(files).map(([n, b]) => `<file><filename>${n}</filename><digest>${createHash('sha256').update(b).digest('hex')}</digest></file>`).join('')}</manifest>`);
  return zipSync({ ...files, 'META-INFO/manifest.xml': manifest, 'manifest.sha256withrsa': sign('sha256', manifest, provider.privateKey), 'certificate.cer': provider.der });
}

function outerZip(datasets: Record<string, Uint8Array>, extra: Zippable = {}): Uint8Array {
  const entries = Object.keys(datasets).map((r) => `<file><filename>${r}.zip</filename><resource_id>${r}</resource_id><resource_name>n</resource_name><code>200</code></file>`);
  const zippable: Zippable = { 'META-INFO/manifest.xml': utf8(`<manifest>${entries.join('')}</manifest>`), ...extra };
  for (const [r, zip] of Object.entries(datasets)) zippable[`${r}.zip`] = zip;
  return zipSync(zippable);
}

async function jwe(payload: unknown, header: { alg: string; enc: string } = { alg: 'A256KW', enc: 'A256CBC-HS512' }, k: Uint8Array = key): Promise<string> {
  return new CompactEncrypt(utf8(typeof payload === 'string' ? payload : JSON.stringify(payload))).setProtectedHeader(header).encrypt(k);
}
const payloadOf = (zip: Uint8Array) => ({ filename: 'CLI.test.zip', data: `application/zip;data:${Buffer.from(zip).toString('base64url')}` });

function open(text: string, requested: string[] = ['API.a'], limits: Partial<Limits> = {}) {
  return openPackage({ jwe: text, secretKey: key.slice(), requested, protocol: DEFAULT_PROTOCOL, limits: { ...DEFAULT_LIMITS, ...limits }, anchors, now: new Date() });
}

const GOOD = { 'API.a': datasetZip({ 'API.a.json': utf8('{"name":"王小明"}') }) };

test('an honest package opens: verified data for requested datasets, the others not handed out', async () => {
  const opened = await open(await jwe(payloadOf(outerZip({ ...GOOD, 'API.b': datasetZip({ 'API.b.json': utf8('{}') }) }))), ['API.a', 'API.c']);
  assert.deepEqual(opened.datasets.map((d) => [d.resource, d.verified, d.data]), [['API.a', true, { name: '王小明' }]]);
  assert.deepEqual(opened.unavailable, ['API.c']);
});

for (const header of [{ alg: 'A256GCMKW', enc: 'A256CBC-HS512' }, { alg: 'A256KW', enc: 'A256GCM' }, { alg: 'dir', enc: 'A256GCM' }]) {
  test(`a JWE with ${header.alg}/${header.enc} is refused (algorithms pinned)`, async () => {
    await assert.rejects(open(await jwe(payloadOf(outerZip(GOOD)), header)), (e: unknown) => e instanceof PackageError && e.reason === 'jwe');
  });
}

test('a JWE under another key is refused', async () => {
  await assert.rejects(open(await jwe(payloadOf(outerZip(GOOD)), undefined, utf8('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'))), (e: unknown) => e instanceof PackageError && e.reason === 'jwe');
});

for (const [what, payload] of [
  ['not JSON', 'zip please'],
  ['an array', []],
  ['no data', { filename: 'x.zip' }],
  ['another data prefix', { filename: 'x.zip', data: 'text/plain;data:AAAA' }],
  ['data that is not Base64url', { filename: 'x.zip', data: 'application/zip;data:AA$A' }],
] as const) {
  test(`a payload that is ${what} is refused`, async () => {
    await assert.rejects(open(await jwe(payload)), (e: unknown) => e instanceof PackageError && e.reason === 'payload');
  });
}

test('an outer ZIP without its manifest, or a payload that is no ZIP, is refused', async () => {
  await assert.rejects(open(await jwe(payloadOf(zipSync({ 'API.a.zip': GOOD['API.a'] })))), (e: unknown) => e instanceof PackageError && e.reason === 'manifest');
  await assert.rejects(open(await jwe(payloadOf(utf8('PK not really')))), (e: unknown) => e instanceof PackageError && e.reason === 'zip');
});

test('the unzip budget is shared by the outer ZIP and the nested ones', async () => {
  const big = { 'API.a': datasetZip({ 'API.a.json': utf8(JSON.stringify({ pad: 'x'.repeat(300_000) })) }) };
  const text = await jwe(payloadOf(outerZip(big)));
  assert.equal((await open(text, ['API.a'], { unzippedBytes: 1_000_000 })).datasets[0]!.verified, true);
  // The outer ZIP stores the dataset ZIP compressed (~1 KB), so only the nested archive passes the budget.
  const refused = (await open(text, ['API.a'], { unzippedBytes: 200_000 })).datasets[0]!;
  assert.equal(refused.verified, false);
  assert.equal(refused.reason, 'zip');
  assert.match(refused.detail!, /still allowed/);
});

test('a payload larger than the package limit is refused before it is decoded', async () => {
  await assert.rejects(open(await jwe(payloadOf(outerZip(GOOD))), ['API.a'], { packageBytes: 100 }), (e: unknown) => e instanceof PackageError && e.reason === 'payload');
});
