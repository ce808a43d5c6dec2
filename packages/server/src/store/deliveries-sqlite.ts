/**
 * The deliveries section on SQLite. Every write is one `BEGIN IMMEDIATE` transaction: processes sharing the file
 * take turns, so a scan reads every row committed before it, and a claim's select and lease are one step.
 * Submissions are scanned by rowid (assigned in commit order, as the server never deletes one; see docs/server.md
 * for what to do after deleting rows and VACUUM), status moves by their AUTOINCREMENT id.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  DELIVERY_COLUMNS, deliveryPage, pageSize, SOURCES, statusEvent, submissionEvent,
  type AttemptOutcome, type AttemptRow, type ClaimedDelivery, type DeliveryAttempt, type DeliveryEvent, type DeliveryListQuery,
  type DeliveryRecord, type DeliveryRow, type DeliveryStore, type StatusEventRow, type SubmissionEventRow,
} from './deliveries.js';

/** A status move as SQLite gives it: `reopen` is JSON text. */
type StatusTextRow = Omit<StatusEventRow, 'reopen'> & { reopen: string | null };

export class SqliteDeliveries implements DeliveryStore {
  private readonly scan: Database.Transaction<(endpointsFor: (formId: string) => readonly string[], now: string, limit: number, durable: number) => number>;
  private readonly lease: Database.Transaction<(endpoints: readonly string[], now: string, until: string, limit: number) => ClaimedDelivery[]>;
  private readonly log: Database.Transaction<(delivery: ClaimedDelivery, attempt: DeliveryAttempt, outcome: AttemptOutcome, now: string) => boolean>;

  /**
   * @param durableSubmissions the highest submission rowid on disk: submissions are group-committed and flushed
   * after their commit, and only what is flushed is delivered (see SqliteStore).
   */
  constructor(
    private readonly db: Database.Database,
    private readonly durableSubmissions: () => Promise<number> = async () => Number.MAX_SAFE_INTEGER,
  ) {
    const markOf = db.prepare('SELECT mark FROM delivery_marks WHERE source = ?').pluck();
    const setMark = db.prepare('INSERT INTO delivery_marks (source, mark) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET mark = max(mark, excluded.mark)');
    const submissions = db.prepare('SELECT rowid AS seq, id, form_id, form_version, receipt, submitted_at, corrects, data FROM submissions WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?');
    const moves = db.prepare(
      `SELECT h.id AS seq, h.form_id, h.submission_id, h.status, h.at, h.moved_by, h.who, h.note, h.reopen, s.form_version, s.receipt
       FROM status_history h JOIN submissions s ON s.form_id = h.form_id AND s.id = h.submission_id WHERE h.id > ? ORDER BY h.id LIMIT ?`,
    );
    const insert = db.prepare(
      `INSERT INTO deliveries (id, event_id, endpoint, type, form_id, body, state, attempts, next_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (event_id, endpoint) DO NOTHING`,
    );
    /** Enqueues one source's rows above its mark; the mark moves in the same transaction. */
    const scanSource = <Row extends { seq: number | string; form_id: string }>(source: string, read: Database.Statement, eventOf: (row: Row) => DeliveryEvent, endpointsFor: (formId: string) => readonly string[], now: string, limit: number, bound?: number) => {
      const mark = (markOf.get(source) as number | undefined) ?? 0;
      const rows = (bound === undefined ? read.all(mark, limit) : read.all(mark, bound, limit)) as Row[];
      let enqueued = 0;
      for (const row of rows) {
        const endpoints = endpointsFor(row.form_id);
        if (endpoints.length === 0) continue;
        const event = eventOf(row);
        const body = JSON.stringify(event);
        for (const endpoint of endpoints) enqueued += insert.run(randomUUID(), event.id, endpoint, event.type, event.formId, body, now, now).changes;
      }
      if (rows.length) setMark.run(source, Number(rows.at(-1)!.seq));
      return enqueued;
    };
    this.scan = db.transaction((endpointsFor, now, limit, durable) =>
      scanSource<SubmissionEventRow>(SOURCES.submissions, submissions, (row) => submissionEvent({ ...row, data: JSON.parse(row.data as string) }), endpointsFor, now, limit, durable) +
      scanSource<StatusTextRow>(SOURCES.status, moves, (row) => statusEvent({ ...row, reopen: row.reopen === null ? null : (JSON.parse(row.reopen) as string[]) }), endpointsFor, now, limit));

    const due = db.prepare(
      `SELECT id, event_id AS eventId, endpoint, body, attempts FROM deliveries
       WHERE state = 'pending' AND next_at <= ? AND (locked_until IS NULL OR locked_until <= ?) AND endpoint IN (SELECT value FROM json_each(?))
       ORDER BY next_at LIMIT ?`,
    );
    const take = db.prepare('UPDATE deliveries SET locked_until = ?, lease = ? WHERE id = ?');
    this.lease = db.transaction((endpoints, now, until, limit) => {
      const rows = due.all(now, now, JSON.stringify(endpoints), limit) as Omit<ClaimedDelivery, 'lease'>[];
      return rows.map((row) => {
        const lease = randomUUID();
        take.run(until, lease, row.id);
        return { ...row, lease };
      });
    });

    const logAttempt = db.prepare('INSERT INTO delivery_attempts (delivery_id, at, status, error, ms) VALUES (?, ?, ?, ?, ?)');
    const settle = db.prepare(
      `UPDATE deliveries SET state = @state, attempts = attempts + 1, next_at = coalesce(@nextAt, next_at), last_error = @error,
         delivered_at = coalesce(@deliveredAt, delivered_at), locked_until = NULL, lease = NULL
       WHERE id = @id AND lease = @lease`,
    );
    this.log = db.transaction((delivery, attempt, outcome, now) => {
      logAttempt.run(delivery.id, attempt.at, attempt.status ?? null, attempt.error ?? null, Math.round(attempt.ms));
      return settle.run({
        id: delivery.id, lease: delivery.lease, state: outcome.state, error: attempt.error ?? null,
        nextAt: outcome.state === 'pending' ? outcome.nextAt.toISOString() : null, deliveredAt: outcome.state === 'delivered' ? now : null,
      }).changes === 1;
    });
  }

  async enqueue(endpointsFor: (formId: string) => readonly string[], now: Date, limit = 500): Promise<number> {
    const durable = await this.durableSubmissions();
    return this.scan.immediate(endpointsFor, now.toISOString(), limit, durable);
  }

  async claim(endpoints: readonly string[], now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    return this.lease.immediate(endpoints, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit);
  }

  async record(delivery: ClaimedDelivery, attempt: DeliveryAttempt, outcome: AttemptOutcome, now: Date): Promise<boolean> {
    return this.log.immediate(delivery, attempt, outcome, now.toISOString());
  }

  async list(query: DeliveryListQuery = {}): Promise<{ deliveries: DeliveryRecord[]; next?: number }> {
    const limit = pageSize(query);
    const rows = this.db.prepare(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE (@state IS NULL OR state = @state) AND (@before IS NULL OR seq < @before) ORDER BY seq DESC LIMIT @limit`,
    ).all({ state: query.state ?? null, before: query.before ?? null, limit: limit + 1 }) as DeliveryRow[];
    return deliveryPage(rows, this.attemptsOf(rows.slice(0, limit).map((r) => r.id)), limit);
  }

  private attemptsOf(ids: readonly string[]): AttemptRow[] {
    return this.db.prepare('SELECT delivery_id, at, status, error, ms FROM delivery_attempts WHERE delivery_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC').all(JSON.stringify(ids)) as AttemptRow[];
  }

  async replay(id: string, now: Date): Promise<DeliveryRecord | 'pending' | undefined> {
    const changed = this.db.prepare(
      `UPDATE deliveries SET state = 'pending', attempts = 0, next_at = ?, locked_until = NULL, lease = NULL WHERE id = ? AND state IN ('parked', 'delivered')`,
    ).run(now.toISOString(), id).changes;
    const row = this.db.prepare(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE id = ?`).get(id) as DeliveryRow | undefined;
    if (!row) return undefined;
    if (!changed) return 'pending';
    return deliveryPage([row], this.attemptsOf([id]), 1).deliveries[0];
  }
}
