/**
 * Every detail of the MyData service-provider protocol in ONE place. NDC's technical specification is not public;
 * what follows comes from public SP implementations (a police SP sample updated in 2025, Kaohsiung City's one-stop
 * service) as collected in MYDATA.md. Each entry says whether it is SEEN in that code or INFERRED; an agency that
 * learns otherwise from its registration documents overrides it with `protocol: { … }` in the connector's config.
 */
export interface Protocol {
  /** Consent page: `{platform}` + this, with `{clientId}`, `{resources}` (Base64 of the ids) and `{txId}`. SEEN. */
  readonly consentPath: string;
  /** Query parameter names on the consent URL. SEEN. */
  readonly consentQuery: { readonly returnUrl: string; readonly pid: string };
  /** Separator of resource ids before they are Base64-encoded into one path segment. SEEN. */
  readonly resourceSeparator: string;
  /** The pull of the package. SEEN. */
  readonly dataPath: string;
  /** Request headers of the pull. SEEN (lower-case names, as HTTP/2 and `fetch` carry them). */
  readonly dataHeaders: { readonly ticket: string; readonly txId: string };
  /** AES-CBC key from `client_secret`: written twice (SEEN); AES-256, so a 16-character secret (INFERRED). */
  readonly cbcKey: (clientSecret: string) => Uint8Array;
  /** Cipher of `pid`, `secret_key` and the returned `tx_id`; PKCS#5 padding, standard Base64 around it. SEEN. */
  readonly cbcCipher: 'aes-256-cbc' | 'aes-128-cbc';
  /** JWE algorithms of the package, pinned: anything else is refused. SEEN (A256KW + A256CBC-HS512). */
  readonly jwe: { readonly alg: string; readonly enc: string };
  /** Length in bytes of the decrypted `secret_key` (the A256KW key: its ASCII bytes). SEEN. */
  readonly secretKeyBytes: number;
  /** Content type of a package answer (parameters after `;` ignored). SEEN. */
  readonly packageContentType: string;
  /** Prefix of the payload's `data` before the Base64url ZIP. SEEN (`application/zip;data:`). */
  readonly payloadDataPrefix: string;
  /**
   * Status codes of the pull. SEEN: 200 package, 201 already downloaded (one-shot), 429 still collecting, and the
   * errors 400/401/403/504, which keep their code; any other status becomes our 502 (not a platform answer).
   */
  readonly pullStatus: { readonly ok: number; readonly alreadyDownloaded: number; readonly tooEarly: number; readonly errors: readonly number[] };
  /** Retry-After the platform sends when it does not say (it promises ≥ 10 s). INFERRED. */
  readonly defaultRetryAfterMs: number;
  /** The notification's JSON member names. SEEN; `unable_to_deliver` and `api_key` INFERRED from newer samples. */
  readonly notification: {
    readonly txId: string;
    readonly ticket: string;
    readonly secretKey: string;
    readonly unableToDeliver: string;
    /** Optional members the platform may add, accepted and ignored. */
    readonly ignored: readonly string[];
  };
  /** Query parameters of the return. SEEN (`tx_id` is Base64 AES-CBC of our tx_id). */
  readonly returnQuery: { readonly code: string; readonly txId: string };
  /** The return code of success. SEEN. */
  readonly okCode: number;
  /** Paths inside the packages. SEEN for the manifests; the signature and certificate at the dataset ZIP's root INFERRED. */
  readonly files: {
    readonly outerManifest: string;
    readonly datasetManifest: string;
    readonly datasetSignature: string;
    readonly datasetCertificate: string;
  };
  /** How long the platform keeps a transaction open (about 20 minutes, SEEN) and our grace after it (ours). */
  readonly transactionMs: number;
  readonly graceMs: number;
}

export const DEFAULT_PROTOCOL: Protocol = {
  consentPath: '/service/{clientId}/{resources}/{txId}',
  consentQuery: { returnUrl: 'returnUrl', pid: 'pid' },
  resourceSeparator: ':',
  dataPath: '/service/data',
  dataHeaders: { ticket: 'permission_ticket', txId: 'tx_id' },
  cbcKey: (clientSecret) => new TextEncoder().encode(clientSecret + clientSecret),
  cbcCipher: 'aes-256-cbc',
  jwe: { alg: 'A256KW', enc: 'A256CBC-HS512' },
  secretKeyBytes: 32,
  packageContentType: 'application/jwe',
  payloadDataPrefix: 'application/zip;data:',
  pullStatus: { ok: 200, alreadyDownloaded: 201, tooEarly: 429, errors: [400, 401, 403, 504] },
  defaultRetryAfterMs: 10_000,
  notification: {
    txId: 'tx_id',
    ticket: 'permission_ticket',
    secretKey: 'secret_key',
    unableToDeliver: 'unable_to_deliver',
    ignored: ['api_key', 'apikey'],
  },
  returnQuery: { code: 'code', txId: 'tx_id' },
  okCode: 200,
  files: {
    outerManifest: 'META-INFO/manifest.xml',
    datasetManifest: 'META-INFO/manifest.xml',
    datasetSignature: 'manifest.sha256withrsa',
    datasetCertificate: 'certificate.cer',
  },
  transactionMs: 20 * 60_000,
  graceMs: 5 * 60_000,
};

export function resolveProtocol(overrides: Partial<Protocol> | undefined): Protocol {
  return { ...DEFAULT_PROTOCOL, ...overrides };
}
