/**
 * Verifies one dataset ZIP: the data provider's certificate chains to a trusted CA and is within its validity, the
 * manifest's RSA-SHA256 signature verifies with that certificate's key, every file is listed with its SHA-256
 * digest, and no file is there that the manifest does not list. Any failure makes the dataset "not verified".
 */
import { X509Certificate, createHash, timingSafeEqual, verify as verifySignature } from 'node:crypto';
import type { Protocol } from '../protocol.js';
import { ManifestError, readDigestManifest } from './manifest.js';
import { strictUtf8 } from './utf8.js';

export type VerifyFailure =
  | 'manifest'
  | 'missing_file'
  | 'unlisted_file'
  | 'digest'
  | 'signature'
  | 'certificate'
  | 'untrusted_certificate'
  | 'certificate_expired';

export type DatasetCheck =
  | { readonly verified: true; readonly files: ReadonlyMap<string, Uint8Array> }
  | { readonly verified: false; readonly reason: VerifyFailure; readonly detail: string };

export function trustAnchors(pems: readonly string[]): X509Certificate[] {
  return pems.map((pem, index) => {
    try {
      return new X509Certificate(pem);
    } catch {
      throw new Error(`MyData: trustedCertificates[${index}] is not an X.509 certificate`);
    }
  });
}

export function verifyDataset(
  entries: ReadonlyMap<string, Uint8Array>,
  names: Protocol['files'],
  anchors: readonly X509Certificate[],
  now: Date,
): DatasetCheck {
  const manifestBytes = entries.get(names.datasetManifest);
  const signatureBytes = entries.get(names.datasetSignature);
  const certificateBytes = entries.get(names.datasetCertificate);
  if (!manifestBytes || !signatureBytes || !certificateBytes) {
    return fail('missing_file', 'the manifest, its signature or the certificate is missing');
  }

  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificateBytes);
  } catch {
    return fail('certificate', 'certificate.cer is not an X.509 certificate');
  }
  const chain = checkChain(certificate, anchors, now);
  if (chain) return chain;
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') return fail('certificate', 'the certificate does not hold an RSA key');
  if (!verifySignature('sha256', manifestBytes, certificate.publicKey, signatureOf(signatureBytes))) {
    return fail('signature', 'the manifest signature does not verify with the certificate');
  }

  let listed;
  try {
    listed = readDigestManifest(strictUtf8(manifestBytes));
  } catch (error) {
    return fail('manifest', error instanceof ManifestError ? error.message : 'the manifest is not UTF-8');
  }
  const files = new Map<string, Uint8Array>();
  for (const { filename, digest } of listed) {
    const bytes = entries.get(filename);
    if (!bytes) return fail('missing_file', `${filename} is listed in the manifest but not in the package`);
    const actual = createHash('sha256').update(bytes).digest();
    if (!timingSafeEqual(actual, digest)) return fail('digest', `the SHA-256 digest of ${filename} does not match the manifest`);
    files.set(filename, bytes);
  }
  const own = new Set([names.datasetManifest, names.datasetSignature, names.datasetCertificate]);
  for (const name of entries.keys()) {
    if (!own.has(name) && !files.has(name)) return fail('unlisted_file', `${name} is not listed in the manifest`);
  }
  return { verified: true, files };
}

function checkChain(certificate: X509Certificate, anchors: readonly X509Certificate[], now: Date): DatasetCheck | undefined {
  const issuer = anchors.find((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
  if (!issuer) return fail('untrusted_certificate', `the certificate of ${certificate.subject.replace(/\n/g, ', ')} is not issued by a trusted CA`);
  for (const cert of [certificate, issuer]) {
    if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) {
      return fail('certificate_expired', `a certificate of the chain is valid from ${cert.validFrom} to ${cert.validTo}`);
    }
  }
  return undefined;
}

/** The signature file holds the raw signature or its Base64 text (not published, INFERRED): both are read. */
function signatureOf(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1').trim();
  return /^[A-Za-z0-9+/\r\n]+={0,2}$/.test(text) && text.length >= 88 ? Buffer.from(text.replace(/\s/g, ''), 'base64') : bytes;
}

function fail(reason: VerifyFailure, detail: string): DatasetCheck {
  return { verified: false, reason, detail };
}
