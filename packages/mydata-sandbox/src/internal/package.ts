/**
 * The data package the SP pulls: a compact JWE (A256KW + A256CBC-HS512, key = the 32 ASCII bytes of secret_key)
 * around `{filename, data: "application/zip;data:<base64url>"}`; the outer ZIP holds one `<resource>.zip` per
 * dataset and `META-INFO/manifest.xml`; each dataset ZIP holds its data files, `META-INFO/manifest.xml` (SHA-256 per
 * file, lower-case hex), `manifest.sha256withrsa` (RSA PKCS#1 v1.5 SHA-256 over the manifest's bytes, raw) and
 * `certificate.cer` (the provider's certificate, DER).
 */
import { createHash, sign } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import { CompactEncrypt } from 'jose';
import { DISABILITY_RESOURCE, SANDBOX_DATASETS } from './catalogue.js';
import { ZIP_BOMB, type Fault } from './faults.js';
import type { TestPki } from './certificates.js';
import type { Persona } from './personas.js';
import { tinyPdf } from './pdf.js';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Whether the persona has a record in this dataset (PDF-only datasets: everyone has one). */
export function canDeliver(persona: Persona, resource: string): boolean {
  const dataset = SANDBOX_DATASETS[resource];
  if (!dataset) return false;
  return dataset.format === 'pdf' || persona.data[resource] !== undefined;
}

function dataFiles(persona: Persona, resource: string): Record<string, Uint8Array> {
  const dataset = SANDBOX_DATASETS[resource]!;
  const files: Record<string, Uint8Array> = {};
  if (dataset.format === 'json') files[`${resource}.json`] = utf8(JSON.stringify(persona.data[resource], null, 2));
  if (dataset.format === 'pdf' || resource === DISABILITY_RESOURCE) {
    files[`${resource}.pdf`] = tinyPdf([
      'MyData sandbox - synthetic document, not a real record',
      `Dataset: ${dataset.name.en} (${resource})`,
      `Issued by: ${dataset.agency.en}`,
      `Person: ${persona.nationalId}`,
    ]);
  }
  return files;
}

function datasetManifest(resource: string, files: Record<string, Uint8Array>): Uint8Array {
  const entries = Object.entries(files).map(
    ([name, bytes]) => `  <file>\n    <filename>${xmlEscape(name)}</filename>\n    <digest algorithm="SHA-256">${createHash('sha256').update(bytes).digest('hex')}</digest>\n  </file>`,
  );
  return utf8(`<?xml version="1.0" encoding="UTF-8"?>\n<manifest>\n  <resource_id>${xmlEscape(resource)}</resource_id>\n${entries.join('\n')}\n</manifest>\n`);
}

function bombFiles(kind: NonNullable<Fault['zipBomb']>): Record<string, Uint8Array> {
  if (kind === 'oversized') return { 'padding.bin': new Uint8Array(ZIP_BOMB.oversizedBytes) };
  if (kind === 'traversal') return { [ZIP_BOMB.traversalName]: utf8('{"escaped":true}') };
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < ZIP_BOMB.entries; i++) files[`many/${String(i).padStart(5, '0')}.txt`] = new Uint8Array(0);
  return files;
}

async function datasetZip(pki: TestPki, persona: Persona, resource: string, fault: Fault, bomb: boolean): Promise<Uint8Array> {
  const files = { ...dataFiles(persona, resource), ...(bomb && fault.zipBomb ? bombFiles(fault.zipBomb) : {}) };
  const manifest = datasetManifest(resource, files);
  if (fault.badDigest === resource) {
    // Changed after the digests were taken: still valid JSON (or PDF), so only a digest check can notice.
    const name = Object.keys(files)[0]!;
    files[name] = Buffer.concat([files[name]!, utf8('\n ')]);
  }
  const signer = fault.wrongCertificate === resource ? await pki.rogue() : await pki.signerFor(SANDBOX_DATASETS[resource]!.agency['zh-Hant-TW']);
  const signature = sign('sha256', manifest, signer.privateKey);
  if (fault.badSignature === resource) signature[signature.length - 1]! ^= 0x01;
  const zippable: Zippable = { ...files, 'META-INFO/manifest.xml': manifest, 'manifest.sha256withrsa': signature, 'certificate.cer': signer.certificateDer };
  return zipSync(zippable, { level: 6 });
}

function outerManifest(delivered: readonly string[], unavailable: readonly string[]): Uint8Array {
  const entry = (resource: string, code: number, filename: string): string =>
    `  <file>\n    <filename>${filename}</filename>\n    <resource_id>${xmlEscape(resource)}</resource_id>\n    <resource_name>${xmlEscape(SANDBOX_DATASETS[resource]?.name['zh-Hant-TW'] ?? resource)}</resource_name>\n    <code>${code}</code>\n  </file>`;
  const entries = [...delivered.map((r) => entry(r, 200, `${xmlEscape(r)}.zip`)), ...unavailable.map((r) => entry(r, 504, ''))];
  return utf8(`<?xml version="1.0" encoding="UTF-8"?>\n<manifest>\n${entries.join('\n')}\n</manifest>\n`);
}

export async function buildPackageZip(input: {
  pki: TestPki;
  persona: Persona;
  delivered: readonly string[];
  unavailable: readonly string[];
  fault: Fault;
}): Promise<Uint8Array> {
  const zippable: Zippable = {};
  for (const [i, resource] of input.delivered.entries()) {
    // Level 0: the dataset ZIPs are compressed already.
    zippable[`${resource}.zip`] = [await datasetZip(input.pki, input.persona, resource, input.fault, i === 0), { level: 0 }];
  }
  zippable['META-INFO/manifest.xml'] = outerManifest(input.delivered, input.unavailable);
  return zipSync(zippable);
}

export async function sealPackage(clientId: string, zip: Uint8Array, secretKey: string): Promise<string> {
  const payload = JSON.stringify({ filename: `${clientId}.zip`, data: `application/zip;data:${Buffer.from(zip).toString('base64url')}` });
  return new CompactEncrypt(utf8(payload)).setProtectedHeader({ alg: 'A256KW', enc: 'A256CBC-HS512' }).encrypt(Buffer.from(secretKey, 'ascii'));
}
