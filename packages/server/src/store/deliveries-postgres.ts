/**
 * The deliveries section on PostgreSQL, shared by every instance.
 *
 * The scan's high-water mark needs care: identity values are handed out when a row is inserted, not when it is
 * committed, so a submission numbered 41 can commit after 42 has been seen, and a mark moved to 42 would skip it.
 * The scan's bound is therefore read under a SHARE lock on the source tables, which waits for the transactions
 * inserting into them to end (and holds new ones back for that instant): every number at or below the bound is
 * then committed or will never be. The rows between the mark and the bound are read, enqueued and the mark moved
 * in one transaction; one instance scans at a time (a try-lock: the other skips that round).
 * Claims lease rows with `FOR UPDATE SKIP LOCKED`: two workers claiming at once get different deliveries.
 */
import type pg from 'pg';
import {
  DELIVERY_COLUMNS, deliveryPage, pageSize, SOURCES, statusEvent, submissionEvent,
  type AttemptOutcome, type AttemptRow, type ClaimedDelivery, type DeliveryAttempt, type DeliveryEvent, type DeliveryListQuery,
  type DeliveryRecord, type DeliveryRow, type DeliveryStore, type StatusEventRow, type SubmissionEventRow,
} from './deliveries.js';
import { inTransaction } from './pg-transaction.js';

/** The transaction-scoped advisory lock of a scan (one bigint: "FoDeliv"). */
const SCAN_LOCK = 0x466f44656c6976n.toString();

export class PostgresDeliveries implements DeliveryStore {
  constructor(private readonly pool: pg.Pool) {}

  /** The highest number of each source below which every row is committed (see the module's comment). */
  private bounds(): Promise<{ submissions: string; status: string }> {
    return inTransaction(this.pool, async (client) => {
      // Waiting longer would hold submissions back: the next round tries again.
      await client.query("SET LOCAL lock_timeout = '2s'");
      await client.query('LOCK TABLE submissions, status_history IN SHARE MODE');
      const { rows } = await client.query<{ submissions: string; status: string }>(
        'SELECT (SELECT coalesce(max(seq), 0) FROM submissions)::text AS submissions, (SELECT coalesce(max(id), 0) FROM status_history)::text AS status',
      );
      return rows[0]!;
    });
  }

  async enqueue(endpointsFor: (formId: string) => readonly string[], now: Date, limit = 500): Promise<number> {
    let bounds;
    try {
      bounds = await this.bounds();
    } catch (error) {
      // A lock that took too long (55P03) or a deadlock PostgreSQL broke (40P01): busy, the next round tries again.
      if (['55P03', '40P01'].includes((error as { code?: string }).code ?? '')) return 0;
      throw error;
    }
    return inTransaction(this.pool, async (client) => {
      if (!(await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [SCAN_LOCK])).rows[0]!.ok) return 0;
      const marks = new Map((await client.query<{ source: string; mark: string }>('SELECT source, mark::text FROM delivery_marks')).rows.map((r) => [r.source, r.mark]));
      const submissions = await client.query<SubmissionEventRow>(
        'SELECT seq, id, form_id, form_version, receipt, submitted_at, corrects, data FROM submissions WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3',
        [marks.get(SOURCES.submissions) ?? '0', bounds.submissions, limit],
      );
      let enqueued = await this.insert(client, SOURCES.submissions, submissions.rows, submissionEvent, endpointsFor, now);
      const moves = await client.query<StatusEventRow>(
        `SELECT h.id AS seq, h.form_id, h.submission_id, h.status, h.at, h.moved_by, h.who, h.note, h.reopen, s.form_version, s.receipt
         FROM status_history h JOIN submissions s ON s.form_id = h.form_id AND s.id = h.submission_id
         WHERE h.id > $1 AND h.id <= $2 ORDER BY h.id LIMIT $3`,
        [marks.get(SOURCES.status) ?? '0', bounds.status, limit],
      );
      enqueued += await this.insert(client, SOURCES.status, moves.rows, statusEvent, endpointsFor, now);
      return enqueued;
    });
  }

  /** Enqueues one source's rows (one statement) and moves its mark past them. */
  private async insert<Row extends { seq: number | string; form_id: string }>(client: pg.PoolClient, source: string, rows: readonly Row[], eventOf: (row: Row) => DeliveryEvent, endpointsFor: (formId: string) => readonly string[], now: Date): Promise<number> {
    if (rows.length === 0) return 0;
    const columns: [string[], string[], string[], string[], string[]] = [[], [], [], [], []];
    for (const row of rows) {
      const event = eventOf(row);
      const body = JSON.stringify(event);
      for (const endpoint of endpointsFor(row.form_id)) [event.id, endpoint, event.type, event.formId, body].forEach((value, i) => columns[i]!.push(value));
    }
    const inserted = columns[0].length === 0 ? 0 : ((await client.query(
      `INSERT INTO deliveries (id, event_id, endpoint, type, form_id, body, state, attempts, next_at, created_at)
       SELECT gen_random_uuid()::text, e, p, t, f, b, 'pending', 0, $6, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u (e, p, t, f, b)
       ON CONFLICT (event_id, endpoint) DO NOTHING`,
      [...columns, now],
    )).rowCount ?? 0);
    await client.query(
      'INSERT INTO delivery_marks (source, mark) VALUES ($1, $2) ON CONFLICT (source) DO UPDATE SET mark = GREATEST(delivery_marks.mark, excluded.mark)',
      [source, String(rows.at(-1)!.seq)],
    );
    return inserted;
  }

  async claim(endpoints: readonly string[], now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const { rows } = await this.pool.query<ClaimedDelivery>(
      `UPDATE deliveries d SET locked_until = $2, lease = gen_random_uuid()::text
       FROM (SELECT id FROM deliveries
             WHERE state = 'pending' AND next_at <= $1 AND (locked_until IS NULL OR locked_until <= $1) AND endpoint = ANY($3)
             ORDER BY next_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
       WHERE d.id = due.id
       RETURNING d.id, d.event_id AS "eventId", d.endpoint, d.body, d.attempts, d.lease`,
      [now, new Date(now.getTime() + leaseMs), endpoints, limit],
    );
    return rows;
  }

  async record(delivery: ClaimedDelivery, attempt: DeliveryAttempt, outcome: AttemptOutcome, now: Date): Promise<boolean> {
    // One statement: the attempt is logged whether or not the lease still holds.
    const { rowCount } = await this.pool.query(
      `WITH logged AS (INSERT INTO delivery_attempts (delivery_id, at, status, error, ms) VALUES ($1, $3, $4, $5, $6))
       UPDATE deliveries SET state = $7, attempts = attempts + 1, next_at = coalesce($8, next_at), last_error = $5,
         delivered_at = coalesce($9, delivered_at), locked_until = NULL, lease = NULL
       WHERE id = $1 AND lease = $2`,
      [
        delivery.id, delivery.lease, attempt.at, attempt.status ?? null, attempt.error ?? null, Math.round(attempt.ms), outcome.state,
        outcome.state === 'pending' ? outcome.nextAt : null, outcome.state === 'delivered' ? now : null,
      ],
    );
    return rowCount === 1;
  }

  async list(query: DeliveryListQuery = {}): Promise<{ deliveries: DeliveryRecord[]; next?: number }> {
    const limit = pageSize(query);
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE ($1::text IS NULL OR state = $1) AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3`,
      [query.state ?? null, query.before ?? null, limit + 1],
    );
    return deliveryPage(rows, await this.attemptsOf(rows.slice(0, limit).map((r) => r.id)), limit);
  }

  private async attemptsOf(ids: readonly string[]): Promise<AttemptRow[]> {
    return (await this.pool.query<AttemptRow>('SELECT delivery_id, at, status, error, ms FROM delivery_attempts WHERE delivery_id = ANY($1) ORDER BY id DESC', [ids])).rows;
  }

  async replay(id: string, now: Date): Promise<DeliveryRecord | 'pending' | undefined> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `UPDATE deliveries SET state = 'pending', attempts = 0, next_at = $2, locked_until = NULL, lease = NULL
       WHERE id = $1 AND state IN ('parked', 'delivered') RETURNING ${DELIVERY_COLUMNS}`,
      [id, now],
    );
    if (rows[0]) return deliveryPage(rows, await this.attemptsOf([id]), 1).deliveries[0];
    return (await this.pool.query('SELECT 1 FROM deliveries WHERE id = $1', [id])).rowCount ? 'pending' : undefined;
  }
}
