/**
 * What the server keeps, behind one interface with two implementations: SQLite (embedded, the default) and
 * PostgreSQL (several instances on one database). Every method is async so that either can stand behind it.
 */
import type { StatusStore } from './status.js';
import type { BackofficeStore } from './backoffice.js';
import type { FunnelStore } from './funnel.js';
import type { DeliveryStore } from './deliveries.js';

export interface StoredAttachment {
  readonly id: string;
  readonly formId: string;
  /** The JSON pointer pattern of the file field it was uploaded for. */
  readonly field: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

export interface StoredSubmission {
  readonly id: string;
  readonly formId: string;
  readonly formVersion: string;
  readonly receipt: string;
  readonly submittedAt: string;
  /** The id of the submission this one corrects (the citizen's correction of an application already stored). */
  readonly corrects?: string;
  readonly data: unknown;
  /** The answers verified by MyData at submission (their values are in `data`): which dataset, retrieved when. */
  readonly verified?: readonly VerifiedAnswer[];
}

/** An answer whose value the server handed out from MyData and found unchanged at submission. */
export interface VerifiedAnswer {
  readonly path: string;
  readonly resource: string;
  readonly retrievedAt: string;
}

/** A stored submission without its data: what a key answers, with no JSON parsed on the server's thread for it. */
export type SubmissionSummary = Omit<StoredSubmission, 'data'>;

/** How a submission is stored, besides its data. */
export interface StoreOptions {
  readonly now?: Date;
  /** The uploaded files it refers to: each is claimed by it, in the same transaction. */
  readonly attachments?: readonly string[];
  /** The fingerprint of the request, the one its idempotency key is bound to. */
  readonly hash?: string;
  /** The id of the submission it corrects; it may refer to the files that one's application took. */
  readonly corrects?: string;
  /** The answers MyData verified. */
  readonly verified?: readonly VerifiedAnswer[];
}

/**
 * What storing a submission gives: the stored one (`created` now, or before under the same key for the same
 * request), `reused` when the key was used for a different request, `retired` when a lookup retired the key.
 */
export type StoreOutcome = { submission: StoredSubmission; created: boolean } | { reused: true } | { retired: true };

/** A file the submission refers to is gone (swept after its retention period while the citizen was still filling in) or taken by another submission. */
export class MissingAttachmentError extends Error {
  override readonly name = 'MissingAttachmentError';
  constructor(readonly attachmentId: string) {
    super(`Attachment ${attachmentId} is not available`);
  }
}

/**
 * The server's storage. Submissions and attachments today; status and deliveries (issue 12) join as sections of
 * their own. Implementations: `SqliteStore`, `PostgresStore`; `openStore` picks one.
 */
export interface Store {
  /** Each application's status history and moves (store/status.ts). */
  readonly status: StatusStore;
  /** Caseworkers' tokens, the access log, an application's files (store/backoffice.ts). */
  readonly backoffice: BackofficeStore;
  /** The anonymous funnel's counts (store/funnel.ts). */
  readonly funnel: FunnelStore;
  /** The queue and log of deliveries to the agency's systems (store/deliveries.ts). */
  readonly deliveries: DeliveryStore;
  // Submissions.
  /**
   * Stores a submission unless one with the same idempotency key exists, claiming its files in the same
   * transaction. The key never hands out someone else's record: a different `hash`, or a different `corrects`,
   * is `reused`. Safe under concurrency, across processes sharing the database. A key a lookup retired
   * (`findOrRetire`) stores nothing: `retired`. A file gone or taken throws `MissingAttachmentError`.
   */
  store(formId: string, formVersion: string, key: string | undefined, data: unknown, options?: StoreOptions): Promise<StoreOutcome>;
  /**
   * The submission stored under `key` for a request of fingerprint `hash`. A key never used, another body and a row
   * kept without a fingerprint all give none, from one query, so the answer says nothing about the key alone.
   */
  findByRequest(formId: string, key: string, hash: string): Promise<SubmissionSummary | undefined>;
  /**
   * What a lookup answers: as `findByRequest`; when no row has the key at all, the key is retired in the same
   * transaction (nothing will ever be stored under it). A key that holds a row is never retired.
   */
  findOrRetire(formId: string, key: string, hash: string): Promise<SubmissionSummary | undefined>;
  /** Whether a lookup retired `key` (nothing is stored under it). */
  isRetired(formId: string, key: string): Promise<boolean>;
  get(formId: string, id: string): Promise<StoredSubmission | undefined>;
  /** A submission without its data, by id, or by the idempotency key it was stored under whatever its request. */
  summary(formId: string, by: { id: string } | { key: string }): Promise<SubmissionSummary | undefined>;
  /** The ids of the submissions that correct this one, oldest first. */
  correctionsOf(formId: string, id: string): Promise<string[]>;
  count(formId: string): Promise<number>;

  // Attachments.
  /**
   * Stores an uploaded file. Its random id refers to it; the `token` returned (kept only as a hash) is what lets
   * its uploader delete it before sending.
   */
  storeAttachment(formId: string, field: string, name: string, type: string, data: Buffer): Promise<StoredAttachment & { token: string }>;
  /** Whether `token` is the one issued when the file was uploaded (compared in constant time). */
  holdsToken(formId: string, id: string, token: string): Promise<boolean>;
  /** An uploaded file's metadata (and, with `withData`, its bytes). */
  attachment(formId: string, id: string, withData?: boolean): Promise<(StoredAttachment & { data?: Buffer }) | undefined>;
  /** Deletes a file the citizen removed, unless a submission took it: `deleted`, `kept` or `missing`. */
  deleteAttachment(formId: string, id: string): Promise<'deleted' | 'kept' | 'missing'>;
  /** Deletes the files no submission took that were uploaded before `before`; returns how many. */
  sweepAttachments(before: Date): Promise<number>;

  close(): Promise<void>;
}
