// A dataset ZIP's checks: digests, unlisted files, the manifest's RSA-SHA256 signature, and the certificate's chain
// and validity, with certificates made here (node-forge) and signatures made with node:crypto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, sign } from 'node:crypto';
import { DEFAULT_PROTOCOL } from '../src/protocol.js';
import { trustAnchors, verifyDataset } from '../src/internal/verify.js';
import { readOuterManifest } from '../src/internal/manifest.js';
import { issue, type Issued } from './pki.js';

const ca = issue({ name: 'Test CA', ca: true });
const provider = issue({ name: '內政部戶政司', issuer: ca });
const otherCa = issue({ name: 'Other CA', ca: true });
const strangerSigned = issue({ name: 'Stranger', issuer: otherCa });
const selfSigned = issue({ name: '內政部戶政司' });
const expired = issue({ name: 'Expired provider', issuer: ca, notBefore: new Date(Date.now() - 400 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
const anchors = trustAnchors([ca.pem]);
const names = DEFAULT_PROTOCOL.files;
const now = new Date();
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

function manifestFor(files: Record<string, Uint8Array>, digest: (bytes: Uint8Array) => string = (b) => createHash('sha256').update(b).digest('hex')): Uint8Array {
  const entries = Object.entries(files).map(([name, bytes]) => `<file><filename>${name}</filename><digest algorithm="SHA-256">${digest(bytes)}</digest></file>`);
  return utf8(`<?xml version="1.0" encoding="UTF-8"?><manifest><resource_id>API.UDauDOLyZg</resource_id>${entries.join('')}</manifest>`);
}

function dataset(input: { signer?: Issued; certificate?: Issued; files?: Record<string, Uint8Array>; extra?: Record<string, Uint8Array>; tamper?: (signature: Buffer) => void; base64Signature?: boolean } = {}) {
  const files = input.files ?? { 'API.UDauDOLyZg.json': utf8('{"householdBasicData21":{"household_id":"F1234567"}}') };
  const manifest = manifestFor(files);
  const signature = sign('sha256', manifest, (input.signer ?? provider).privateKey);
  input.tamper?.(signature);
  return new Map<string, Uint8Array>([
    ...Object.entries(files),
    ...Object.entries(input.extra ?? {}),
    [names.datasetManifest, manifest],
    [names.datasetSignature, input.base64Signature ? utf8(signature.toString('base64')) : signature],
    [names.datasetCertificate, (input.certificate ?? input.signer ?? provider).der],
  ]);
}

test('a dataset signed by a provider the trusted CA issued verifies, and hands back its listed files', () => {
  const check = verifyDataset(dataset(), names, anchors, now);
  assert.equal(check.verified, true);
  assert.deepEqual(check.verified && [...check.files.keys()], ['API.UDauDOLyZg.json']);
});

test('a Base64 signature file and a PEM certificate are read as well as raw ones', () => {
  const entries = dataset({ base64Signature: true });
  entries.set(names.datasetCertificate, utf8(provider.pem));
  assert.equal(verifyDataset(entries, names, anchors, now).verified, true);
});

test('Base64 digests in the manifest are read as well as hex', () => {
  const files = { 'a.json': utf8('{}') };
  const manifest = manifestFor(files, (b) => createHash('sha256').update(b).digest('base64'));
  const entries = new Map<string, Uint8Array>([...Object.entries(files), [names.datasetManifest, manifest], [names.datasetSignature, sign('sha256', manifest, provider.privateKey)], [names.datasetCertificate, provider.der]]);
  assert.equal(verifyDataset(entries, names, anchors, now).verified, true);
});

test('a file changed after its digest was taken is not verified (digest)', () => {
  const entries = dataset();
  entries.set('API.UDauDOLyZg.json', utf8('{"householdBasicData21":{"household_id":"F7654321"}}'));
  assert.deepEqual(pick(verifyDataset(entries, names, anchors, now)), { verified: false, reason: 'digest' });
});

test('a file the manifest does not list is not verified (unlisted_file)', () => {
  const check = verifyDataset(dataset({ extra: { 'extra.json': utf8('{}') } }), names, anchors, now);
  assert.deepEqual(pick(check), { verified: false, reason: 'unlisted_file' });
});

test('a listed file missing from the ZIP, or a missing manifest, signature or certificate, is not verified', () => {
  const entries = dataset();
  entries.delete('API.UDauDOLyZg.json');
  assert.deepEqual(pick(verifyDataset(entries, names, anchors, now)), { verified: false, reason: 'missing_file' });
  for (const name of [names.datasetManifest, names.datasetSignature, names.datasetCertificate]) {
    const without = dataset();
    without.delete(name);
    assert.deepEqual(pick(verifyDataset(without, names, anchors, now)), { verified: false, reason: 'missing_file' }, name);
  }
});

test('one flipped bit of the signature is not verified (signature)', () => {
  const check = verifyDataset(dataset({ tamper: (s) => void (s[10]! ^= 0x01) }), names, anchors, now);
  assert.deepEqual(pick(check), { verified: false, reason: 'signature' });
});

test('a signature by another key than the certificate\'s is not verified (signature)', () => {
  const check = verifyDataset(dataset({ signer: strangerSigned, certificate: provider }), names, anchors, now);
  assert.deepEqual(pick(check), { verified: false, reason: 'signature' });
});

test('a self-signed certificate with the provider\'s name, or one from another CA, is not trusted', () => {
  assert.deepEqual(pick(verifyDataset(dataset({ signer: selfSigned }), names, anchors, now)), { verified: false, reason: 'untrusted_certificate' });
  assert.deepEqual(pick(verifyDataset(dataset({ signer: strangerSigned }), names, anchors, now)), { verified: false, reason: 'untrusted_certificate' });
  // The same certificates verify once their CA is trusted: the refusal was the chain, nothing else.
  assert.equal(verifyDataset(dataset({ signer: strangerSigned }), names, trustAnchors([ca.pem, otherCa.pem]), now).verified, true);
});

test('a certificate outside its validity is not verified (certificate_expired)', () => {
  assert.deepEqual(pick(verifyDataset(dataset({ signer: expired }), names, anchors, now)), { verified: false, reason: 'certificate_expired' });
  const beforeValid = new Date(Date.now() - 2 * 86_400_000);
  assert.deepEqual(pick(verifyDataset(dataset(), names, anchors, beforeValid)), { verified: false, reason: 'certificate_expired' });
});

test('garbage in certificate.cer is not verified (certificate)', () => {
  assert.deepEqual(pick(verifyDataset(dataset({ certificate: { ...provider, der: utf8('not a certificate') } }), names, anchors, now)), { verified: false, reason: 'certificate' });
});

test('a manifest with a DOCTYPE, or a <digest> that is not SHA-256, is refused', () => {
  const files = { 'a.json': utf8('{}') };
  for (const manifest of [utf8('<!DOCTYPE x [<!ENTITY a "b">]><manifest><file><filename>a.json</filename><digest>00</digest></file></manifest>'), utf8('<manifest><file><filename>a.json</filename><digest>abc</digest></file></manifest>')]) {
    const entries = new Map<string, Uint8Array>([...Object.entries(files), [names.datasetManifest, manifest], [names.datasetSignature, sign('sha256', manifest, provider.privateKey)], [names.datasetCertificate, provider.der]]);
    assert.deepEqual(pick(verifyDataset(entries, names, anchors, now)), { verified: false, reason: 'manifest' });
  }
});

test('the outer manifest: delivered datasets with their file, undelivered ones with their code and no file', () => {
  const entries = readOuterManifest(`<?xml version="1.0"?><manifest>
    <file><filename>API.UDauDOLyZg.zip</filename><resource_id>API.UDauDOLyZg</resource_id><resource_name>現戶全戶戶籍資料 &amp; 其他</resource_name><code>200</code></file>
    <file><filename></filename><resource_id>API.AbAYGIjoYw</resource_id><resource_name>低收</resource_name><code>504</code></file></manifest>`);
  assert.deepEqual(entries, [
    { filename: 'API.UDauDOLyZg.zip', resourceId: 'API.UDauDOLyZg', resourceName: '現戶全戶戶籍資料 & 其他', code: 200 },
    { filename: '', resourceId: 'API.AbAYGIjoYw', resourceName: '低收', code: 504 },
  ]);
});

function pick(check: ReturnType<typeof verifyDataset>) {
  return check.verified ? { verified: true } : { verified: false, reason: check.reason };
}
