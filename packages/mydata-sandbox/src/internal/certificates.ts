/**
 * The sandbox's test PKI, made fresh at every start: a CA, one signing certificate per data provider (agency), and
 * a self-signed "rogue" certificate for the wrong-certificate fault. Keys come from node:crypto (fast, native);
 * node-forge only assembles the X.509 certificates.
 */
import { generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

export interface Signer {
  readonly agency: string;
  readonly privateKey: KeyObject;
  /** DER bytes of the X.509 certificate (what goes into `certificate.cer`). */
  readonly certificateDer: Uint8Array;
}

export interface TestPki {
  readonly caCertificatePem: string;
  signerFor(agency: string): Promise<Signer>;
  /** Self-signed, not issued by the CA: a signature with it verifies but the chain does not. */
  rogue(): Promise<Signer>;
}

async function rsaKeyPair(): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) => (error ? reject(error) : resolve({ publicKey, privateKey })));
  });
}

function forgeKeys(pair: { privateKey: KeyObject; publicKey: KeyObject }): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  return {
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()) as forge.pki.rsa.PublicKey,
  };
}

function subject(commonName: string): forge.pki.CertificateField[] {
  return [
    { name: 'countryName', value: 'TW' },
    { name: 'organizationName', value: 'Formosa MyData sandbox (not for production)' },
    // UTF8String (forge encodes the value) so that agency names in Chinese survive.
    { name: 'commonName', value: commonName, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
  ];
}

/**
 * A random serial number, as hex: 16 bytes whose first is 0x01–0x7f, so its DER integer is positive and minimal
 * (OpenSSL refuses a certificate whose serial has a needless leading zero byte).
 */
export function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = 1 + (bytes[0]! % 0x7f);
  return bytes.toString('hex');
}

function certificate(input: {
  subjectName: string;
  publicKey: forge.pki.rsa.PublicKey;
  issuer: forge.pki.CertificateField[] | undefined;
  signingKey: forge.pki.rsa.PrivateKey;
  ca: boolean;
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = input.publicKey;
  cert.serialNumber = serialNumber();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600_000);
  cert.validity.notAfter = new Date(now + 365 * 24 * 3600_000);
  const subjectFields = subject(input.subjectName);
  cert.setSubject(subjectFields);
  cert.setIssuer(input.issuer ?? subjectFields);
  cert.setExtensions(
    input.ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ],
  );
  cert.sign(input.signingKey, forge.md.sha256.create());
  return cert;
}

function der(cert: forge.pki.Certificate): Uint8Array {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

export async function createTestPki(): Promise<TestPki> {
  const caPair = await rsaKeyPair();
  const caKeys = forgeKeys(caPair);
  const caCert = certificate({ subjectName: 'MyData Sandbox Test CA', publicKey: caKeys.publicKey, issuer: undefined, signingKey: caKeys.privateKey, ca: true });
  const signers = new Map<string, Promise<Signer>>();
  let rogue: Promise<Signer> | undefined;

  async function issue(agency: string, selfSigned: boolean): Promise<Signer> {
    const pair = await rsaKeyPair();
    const keys = forgeKeys(pair);
    const cert = certificate({
      subjectName: agency,
      publicKey: keys.publicKey,
      issuer: selfSigned ? undefined : caCert.subject.attributes,
      signingKey: selfSigned ? keys.privateKey : caKeys.privateKey,
      ca: false,
    });
    return { agency, privateKey: pair.privateKey, certificateDer: der(cert) };
  }

  return {
    caCertificatePem: forge.pki.certificateToPem(caCert),
    signerFor(agency) {
      let signer = signers.get(agency);
      if (!signer) signers.set(agency, (signer = issue(agency, false)));
      return signer;
    },
    rogue() {
      return (rogue ??= issue('Rogue signer (self-signed)', true));
    },
  };
}
