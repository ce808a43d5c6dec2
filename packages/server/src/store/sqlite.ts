/**
 * The embedded store: one SQLite file (better-sqlite3, WAL). Its calls are synchronous and short; the async
 * interface only wraps them, except submissions and uploads, group-committed on a connection of their own and
 * acknowledged once the WAL is flushed. Processes sharing the file are serialised by `BEGIN IMMEDIATE`.
 */
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, fdatasync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { MissingAttachmentError, type Store, type StoredAttachment, type StoredSubmission, type StoreOptions, type StoreOutcome, type SubmissionSummary } from './interface.js';
import { answerUsedKey, hashToken, newSubmission, RECEIPT_ATTEMPTS, submissionOf, SUMMARY_COLUMNS, summaryOf, tokenMatches, type Row, type SummaryRow } from './rows.js';
import { migrateSqlite } from './migrations/sqlite.js';
import { SqliteStatusStore } from './status-sqlite.js';
import { SqliteBackofficeStore } from './backoffice-sqlite.js';
import { SqliteFunnelStore } from './funnel-sqlite.js';
import { SqliteDeliveries } from './deliveries-sqlite.js';

const parse = (text: string): unknown => JSON.parse(text);

/** A write waiting for the group commit (a submission, an upload), and its caller's promise. */
interface Queued {
  write(): unknown;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/** Every statement, prepared once per connection. */
type Statements = Record<'insert' | 'retire' | 'isRetired' | 'keyUsed' | 'byKey' | 'byId' | 'summaryByKey' | 'summaryById' | 'summaryByRequest' | 'correctedBy' | 'claim' | 'owner' | 'insertFile' | 'tokenOf' | 'file' | 'fileWithData' | 'sweep' | 'deleteFile' | 'count', Database.Statement>;

function prepareStatements(db: Database.Database): Statements {
  const fileSelect = 'SELECT id, form_id AS formId, field, name, type, size FROM attachments WHERE form_id = ? AND id = ?';
  return {
    insert: db.prepare(
      `INSERT INTO submissions (id, form_id, form_version, idempotency_key, request_hash, corrects, receipt, submitted_at, data, verified)
       VALUES (@id, @formId, @formVersion, @key, @hash, @corrects, @receipt, @submittedAt, @data, @verified)
       ON CONFLICT (form_id, idempotency_key) DO NOTHING`,
    ),
    retire: db.prepare('INSERT INTO retired_keys (form_id, idempotency_key, retired_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    isRetired: db.prepare('SELECT 1 FROM retired_keys WHERE form_id = ? AND idempotency_key = ?'),
    keyUsed: db.prepare('SELECT 1 FROM submissions WHERE form_id = ? AND idempotency_key = ?'),
    byKey: db.prepare('SELECT * FROM submissions WHERE form_id = ? AND idempotency_key = ?'),
    byId: db.prepare('SELECT * FROM submissions WHERE form_id = ? AND id = ?'),
    summaryByKey: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = ? AND idempotency_key = ?`),
    summaryById: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = ? AND id = ?`),
    // NULL (a row from before fingerprints) equals nothing: such a row matches no request.
    summaryByRequest: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = ? AND idempotency_key = ? AND request_hash = ?`),
    correctedBy: db.prepare('SELECT id FROM submissions WHERE form_id = ? AND corrects = ? ORDER BY submitted_at, rowid'),
    // A file is taken by one submission only.
    claim: db.prepare('UPDATE attachments SET submission_id = ? WHERE form_id = ? AND id = ? AND submission_id IS NULL'),
    owner: db.prepare('SELECT submission_id FROM attachments WHERE form_id = ? AND id = ?'),
    insertFile: db.prepare('INSERT INTO attachments (id, form_id, field, name, type, size, uploaded_at, data, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    tokenOf: db.prepare('SELECT token_hash FROM attachments WHERE form_id = ? AND id = ?'),
    file: db.prepare(fileSelect),
    fileWithData: db.prepare(fileSelect.replace(' FROM', ', data FROM')),
    sweep: db.prepare('DELETE FROM attachments WHERE submission_id IS NULL AND uploaded_at < ?'),
    deleteFile: db.prepare('DELETE FROM attachments WHERE form_id = ? AND id = ? AND submission_id IS NULL'),
    count: db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE form_id = ?'),
  };
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  /**
   * The connection submissions and uploads are written on, group-committed: `synchronous = NORMAL`, and the WAL
   * fdatasync'd on libuv's thread pool before the batch is acknowledged — what FULL does, without holding the
   * event loop for the disk. `db` itself, the other sections' writes, stay FULL.
   */
  private readonly writer: Database.Database;
  /** The highest submission rowid, read on the writer (the delivery scan's bound; prepared once, asked every second). */
  private readonly highestSubmission: Database.Statement;
  /** The WAL file, flushed before a batch is acknowledged (undefined for `:memory:`: nothing to flush). */
  private readonly wal: number | undefined;
  /** Whether an fdatasync of the WAL is running, and who waits for the next one. */
  private flushing = false;
  private flushWaiters: { resolve(): void; reject(error: unknown): void }[] = [];
  readonly status: SqliteStatusStore;
  readonly backoffice: SqliteBackofficeStore;
  readonly funnel: SqliteFunnelStore;
  readonly deliveries: SqliteDeliveries;
  /** Every statement, prepared once when the database opens. */
  private readonly sql: Statements;
  /** The same statements on the writer connection. */
  private readonly writes: Statements;
  /** Inserts a submission and claims its files, in one transaction: `used` when the idempotency key holds a row. */
  private readonly insertClaiming: Database.Transaction<(submission: StoredSubmission, key: string | null, hash: string | null, files: ReadonlySet<string>) => 'created' | 'used' | 'retired'>;
  /** The queued writes, each in its savepoint (an error is its own outcome, not the batch's). */
  private readonly inOneTransaction: Database.Transaction<(batch: readonly Queued[]) => ({ result: unknown } | { error: unknown })[]>;
  /** Writes waiting for the next group commit. */
  private queued: Queued[] = [];
  /** A lookup's query and, when no row has the key, its retirement, in one transaction. */
  private readonly lookupRetiring: Database.Transaction<(formId: string, key: string, hash: string) => SummaryRow | undefined>;

  /** Opens (and creates, and migrates) the database file; `:memory:` works too. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // A 201 is a promise: each commit reaches the disk before it is acknowledged (power loss, an OS crash).
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db);
    this.status = new SqliteStatusStore(this.db);
    this.backoffice = new SqliteBackofficeStore(this.db);
    this.funnel = new SqliteFunnelStore(this.db);
    this.deliveries = new SqliteDeliveries(this.db, () => this.durableSubmissions());
    // A second connection (the same file; `:memory:` would be another database) for the group-committed writes.
    this.writer = file === ':memory:' ? this.db : new Database(file);
    this.highestSubmission = this.writer.prepare('SELECT coalesce(max(rowid), 0) FROM submissions').pluck();
    this.wal = file === ':memory:' ? undefined : openSync(`${file}-wal`, 'r');
    if (this.writer !== this.db) {
      this.writer.pragma('synchronous = NORMAL');
      this.writer.pragma('busy_timeout = 5000');
    }
    this.sql = prepareStatements(this.db);
    this.writes = prepareStatements(this.writer);
    this.insertClaiming = this.writer.transaction((submission: StoredSubmission, key: string | null, hash: string | null, files: ReadonlySet<string>) => {
      if (key !== null && this.writes.isRetired.get(submission.formId, key)) return 'retired';
      if (this.writes.insert.run({ ...submission, key, hash, corrects: submission.corrects ?? null, data: JSON.stringify(submission.data), verified: submission.verified?.length ? JSON.stringify(submission.verified) : null }).changes === 0) return 'used';
      // A file that is gone (swept meanwhile) or taken by another application undoes the whole insert. One its own
      // application took (a correction keeps the papers) stays with the submission that took it.
      const application = submission.corrects ? this.applicationOf(submission.formId, submission.corrects) : new Set<string>();
      for (const id of files) {
        if (this.writes.claim.run(submission.id, submission.formId, id).changes === 1) continue;
        const owner = this.writes.owner.get(submission.formId, id) as { submission_id: string | null } | undefined;
        if (!owner?.submission_id || !application.has(owner.submission_id)) throw new MissingAttachmentError(id);
      }
      return 'created';
    });
    // Called inside the batch's transaction, a transaction function runs in a savepoint.
    const inSavepoint = this.writer.transaction((queued: Queued) => queued.write());
    this.inOneTransaction = this.writer.transaction((batch: readonly Queued[]) =>
      batch.map((queued) => {
        try {
          return { result: inSavepoint(queued) };
        } catch (error) {
          return { error };
        }
      }),
    );
    this.lookupRetiring = this.db.transaction((formId: string, key: string, hash: string) => {
      const row = this.sql.summaryByRequest.get(formId, key, hash) as SummaryRow | undefined;
      if (!row && !this.sql.keyUsed.get(formId, key)) this.sql.retire.run(formId, key, new Date().toISOString());
      return row;
    });
  }

  store(formId: string, formVersion: string, key: string | undefined, data: unknown, options: StoreOptions = {}): Promise<StoreOutcome> {
    return this.write(() => this.storeOne(formId, formVersion, key, data, options));
  }

  /**
   * Group commit: the writes that arrive together (within one turn of the event loop) are made in one
   * transaction, each in a savepoint of its own (one refused undoes only itself), and each is answered only once
   * that transaction is committed. With `synchronous = FULL` a commit waits for the disk (1–3 ms here): one wait
   * for the batch instead of one per submission (`npm run bench:server`, docs/performance.md).
   */
  private write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queued.push({ write: work, resolve: resolve as (result: unknown) => void, reject }) === 1) setImmediate(() => this.commitQueued());
    });
  }

  /** Makes the queued writes in one transaction (BEGIN IMMEDIATE), then answers each. */
  private commitQueued(): void {
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return;
    let outcomes: ({ result: unknown } | { error: unknown })[];
    try {
      outcomes = this.inOneTransaction.immediate(batch);
    } catch (error) {
      // Nothing of the batch is stored (the disk, a lock held too long by another process): every request fails.
      for (const { reject } of batch) reject(error);
      return;
    }
    // Committed; acknowledged once on disk. A flush that fails answers 500 (a retry under the key finds the row).
    this.flushed().then(
      () => outcomes.forEach((outcome, i) => ('result' in outcome ? batch[i]!.resolve(outcome.result) : batch[i]!.reject(outcome.error))),
      (error: unknown) => batch.forEach(({ reject }) => reject(error)),
    );
  }

  /**
   * The highest submission rowid that is on disk: read, then one flush of the WAL. The deliveries scan reads no
   * further, so no event goes out for a row committed but not yet flushed (a power loss could still undo it).
   */
  private async durableSubmissions(): Promise<number> {
    const highest = this.highestSubmission.get() as number;
    await this.flushed();
    return highest;
  }

  /** Resolves once everything the writer committed before the call is on disk: the next fdatasync of the WAL. */
  private flushed(): Promise<void> {
    if (this.wal === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.flushWaiters.push({ resolve, reject });
      this.flushWal();
    });
  }

  /** One fdatasync at a time; whoever arrives while one runs waits for the next (it may have begun before their commit). */
  private flushWal(): void {
    if (this.flushing || this.flushWaiters.length === 0) return;
    this.flushing = true;
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    fdatasync(this.wal!, (error) => {
      this.flushing = false;
      for (const waiter of waiters) {
        if (error) waiter.reject(error);
        else waiter.resolve();
      }
      this.flushWal();
    });
  }

  /** One submission, in its savepoint of the batch's transaction. */
  private storeOne(formId: string, formVersion: string, key: string | undefined, data: unknown, options: StoreOptions): StoreOutcome {
    const { now = new Date(), attachments = [], hash, corrects, verified } = options;
    for (let attempt = 1; ; attempt++) {
      const submission = newSubmission(formId, formVersion, data, now, corrects, verified);
      try {
        // Under the batch's BEGIN IMMEDIATE: the retirement is read under the write lock, so no lookup of another process slips in between.
        const outcome = this.insertClaiming(submission, key ?? null, hash ?? null, new Set(attachments));
        if (outcome === 'created') return { submission, created: true };
        if (outcome === 'retired') return { retired: true };
        return answerUsedKey(this.writes.byKey.get(formId, key) as Row<string>, hash, corrects, parse);
      } catch (error) {
        if (attempt < RECEIPT_ATTEMPTS && String(error).includes('submissions.receipt')) continue;
        throw error;
      }
    }
  }

  async findByRequest(formId: string, key: string, hash: string): Promise<SubmissionSummary | undefined> {
    const row = this.sql.summaryByRequest.get(formId, key, hash) as SummaryRow | undefined;
    return row ? summaryOf(row) : undefined;
  }

  async findOrRetire(formId: string, key: string, hash: string): Promise<SubmissionSummary | undefined> {
    const row = this.lookupRetiring.immediate(formId, key, hash);
    return row ? summaryOf(row) : undefined;
  }

  async isRetired(formId: string, key: string): Promise<boolean> {
    return this.sql.isRetired.get(formId, key) !== undefined;
  }

  async get(formId: string, id: string): Promise<StoredSubmission | undefined> {
    const row = this.sql.byId.get(formId, id) as Row<string> | undefined;
    return row ? submissionOf(row, parse) : undefined;
  }

  async summary(formId: string, by: { id: string } | { key: string }): Promise<SubmissionSummary | undefined> {
    const row = ('id' in by ? this.sql.summaryById.get(formId, by.id) : this.sql.summaryByKey.get(formId, by.key)) as SummaryRow | undefined;
    return row ? summaryOf(row) : undefined;
  }

  async correctionsOf(formId: string, id: string): Promise<string[]> {
    return (this.sql.correctedBy.all(formId, id) as { id: string }[]).map((row) => row.id);
  }

  async count(formId: string): Promise<number> {
    return (this.sql.count.get(formId) as { n: number }).n;
  }

  /** A submission and each one it corrects, back to the first: one application. */
  private applicationOf(formId: string, id: string): Set<string> {
    const ids = new Set<string>();
    for (let next: string | null | undefined = id; next && !ids.has(next); next = (this.writes.summaryById.get(formId, next) as SummaryRow | undefined)?.corrects) ids.add(next);
    return ids;
  }

  async storeAttachment(formId: string, field: string, name: string, type: string, data: Buffer): Promise<StoredAttachment & { token: string }> {
    const token = randomBytes(32).toString('base64url');
    const attachment = { id: randomUUID(), formId, field, name, type, size: data.length };
    // Group-committed as submissions are: a busy form's uploads share the wait for the disk too.
    await this.write(() => this.writes.insertFile.run(attachment.id, formId, field, name, type, data.length, new Date().toISOString(), data, hashToken(token)));
    return { ...attachment, token };
  }

  async holdsToken(formId: string, id: string, token: string): Promise<boolean> {
    return tokenMatches((this.sql.tokenOf.get(formId, id) as { token_hash: string | null } | undefined)?.token_hash, token);
  }

  async attachment(formId: string, id: string, withData = false): Promise<(StoredAttachment & { data?: Buffer }) | undefined> {
    return (withData ? this.sql.fileWithData : this.sql.file).get(formId, id) as (StoredAttachment & { data?: Buffer }) | undefined;
  }

  async deleteAttachment(formId: string, id: string): Promise<'deleted' | 'kept' | 'missing'> {
    if (this.sql.deleteFile.run(formId, id).changes === 1) return 'deleted';
    return this.sql.file.get(formId, id) ? 'kept' : 'missing';
  }

  async sweepAttachments(before: Date): Promise<number> {
    return this.sql.sweep.run(before.toISOString()).changes;
  }

  /** SQLite's synchronous setting of the main connection (2: FULL); the writer's commits are flushed before they are acknowledged (test/durability.test.ts). */
  synchronous(): number {
    return this.db.pragma('synchronous', { simple: true }) as number;
  }

  async close(): Promise<void> {
    this.commitQueued();
    await this.flushed();
    if (this.wal !== undefined) closeSync(this.wal);
    if (this.writer !== this.db) this.writer.close();
    this.db.close();
  }
}
