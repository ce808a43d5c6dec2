import type { Protocol } from './protocol.js';

/**
 * The connector's configuration: the keys the platform issued at registration, the return URL registered with it,
 * the CA(s) the data providers' certificates chain to, and the server's own secret and audit file.
 * @example
 * createConnector({
 *   platform: 'https://mydata.nat.gov.tw', clientId: 'CLI.abcdefghij', clientSecret: process.env.MYDATA_SECRET!,
 *   cbcIv: process.env.MYDATA_IV!, returnUrl: 'https://forms.example.gov.tw/mydata/return',
 *   trustedCertificates: [readFileSync('gca.pem', 'utf8')], auditLog: '/var/log/formosa/mydata.jsonl',
 *   secret: process.env.FORMOSA_SECRET!,
 * });
 */
export interface MyDataConfig {
  /** Base URL of the platform (sandbox: `http://127.0.0.1:PORT`). */
  readonly platform: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly cbcIv: string;
  /** The registered return URL, exactly. */
  readonly returnUrl: string;
  /** PEM: the CA(s) the data providers' certificates must be issued by. */
  readonly trustedCertificates: readonly string[];
  /** Append-only JSON-lines file; subjects and transactions are keyed hashes. */
  readonly auditLog: string;
  /** Server secret (≥ 16 bytes): the audit and seal keys are derived from it with HKDF. */
  readonly secret: Uint8Array | string;
  readonly limits?: Partial<Limits>;
  readonly pull?: Partial<PullPolicy>;
  readonly protocol?: Partial<Protocol>;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

export interface Limits {
  /** Bytes of the pulled response (the JWE) and of the ZIP inside it. */
  readonly packageBytes: number;
  /** Entries in one ZIP (the outer one and each dataset's). */
  readonly entries: number;
  /** Unzipped bytes of one entry. */
  readonly entryBytes: number;
  /** Unzipped bytes of the whole package, nested ZIPs included. */
  readonly unzippedBytes: number;
}

export interface PullPolicy {
  /** Total time spent waiting on `429 Retry-After`; a Retry-After beyond what is left fails the pull. */
  readonly maxWaitMs: number;
  /** Requests at most (the first one included). */
  readonly maxAttempts: number;
  /** Shortest wait between attempts, whatever Retry-After says (never a busy loop). */
  readonly minWaitMs: number;
  /** Time-out of one request, body included. */
  readonly requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  packageBytes: 32 * 1024 * 1024,
  entries: 100,
  entryBytes: 16 * 1024 * 1024,
  unzippedBytes: 64 * 1024 * 1024,
};

export const DEFAULT_PULL: PullPolicy = { maxWaitMs: 120_000, maxAttempts: 10, minWaitMs: 1_000, requestTimeoutMs: 30_000 };

/**
 * One dataset as pulled. Structurally a mapping `MyDataDatasetContent`; `data` is the parsed JSON file of a verified
 * dataset (null for an unverified one, or one that only holds PDFs).
 */
export interface ConnectorDataset {
  readonly resource: string;
  readonly data: unknown;
  /** ISO 8601. */
  readonly retrievedAt: string;
  readonly verified: boolean;
  /** The platform's name of the dataset (from the package manifest). */
  readonly name?: string | undefined;
  /** Why it is not verified: 'digest', 'signature', 'untrusted_certificate', 'certificate_expired', 'zip', … */
  readonly reason?: string;
  readonly detail?: string;
  /** Names of the verified files (their bytes are not kept). */
  readonly files: readonly string[];
}

export type TxResult =
  | { readonly state: 'waiting' }
  | { readonly state: 'pulling' }
  | { readonly state: 'ready'; readonly subject: string; readonly datasets: ConnectorDataset[]; readonly unavailable: string[] }
  /** `code`: a platform code (see RETURN_CODES); `reason`: what happened, e.g. 'declined', 'already_downloaded', 'jwe'. */
  | { readonly state: 'failed'; readonly code: number; readonly reason: string };

export interface Connector {
  /** A new transaction: its id and the platform's consent URL to send the browser to. */
  begin(input: { readonly resources: readonly string[]; readonly subject: string }): { txId: string; url: string };
  /** The platform's SP-API notification: answered at once, idempotent; the pull runs after. */
  notify(body: unknown): { status: number; body: unknown };
  /** The browser's return: the decrypted tx_id and the code. */
  returned(query: URLSearchParams): { txId: string; code: number } | { error: 'bad_return' };
  /** Never blocks. */
  result(txId: string): TxResult;
  /** Waits (at most timeoutMs) for the transaction to be ready or failed. */
  settled(txId: string, timeoutMs: number): Promise<TxResult>;
  /** Drops the transaction and everything held for it. */
  forget(txId: string): void;
  /** For the mapping's sealValues/checkSeal: derived from `secret`, distinct from the audit key. */
  readonly sealKey: Uint8Array;
  close(): Promise<void>;
}
