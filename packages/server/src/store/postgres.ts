/**
 * The store for several instances: one PostgreSQL database (the `pg` client, a pool per process). Exactly once
 * across processes: the unique (form, key) constraint with INSERT … ON CONFLICT, and a transaction-scoped advisory
 * lock per (form, key) taken by both a submission and a lookup, so a lookup's retirement and a submission under the
 * same key never interleave.
 */
import pg from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { MissingAttachmentError, type Store, type StoredAttachment, type StoredSubmission, type StoreOptions, type StoreOutcome, type SubmissionSummary } from './interface.js';
import { answerUsedKey, hashToken, newSubmission, RECEIPT_ATTEMPTS, submissionOf, SUMMARY_COLUMNS, summaryOf, tokenMatches, type Row, type SummaryRow } from './rows.js';
import { migratePostgres } from './migrations/postgres.js';
import { PostgresStatusStore } from './status-postgres.js';
import { PostgresBackofficeStore } from './backoffice-postgres.js';
import { PostgresFunnelStore } from './funnel-postgres.js';
import { PostgresDeliveries } from './deliveries-postgres.js';
import { inTransaction } from './pg-transaction.js';

/** The first half of the two-int advisory locks on keys (the second: a hash of form and key). */
const KEY_LOCKS = 0x466f; // "Fo"
/** How far back a correction's application is followed (a chain of corrections is a few links long). */
const MAX_CHAIN = 1000;
/** `pg` parses json columns already. */
const parsed = (json: unknown): unknown => json;
const FILE_COLUMNS = 'id, form_id AS "formId", field, name, type, size';

/** A unique violation of the receipt number: drawn twice, drawn again. */
const receiptClash = (error: unknown) => error instanceof pg.DatabaseError && error.code === '23505' && error.constraint === 'submissions_receipt_key';

export class PostgresStore implements Store {
  readonly status: PostgresStatusStore;
  readonly backoffice: PostgresBackofficeStore;
  readonly funnel: PostgresFunnelStore;
  readonly deliveries: PostgresDeliveries;

  private constructor(private readonly pool: pg.Pool) {
    this.status = new PostgresStatusStore(pool);
    this.backoffice = new PostgresBackofficeStore(pool);
    this.funnel = new PostgresFunnelStore(pool);
    this.deliveries = new PostgresDeliveries(pool);
  }

  /** Connects to `url` (`postgres://user@host/db`) and migrates the database before the first request. */
  static async open(url: string, poolSize = 10): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client whose server went away is dropped by the pool; without a listener it would end the process.
    pool.on('error', (error) => console.error(`[formosa] PostgreSQL: ${error.message}`));
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  /** Runs `work` in one transaction on one client; rolled back when it throws. */
  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  /**
   * Takes the key's lock, then reads whether a lookup retired the key: one round trip instead of two (each costs
   * both processes a wake-up, which a busy machine feels: `npm run bench:server`). Two statements
   * of one simple query, so the read has its own snapshot, taken once the lock is held: a retirement committed
   * while this waited is seen. The values are literals, escaped by the client (form ids are [a-z0-9-], keys
   * printable ASCII).
   */
  private async lockedRetired(client: pg.PoolClient, formId: string, key: string): Promise<boolean> {
    const [form, held] = [client.escapeLiteral(formId), client.escapeLiteral(key)];
    // Form ids are [a-z0-9-] and keys printable ASCII without spaces: the space joins them unambiguously.
    const results = (await client.query(
      `SELECT pg_advisory_xact_lock(${KEY_LOCKS}, hashtext(${client.escapeLiteral(`${formId} ${key}`)})); SELECT 1 FROM retired_keys WHERE form_id = ${form} AND idempotency_key = ${held}`,
    )) as unknown as pg.QueryResult[];
    return Boolean(results[1]!.rowCount);
  }

  /** Holds (form, key) until the transaction ends: submissions and lookups of one key go one at a time. */
  private lockKey(client: pg.PoolClient, formId: string, key: string) {
    // Form ids are [a-z0-9-] and keys printable ASCII without spaces: the space joins them unambiguously.
    return client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [KEY_LOCKS, `${formId} ${key}`]);
  }

  async store(formId: string, formVersion: string, key: string | undefined, data: unknown, options: StoreOptions = {}): Promise<StoreOutcome> {
    const { now = new Date(), attachments = [], hash, corrects, verified } = options;
    const files = [...new Set(attachments)];
    for (let attempt = 1; ; attempt++) {
      const submission = newSubmission(formId, formVersion, data, now, corrects, verified);
      try {
        return await this.transaction(async (client) => {
          if (key !== undefined && (await this.lockedRetired(client, formId, key))) return { retired: true } as const;
          const inserted = await client.query(
            `INSERT INTO submissions (id, form_id, form_version, idempotency_key, request_hash, corrects, receipt, submitted_at, data, verified)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (form_id, idempotency_key) DO NOTHING`,
            [submission.id, formId, formVersion, key ?? null, hash ?? null, corrects ?? null, submission.receipt, submission.submittedAt, JSON.stringify(data), submission.verified ? JSON.stringify(submission.verified) : null],
          );
          if (inserted.rowCount === 0) {
            const row = (await client.query<Row<unknown>>('SELECT * FROM submissions WHERE form_id = $1 AND idempotency_key = $2', [formId, key])).rows[0]!;
            return answerUsedKey(row, hash, corrects, parsed);
          }
          await this.claim(client, submission, files);
          return { submission, created: true };
        });
      } catch (error) {
        if (attempt < RECEIPT_ATTEMPTS && receiptClash(error)) continue;
        throw error;
      }
    }
  }

  /**
   * Claims the files for the submission, in one statement, rows locked in id order (two submissions claiming the
   * same files never deadlock). A file gone or taken by another application throws, undoing the insert; one its
   * own application took (a correction keeps the papers) stays with the submission that took it.
   */
  private async claim(client: pg.PoolClient, submission: StoredSubmission, files: readonly string[]): Promise<void> {
    if (files.length === 0) return;
    const claimed = await client.query<{ id: string }>(
      `UPDATE attachments SET submission_id = $1 WHERE form_id = $2 AND id IN (
         SELECT id FROM attachments WHERE form_id = $2 AND id = ANY($3) AND submission_id IS NULL ORDER BY id FOR UPDATE
       ) RETURNING id`,
      [submission.id, submission.formId, files],
    );
    const taken = new Set(claimed.rows.map((r) => r.id));
    const rest = files.filter((id) => !taken.has(id));
    if (rest.length === 0) return;
    const owners = new Map((await client.query<{ id: string; submission_id: string | null }>('SELECT id, submission_id FROM attachments WHERE form_id = $1 AND id = ANY($2)', [submission.formId, rest])).rows.map((r) => [r.id, r.submission_id]));
    const application = submission.corrects ? await this.applicationOf(client, submission.formId, submission.corrects) : new Set<string>();
    for (const id of rest) {
      const owner = owners.get(id);
      if (!owner || !application.has(owner)) throw new MissingAttachmentError(id);
    }
  }

  /** A submission and each one it corrects, back to the first: one application. */
  private async applicationOf(client: pg.PoolClient, formId: string, id: string): Promise<Set<string>> {
    const { rows } = await client.query<{ id: string }>(
      `WITH RECURSIVE chain (id, corrects, depth) AS (
         SELECT id, corrects, 1 FROM submissions WHERE form_id = $1 AND id = $2
         UNION ALL
         SELECT s.id, s.corrects, chain.depth + 1 FROM submissions s JOIN chain ON s.form_id = $1 AND s.id = chain.corrects WHERE chain.depth < $3
       ) SELECT id FROM chain`,
      [formId, id, MAX_CHAIN],
    );
    return new Set(rows.map((r) => r.id));
  }

  async findByRequest(formId: string, key: string, hash: string): Promise<SubmissionSummary | undefined> {
    const { rows } = await this.pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = $1 AND idempotency_key = $2 AND request_hash = $3`, [formId, key, hash]);
    return rows[0] ? summaryOf(rows[0]) : undefined;
  }

  async findOrRetire(formId: string, key: string, hash: string): Promise<SubmissionSummary | undefined> {
    return this.transaction(async (client) => {
      await this.lockKey(client, formId, key);
      const { rows } = await client.query<SummaryRow & { request_hash: string | null }>(`SELECT ${SUMMARY_COLUMNS}, request_hash FROM submissions WHERE form_id = $1 AND idempotency_key = $2`, [formId, key]);
      // NULL (a row from before fingerprints) equals nothing: such a row matches no request, and is not retired.
      if (rows[0]) return rows[0].request_hash === hash ? summaryOf(rows[0]) : undefined;
      await client.query('INSERT INTO retired_keys (form_id, idempotency_key, retired_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING', [formId, key]);
      return undefined;
    });
  }

  async isRetired(formId: string, key: string): Promise<boolean> {
    return Boolean((await this.pool.query('SELECT 1 FROM retired_keys WHERE form_id = $1 AND idempotency_key = $2', [formId, key])).rowCount);
  }

  async get(formId: string, id: string): Promise<StoredSubmission | undefined> {
    const { rows } = await this.pool.query<Row<unknown>>('SELECT * FROM submissions WHERE form_id = $1 AND id = $2', [formId, id]);
    return rows[0] ? submissionOf(rows[0], parsed) : undefined;
  }

  async summary(formId: string, by: { id: string } | { key: string }): Promise<SubmissionSummary | undefined> {
    const column = 'id' in by ? 'id' : 'idempotency_key';
    const { rows } = await this.pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = $1 AND ${column} = $2`, [formId, 'id' in by ? by.id : by.key]);
    return rows[0] ? summaryOf(rows[0]) : undefined;
  }

  async correctionsOf(formId: string, id: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM submissions WHERE form_id = $1 AND corrects = $2 ORDER BY submitted_at, seq', [formId, id]);
    return rows.map((r) => r.id);
  }

  async count(formId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT COUNT(*)::integer AS n FROM submissions WHERE form_id = $1', [formId]);
    return rows[0]!.n;
  }

  async storeAttachment(formId: string, field: string, name: string, type: string, data: Buffer): Promise<StoredAttachment & { token: string }> {
    const token = randomBytes(32).toString('base64url');
    const attachment = { id: randomUUID(), formId, field, name, type, size: data.length };
    await this.pool.query(
      'INSERT INTO attachments (id, form_id, field, name, type, size, uploaded_at, data, token_hash) VALUES ($1, $2, $3, $4, $5, $6, now(), $7, $8)',
      [attachment.id, formId, field, name, type, data.length, data, hashToken(token)],
    );
    return { ...attachment, token };
  }

  async holdsToken(formId: string, id: string, token: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ token_hash: string | null }>('SELECT token_hash FROM attachments WHERE form_id = $1 AND id = $2', [formId, id]);
    return tokenMatches(rows[0]?.token_hash, token);
  }

  async attachment(formId: string, id: string, withData = false): Promise<(StoredAttachment & { data?: Buffer }) | undefined> {
    const { rows } = await this.pool.query<StoredAttachment & { data?: Buffer }>(`SELECT ${FILE_COLUMNS}${withData ? ', data' : ''} FROM attachments WHERE form_id = $1 AND id = $2`, [formId, id]);
    return rows[0];
  }

  async deleteAttachment(formId: string, id: string): Promise<'deleted' | 'kept' | 'missing'> {
    if ((await this.pool.query('DELETE FROM attachments WHERE form_id = $1 AND id = $2 AND submission_id IS NULL', [formId, id])).rowCount === 1) return 'deleted';
    return (await this.attachment(formId, id)) ? 'kept' : 'missing';
  }

  async sweepAttachments(before: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM attachments WHERE submission_id IS NULL AND uploaded_at < $1', [before])).rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
