/** A throwaway PKI for the verification tests: keys from node:crypto, certificates assembled by node-forge. */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

export interface Issued {
  readonly privateKey: KeyObject;
  readonly der: Uint8Array;
  readonly pem: string;
  readonly forgeCert: forge.pki.Certificate;
  readonly forgeKey: forge.pki.rsa.PrivateKey;
}

const DAY = 24 * 3600_000;

export function issue(input: { name: string; issuer?: Issued; ca?: boolean; notBefore?: Date; notAfter?: Date }): Issued {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = input.notBefore ?? new Date(Date.now() - DAY);
  cert.validity.notAfter = input.notAfter ?? new Date(Date.now() + 365 * DAY);
  // UTF8String (forge encodes the value): otherwise the agency's Chinese name would be written as mangled Latin-1.
  const utf8String = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const subject = [{ name: 'commonName', value: input.name, valueTagClass: utf8String }, { name: 'countryName', value: 'TW' }];
  cert.setSubject(subject);
  cert.setIssuer(input.issuer ? input.issuer.forgeCert.subject.attributes : subject);
  cert.setExtensions(input.ca ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, critical: true }] : [{ name: 'basicConstraints', cA: false }]);
  cert.sign(input.issuer?.forgeKey ?? forgeKey, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { privateKey, der, pem: forge.pki.certificateToPem(cert), forgeCert: cert, forgeKey };
}
