/**
 * Submissions in SQLite: each stored exactly once per (form, idempotency key). Uploaded files are kept with the
 * submission that refers to them; a file no submission took is deleted after a retention period.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

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

interface SummaryRow {
  id: string;
  form_id: string;
  form_version: string;
  receipt: string;
  submitted_at: string;
  corrects: string | null;
}
interface Row extends SummaryRow {
  request_hash: string | null;
  data: string;
  verified: string | null;
}
const SUMMARY_COLUMNS = 'id, form_id, form_version, receipt, submitted_at, corrects';

const summaryOf = (row: SummaryRow): SubmissionSummary => ({
  id: row.id, formId: row.form_id, formVersion: row.form_version, receipt: row.receipt, submittedAt: row.submitted_at, ...(row.corrects ? { corrects: row.corrects } : {}),
});
const fromRow = (row: Row): StoredSubmission => ({ ...summaryOf(row), data: JSON.parse(row.data), ...(row.verified ? { verified: JSON.parse(row.verified) as VerifiedAnswer[] } : {}) });

/** Crockford base32 without I, L, O, U: unambiguous when read aloud at a counter. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt number such as `RS-20261122-7K3Q9X`: form initials, date (Taipei time), 6 random characters. */
export function newReceipt(formId: string, now: Date): string {
  const initials = formId.split('-').map((w) => w[0]!.toUpperCase()).join('').slice(0, 4);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).replace(/-/g, '');
  const random = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${initials}-${date}-${random}`;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A file the submission refers to is gone (swept after its retention period while the citizen was still filling in) or taken by another submission. */
export class MissingAttachmentError extends Error {
  constructor(readonly attachmentId: string) {
    super(`Attachment ${attachmentId} is not available`);
  }
}

export class SubmissionStore {
  private readonly db: Database.Database;
  /** Every statement, prepared once when the database opens. */
  private readonly sql: Record<'insert' | 'retire' | 'isRetired' | 'keyUsed' | 'byKey' | 'byId' | 'summaryByKey' | 'summaryById' | 'summaryByRequest' | 'correctedBy' | 'claim' | 'owner' | 'insertFile' | 'tokenOf' | 'file' | 'fileWithData' | 'sweep' | 'deleteFile' | 'count', Database.Statement>;
  /**
   * Inserts a submission and claims its files, in one transaction: `conflict` when the idempotency key was used,
   * `retired` when a lookup retired it.
   */
  private readonly insertClaiming: Database.Transaction<(submission: StoredSubmission, key: string | null, hash: string | null, files: ReadonlySet<string>) => 'created' | 'conflict' | 'retired'>;
  /** A lookup's query and, when no row has the key, its retirement, in one transaction. */
  private readonly lookupRetiring: Database.Transaction<(formId: string, key: string, hash: string) => SummaryRow | undefined>;

  /** Opens (and creates) the database file; `:memory:` works too. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // A 201 is a promise: each commit reaches the disk before it is acknowledged (power loss, an OS crash).
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS submissions (
      id TEXT PRIMARY KEY,
      form_id TEXT NOT NULL,
      form_version TEXT NOT NULL,
      idempotency_key TEXT,
      receipt TEXT NOT NULL UNIQUE,
      submitted_at TEXT NOT NULL,
      data TEXT NOT NULL,
      UNIQUE (form_id, idempotency_key)
    )`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS attachments (
      id TEXT PRIMARY KEY,
      form_id TEXT NOT NULL,
      field TEXT NOT NULL,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      size INTEGER NOT NULL,
      uploaded_at TEXT NOT NULL,
      data BLOB NOT NULL
    )`);
    // Databases from before files were linked to their submission get the column (SQLite has no ADD IF NOT EXISTS).
    const columns = this.db.prepare('PRAGMA table_info(attachments)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'submission_id')) this.db.exec('ALTER TABLE attachments ADD COLUMN submission_id TEXT');
    if (!columns.some((c) => c.name === 'token_hash')) this.db.exec('ALTER TABLE attachments ADD COLUMN token_hash TEXT');
    const submissionColumns = this.db.prepare('PRAGMA table_info(submissions)').all() as { name: string }[];
    if (!submissionColumns.some((c) => c.name === 'request_hash')) this.db.exec('ALTER TABLE submissions ADD COLUMN request_hash TEXT');
    if (!submissionColumns.some((c) => c.name === 'corrects')) this.db.exec('ALTER TABLE submissions ADD COLUMN corrects TEXT');
    if (!submissionColumns.some((c) => c.name === 'verified')) this.db.exec('ALTER TABLE submissions ADD COLUMN verified TEXT');
    // Keys a lookup found unused: nothing is ever stored under them (an attempt still travelling when the citizen was
    // told it was not stored would otherwise become a second application).
    this.db.exec(`CREATE TABLE IF NOT EXISTS retired_keys (
      form_id TEXT NOT NULL,
      idempotency_key TEXT NOT NULL,
      retired_at TEXT NOT NULL,
      PRIMARY KEY (form_id, idempotency_key)
    )`);
    // What corrects a submission is asked on every GET; only corrections are indexed.
    this.db.exec('CREATE INDEX IF NOT EXISTS submissions_corrects ON submissions (corrects) WHERE corrects IS NOT NULL');
    const fileSelect = 'SELECT id, form_id AS formId, field, name, type, size FROM attachments WHERE form_id = ? AND id = ?';
    this.sql = {
      insert: this.db.prepare(
        `INSERT INTO submissions (id, form_id, form_version, idempotency_key, request_hash, corrects, receipt, submitted_at, data, verified)
         VALUES (@id, @formId, @formVersion, @key, @hash, @corrects, @receipt, @submittedAt, @data, @verified)
         ON CONFLICT (form_id, idempotency_key) DO NOTHING`,
      ),
      retire: this.db.prepare('INSERT INTO retired_keys (form_id, idempotency_key, retired_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      isRetired: this.db.prepare('SELECT 1 FROM retired_keys WHERE form_id = ? AND idempotency_key = ?'),
      keyUsed: this.db.prepare('SELECT 1 FROM submissions WHERE form_id = ? AND idempotency_key = ?'),
      byKey: this.db.prepare('SELECT * FROM submissions WHERE form_id = ? AND idempotency_key = ?'),
      byId: this.db.prepare('SELECT * FROM submissions WHERE form_id = ? AND id = ?'),
      summaryByKey: this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = ? AND idempotency_key = ?`),
      summaryById: this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = ? AND id = ?`),
      // NULL (a row from before fingerprints) equals nothing: such a row matches no request.
      summaryByRequest: this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = ? AND idempotency_key = ? AND request_hash = ?`),
      correctedBy: this.db.prepare('SELECT id FROM submissions WHERE form_id = ? AND corrects = ? ORDER BY submitted_at, rowid'),
      // A file is taken by one submission only.
      claim: this.db.prepare('UPDATE attachments SET submission_id = ? WHERE form_id = ? AND id = ? AND submission_id IS NULL'),
      owner: this.db.prepare('SELECT submission_id FROM attachments WHERE form_id = ? AND id = ?'),
      insertFile: this.db.prepare('INSERT INTO attachments (id, form_id, field, name, type, size, uploaded_at, data, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      tokenOf: this.db.prepare('SELECT token_hash FROM attachments WHERE form_id = ? AND id = ?'),
      file: this.db.prepare(fileSelect),
      fileWithData: this.db.prepare(fileSelect.replace(' FROM', ', data FROM')),
      sweep: this.db.prepare('DELETE FROM attachments WHERE submission_id IS NULL AND uploaded_at < ?'),
      deleteFile: this.db.prepare('DELETE FROM attachments WHERE form_id = ? AND id = ? AND submission_id IS NULL'),
      count: this.db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE form_id = ?'),
    };
    this.insertClaiming = this.db.transaction((submission: StoredSubmission, key: string | null, hash: string | null, files: ReadonlySet<string>) => {
      if (key !== null && this.sql.isRetired.get(submission.formId, key)) return 'retired';
      if (this.sql.insert.run({ ...submission, key, hash, corrects: submission.corrects ?? null, data: JSON.stringify(submission.data), verified: submission.verified?.length ? JSON.stringify(submission.verified) : null }).changes === 0) return 'conflict';
      // A file that is gone (swept meanwhile) or taken by another application undoes the whole insert. One its own
      // application took (a correction keeps the papers) stays with the submission that took it.
      const application = submission.corrects ? this.applicationOf(submission.formId, submission.corrects) : new Set<string>();
      for (const id of files) {
        if (this.sql.claim.run(submission.id, submission.formId, id).changes === 1) continue;
        const owner = this.sql.owner.get(submission.formId, id) as { submission_id: string | null } | undefined;
        if (!owner?.submission_id || !application.has(owner.submission_id)) throw new MissingAttachmentError(id);
      }
      return 'created';
    });
    this.lookupRetiring = this.db.transaction((formId: string, key: string, hash: string) => {
      const row = this.sql.summaryByRequest.get(formId, key, hash) as SummaryRow | undefined;
      if (!row && !this.sql.keyUsed.get(formId, key)) this.sql.retire.run(formId, key, new Date().toISOString());
      return row;
    });
  }

  /**
   * Stores a submission unless one with the same idempotency key exists. Returns the stored one and whether it
   * was created now, or `reused` when the key was used for a different request (its `hash` differs, or it
   * corrects another submission or none): the key never hands out someone else's record. The unique constraint
   * makes this safe under concurrency. A key a lookup retired (`findOrRetire`) stores nothing: `retired`.
   */
  store(formId: string, formVersion: string, key: string | undefined, data: unknown, options: StoreOptions = {}): { submission: StoredSubmission; created: boolean } | { reused: true } | { retired: true } {
    const { now = new Date(), attachments = [], hash, corrects, verified } = options;
    for (let attempt = 0; ; attempt++) {
      const submission: StoredSubmission = { id: randomUUID(), formId, formVersion, receipt: newReceipt(formId, now), submittedAt: now.toISOString(), ...(corrects ? { corrects } : {}), data, ...(verified?.length ? { verified } : {}) };
      try {
        // BEGIN IMMEDIATE: the retirement is read under the write lock, so no lookup of another process slips in between.
        const outcome = this.insertClaiming.immediate(submission, key ?? null, hash ?? null, new Set(attachments));
        if (outcome === 'created') return { submission, created: true };
        if (outcome === 'retired') return { retired: true };
        const row = this.sql.byKey.get(formId, key) as Row;
        if (hash !== undefined && row.request_hash !== null && row.request_hash !== hash) return { reused: true };
        if (row.corrects !== (corrects ?? null)) return { reused: true };
        return { submission: fromRow(row), created: false };
      } catch (error) {
        // A receipt number drawn twice (1 in a billion a day): draw again.
        if (attempt < 3 && String(error).includes('submissions.receipt')) continue;
        throw error;
      }
    }
  }

  /**
   * The submission stored under `key` for a request of fingerprint `hash`. A key never used, another body and a row
   * kept without a fingerprint all give none, from one query, so the answer says nothing about the key alone.
   */
  findByRequest(formId: string, key: string, hash: string): SubmissionSummary | undefined {
    const row = this.sql.summaryByRequest.get(formId, key, hash) as SummaryRow | undefined;
    return row ? summaryOf(row) : undefined;
  }

  /**
   * What a lookup answers: the submission stored under `key` for a request of fingerprint `hash`, as
   * `findByRequest`. When no row has the key at all, the key is retired in the same transaction: nothing will ever
   * be stored under it, so an attempt still travelling (held in a proxy) cannot become a second application after
   * its sender was told it was not stored. A key that holds a row (another body, no fingerprint) is never retired.
   */
  findOrRetire(formId: string, key: string, hash: string): SubmissionSummary | undefined {
    const row = this.lookupRetiring.immediate(formId, key, hash);
    return row ? summaryOf(row) : undefined;
  }

  /** Whether a lookup retired `key` (nothing is stored under it). */
  isRetired(formId: string, key: string): boolean {
    return this.sql.isRetired.get(formId, key) !== undefined;
  }

  get(formId: string, id: string): StoredSubmission | undefined {
    const row = this.sql.byId.get(formId, id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** A submission without its data, by id, or by the idempotency key it was stored under whatever its request. */
  summary(formId: string, by: { id: string } | { key: string }): SubmissionSummary | undefined {
    const row = ('id' in by ? this.sql.summaryById.get(formId, by.id) : this.sql.summaryByKey.get(formId, by.key)) as SummaryRow | undefined;
    return row ? summaryOf(row) : undefined;
  }

  /** The ids of the submissions that correct this one, oldest first. */
  correctionsOf(formId: string, id: string): string[] {
    return (this.sql.correctedBy.all(formId, id) as { id: string }[]).map((row) => row.id);
  }

  /** A submission and each one it corrects, back to the first: one application. */
  private applicationOf(formId: string, id: string): Set<string> {
    const ids = new Set<string>();
    for (let next: string | null | undefined = id; next && !ids.has(next); next = (this.sql.summaryById.get(formId, next) as SummaryRow | undefined)?.corrects) ids.add(next);
    return ids;
  }

  /**
   * Stores an uploaded file. Its random id refers to it; the `token` returned (kept only as a hash) is what lets
   * its uploader delete it before sending.
   */
  storeAttachment(formId: string, field: string, name: string, type: string, data: Buffer): StoredAttachment & { token: string } {
    const token = randomBytes(32).toString('base64url');
    const attachment = { id: randomUUID(), formId, field, name, type, size: data.length };
    this.sql.insertFile.run(attachment.id, formId, field, name, type, data.length, new Date().toISOString(), data, hashToken(token));
    return { ...attachment, token };
  }

  /** Whether `token` is the one issued when the file was uploaded (compared in constant time). */
  holdsToken(formId: string, id: string, token: string): boolean {
    const row = this.sql.tokenOf.get(formId, id) as { token_hash: string | null } | undefined;
    if (!row?.token_hash) return false;
    const expected = Buffer.from(row.token_hash, 'hex');
    const given = Buffer.from(hashToken(token), 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** SQLite's synchronous setting (2: FULL). */
  synchronous(): number {
    return this.db.pragma('synchronous', { simple: true }) as number;
  }

  /**
   * Deletes the files no submission took that were uploaded before `before` (removed by the citizen, or part of
   * an application never sent). Returns how many were deleted.
   */
  sweepAttachments(before: Date): number {
    return this.sql.sweep.run(before.toISOString()).changes;
  }

  /** Deletes a file the citizen removed, unless a submission took it: `deleted`, `kept` or `missing`. */
  deleteAttachment(formId: string, id: string): 'deleted' | 'kept' | 'missing' {
    if (this.sql.deleteFile.run(formId, id).changes === 1) return 'deleted';
    return this.attachment(formId, id) ? 'kept' : 'missing';
  }

  /** An uploaded file's metadata (and, with `withData`, its bytes). */
  attachment(formId: string, id: string, withData = false): (StoredAttachment & { data?: Buffer }) | undefined {
    const row = (withData ? this.sql.fileWithData : this.sql.file).get(formId, id);
    return row as (StoredAttachment & { data?: Buffer }) | undefined;
  }

  count(formId: string): number {
    return (this.sql.count.get(formId) as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
