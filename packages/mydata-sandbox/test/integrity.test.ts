/** The package's integrity, checked with node:crypto only; each fault breaks exactly what it says. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash, verify } from 'node:crypto';
import { unzipSync } from 'fflate';
import { ZIP_BOMB, type Fault, type Sandbox } from '../src/index.js';
import { decrypt, open, openPackage, pull, shareSandbox, type Receiver } from './helpers.js';

let sandbox: Sandbox;
let receiver: Receiver;
shareSandbox((started) => ({ sandbox, receiver } = started));

const RESOURCES = ['API.UDauDOLyZg', 'API.nyhnLM1fve'];

/** Pulls the disability persona's package (household JSON; disability JSON + PDF) under a fault. */
async function packageWith(fault: Fault): Promise<{ datasets: Record<string, Record<string, Uint8Array>>; jwe: string; secretKey: string }> {
  sandbox.fault(fault);
  const { txId } = await open(sandbox, { resources: RESOURCES, pid: 'B220345611' });
  await sandbox.approve(txId, 'disability');
  const n = receiver.notifications.find((x) => x.tx_id === txId)!;
  const jwe = await (await pull(sandbox, n)).text();
  return { datasets: (await openPackage(jwe, n)).datasets, jwe, secretKey: decrypt(n.secret_key) };
}

interface Checks { digests: boolean; signature: boolean; chain: boolean }

function check(files: Record<string, Uint8Array>, caPem: string): Checks {
  const manifest = files['META-INFO/manifest.xml']!;
  const listed = [...new TextDecoder().decode(manifest).matchAll(/<filename>([^<]+)<\/filename>\s*<digest algorithm="SHA-256">([0-9a-f]{64})<\/digest>/g)];
  const dataNames = Object.keys(files).filter((name) => !['META-INFO/manifest.xml', 'manifest.sha256withrsa', 'certificate.cer'].includes(name));
  const digests = listed.length === dataNames.length && listed.every(([, name, hex]) => files[name!] !== undefined && createHash('sha256').update(files[name!]!).digest('hex') === hex);
  const cert = new X509Certificate(files['certificate.cer']!);
  const ca = new X509Certificate(caPem);
  return {
    digests,
    signature: verify('sha256', manifest, cert.publicKey, files['manifest.sha256withrsa']!),
    chain: cert.checkIssued(ca) && cert.verify(ca.publicKey),
  };
}

const ALL_GOOD: Checks = { digests: true, signature: true, chain: true };

test('a clean package: every digest, signature and chain verifies; the disability dataset has its JSON and a PDF', async () => {
  const { datasets } = await packageWith({});
  for (const resource of RESOURCES) assert.deepEqual(check(datasets[resource]!, sandbox.caCertificate), ALL_GOOD, resource);
  const disability = datasets['API.nyhnLM1fve']!;
  assert.deepEqual(Object.keys(disability).filter((n) => !n.includes('manifest') && n !== 'certificate.cer').sort(), ['API.nyhnLM1fve.json', 'API.nyhnLM1fve.pdf']);
  const pdf = Buffer.from(disability['API.nyhnLM1fve.pdf']!).toString('latin1');
  assert.match(pdf, /^%PDF-1\.4\n/);
  assert.match(pdf, /%%EOF\n$/);
  const xref = Number(/startxref\n(\d+)\n/.exec(pdf)![1]);
  assert.equal(pdf.slice(xref, xref + 4), 'xref', 'startxref points at the cross-reference table');
  // Each object offset in the table points at "n 0 obj".
  for (const [i, offset] of [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1])).entries()) {
    assert.equal(pdf.slice(offset, offset + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`);
  }
  // Two agencies, two certificates.
  const subjects = RESOURCES.map((r) => new X509Certificate(datasets[r]!['certificate.cer']!).subject);
  assert.match(subjects[0]!, /CN=內政部戶政司/);
  assert.match(subjects[1]!, /CN=衛生福利部/);
});

const CASES: { fault: Fault; broken: keyof Checks }[] = [
  { fault: { badDigest: 'API.nyhnLM1fve' }, broken: 'digests' },
  { fault: { badSignature: 'API.nyhnLM1fve' }, broken: 'signature' },
  { fault: { wrongCertificate: 'API.nyhnLM1fve' }, broken: 'chain' },
];
for (const { fault, broken } of CASES) {
  test(`${Object.keys(fault)[0]} breaks the ${broken} of that dataset and nothing else`, async () => {
    const { datasets } = await packageWith(fault);
    assert.deepEqual(check(datasets['API.nyhnLM1fve']!, sandbox.caCertificate), { ...ALL_GOOD, [broken]: false });
    assert.deepEqual(check(datasets['API.UDauDOLyZg']!, sandbox.caCertificate), ALL_GOOD);
  });
}

test('bad digest: the tampered file still parses (only the digest tells)', async () => {
  const { datasets } = await packageWith({ badDigest: 'API.nyhnLM1fve' });
  const data = JSON.parse(new TextDecoder().decode(datasets['API.nyhnLM1fve']!['API.nyhnLM1fve.json'])) as { person_id: string };
  assert.equal(data.person_id, 'B220345611');
});

/** Entry names and uncompressed sizes of a ZIP, without inflating it. */
function listing(zip: Uint8Array): { name: string; size: number }[] {
  const entries: { name: string; size: number }[] = [];
  unzipSync(zip, { filter: (file) => (entries.push({ name: file.name, size: file.originalSize }), false) });
  return entries;
}

async function outerZip(fault: Fault): Promise<Uint8Array> {
  sandbox.fault(fault);
  const { txId } = await open(sandbox, { resources: RESOURCES, pid: 'B220345611' });
  await sandbox.approve(txId, 'disability');
  const n = receiver.notifications.find((x) => x.tx_id === txId)!;
  const jwe = await (await pull(sandbox, n)).text();
  const { compactDecrypt } = await import('jose');
  const { plaintext } = await compactDecrypt(jwe, Buffer.from(decrypt(n.secret_key), 'ascii'));
  const payload = JSON.parse(new TextDecoder().decode(plaintext)) as { data: string };
  return Buffer.from(payload.data.replace(/^application\/zip;data:/, ''), 'base64url');
}

test('zip bomb (oversized): a small package whose first dataset inflates to 64 MiB', async () => {
  const outer = await outerZip({ zipBomb: 'oversized' });
  assert.ok(outer.length < 1024 * 1024, `small on the wire (${outer.length} bytes)`);
  const inner = unzipSync(outer, { filter: (f) => f.name === 'API.UDauDOLyZg.zip' })['API.UDauDOLyZg.zip']!;
  assert.ok(listing(inner).some((e) => e.size === ZIP_BOMB.oversizedBytes));
});

test('zip bomb (entries): thousands of entries', async () => {
  const inner = unzipSync(await outerZip({ zipBomb: 'entries' }), { filter: (f) => f.name === 'API.UDauDOLyZg.zip' })['API.UDauDOLyZg.zip']!;
  assert.ok(listing(inner).length >= ZIP_BOMB.entries);
});

test('zip bomb (traversal): an entry named to escape the folder', async () => {
  const inner = unzipSync(await outerZip({ zipBomb: 'traversal' }), { filter: (f) => f.name === 'API.UDauDOLyZg.zip' })['API.UDauDOLyZg.zip']!;
  assert.ok(listing(inner).some((e) => e.name.startsWith('../')));
});
