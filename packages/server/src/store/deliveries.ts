/**
 * The store's `deliveries` section: the queue of events to hand to the agency's systems, and its log.
 *
 * Events are derived from what is stored, never written beside it: a scan reads the submissions and status moves
 * stored since its high-water mark and inserts one delivery per event and endpoint, under a deterministic event id
 * (`submission:<id>`, `status:<history id>`) with ON CONFLICT DO NOTHING. So a crash between storing and enqueuing
 * loses nothing (the next scan finds the row), and two instances scanning at once enqueue each event once.
 * A worker claims due deliveries with a lease (`locked_until`): exactly one worker holds a delivery until it
 * records the attempt or the lease runs out (a killed instance's deliveries go to another).
 */
import type { SummaryRow } from './rows.js';
import { entryOf, type EntryRow } from './status-rows.js';

export type DeliveryState = 'pending' | 'delivered' | 'parked';
export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'delivered', 'parked'];

export type EventType = 'submission.created' | 'submission.resubmitted' | 'status.changed';

/** What a delivery's body says (its JSON): the event. Stable across attempts, so the signature covers the same bytes. */
export interface DeliveryEvent {
  /** The event id: the receiver's key for de-duplication (at least once means sometimes twice). */
  readonly id: string;
  readonly type: EventType;
  readonly formId: string;
  readonly formVersion: string;
  readonly receipt: string;
  readonly submissionId: string;
  /** When it happened (ISO 8601): the submission's time, or the move's. */
  readonly occurredAt: string;
  /** A resubmission's: the submission it corrects. */
  readonly corrects?: string;
  /** The answers (submission events), or the move (`{ status, by, who?, note?, reopen? }`). */
  readonly data?: unknown;
}

/** A delivery as a worker holds it: what to send where, and the lease that lets it record the outcome. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly eventId: string;
  readonly endpoint: string;
  readonly body: string;
  /** Attempts made before this one (in the current round: a replay starts a new one). */
  readonly attempts: number;
  readonly lease: string;
}

/** One attempt, as the log keeps it. */
export interface DeliveryAttempt {
  readonly at: string;
  /** The endpoint's HTTP status, when it answered. */
  readonly status?: number;
  /** Why it failed: the status, a network error, a refused destination. */
  readonly error?: string;
  readonly ms: number;
}

/** A delivery in the log (without its body: it holds a citizen's answers). */
export interface DeliveryRecord {
  readonly id: string;
  readonly eventId: string;
  readonly endpoint: string;
  readonly type: EventType;
  readonly formId: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  /** When it is next tried (pending ones). */
  readonly nextAt?: string;
  readonly lastError?: string;
  readonly createdAt: string;
  readonly deliveredAt?: string;
  /** Its latest attempts, newest first (at most `ATTEMPTS_SHOWN`). */
  readonly log: readonly DeliveryAttempt[];
}

/** What an attempt leads to: delivered, tried again at `nextAt`, or parked (retries spent). */
export type AttemptOutcome = { readonly state: 'delivered' } | { readonly state: 'pending'; readonly nextAt: Date } | { readonly state: 'parked' };

export interface DeliveryListQuery {
  readonly state?: DeliveryState;
  /** Older than this cursor (a page's `next`). */
  readonly before?: number;
  /** At most this many, newest first (50 by default, `MAX_DELIVERY_PAGE` at most). */
  readonly limit?: number;
}

export interface DeliveryStore {
  /**
   * Turns what was stored since the last scan into pending deliveries, one per event and endpoint `endpointsFor`
   * names for its form (none: nothing to deliver), at most `limit` source rows; returns how many were enqueued.
   */
  enqueue(endpointsFor: (formId: string) => readonly string[], now: Date, limit?: number): Promise<number>;
  /**
   * Leases up to `limit` deliveries due at `now` for these endpoints, for `leaseMs`: no other claim gets them until
   * the lease runs out (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: one `BEGIN IMMEDIATE` transaction).
   */
  claim(endpoints: readonly string[], now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
  /**
   * Logs an attempt and moves the delivery on. `false` when the lease was lost meanwhile (it ran out and another
   * worker took the delivery): the attempt is logged, the state left to the lease's holder.
   */
  record(delivery: ClaimedDelivery, attempt: DeliveryAttempt, outcome: AttemptOutcome, now: Date): Promise<boolean>;
  /** The log, newest first, a page at a time; `next` is the cursor of the following page. */
  list(query?: DeliveryListQuery): Promise<{ deliveries: DeliveryRecord[]; next?: number }>;
  /**
   * Sends a parked or delivered delivery again, now, same event id, with a full schedule of retries: the record,
   * `pending` when it is queued already (nothing changed), or undefined when there is none.
   */
  replay(id: string, now: Date): Promise<DeliveryRecord | 'pending' | undefined>;
}

export const MAX_DELIVERY_PAGE = 100;
export const ATTEMPTS_SHOWN = 20;
export const pageSize = (query: DeliveryListQuery) => Math.min(MAX_DELIVERY_PAGE, Math.max(1, Math.floor(query.limit ?? 50)));

/** The sources a scan reads, each with its own high-water mark (`delivery_marks`). */
export const SOURCES = { submissions: 'submissions', status: 'status_history' } as const;

/** A submission row as a scan reads it (both dialects). */
export interface SubmissionEventRow extends SummaryRow {
  seq: number | string;
  data: unknown;
}

/** A status move as a scan reads it (`reopen` parsed), with its application's first submission. */
export interface StatusEventRow extends EntryRow<string[]> {
  seq: number | string;
  form_id: string;
  submission_id: string;
  form_version: string;
  receipt: string;
}

const iso = (time: string | Date) => (typeof time === 'string' ? time : time.toISOString());

/** A stored submission's event: created, or resubmitted when it corrects an earlier one. */
export function submissionEvent(row: SubmissionEventRow): DeliveryEvent {
  return {
    id: `submission:${row.id}`, type: row.corrects ? 'submission.resubmitted' : 'submission.created',
    formId: row.form_id, formVersion: row.form_version, receipt: row.receipt, submissionId: row.id, occurredAt: iso(row.submitted_at),
    ...(row.corrects ? { corrects: row.corrects } : {}), data: row.data,
  };
}

/** A status move's event: the entry of the application's history, as the back office sees it. */
export function statusEvent(row: StatusEventRow): DeliveryEvent {
  const { at, ...move } = entryOf(row, (steps) => steps);
  return {
    id: `status:${row.seq}`, type: 'status.changed', formId: row.form_id, formVersion: row.form_version, receipt: row.receipt,
    submissionId: row.submission_id, occurredAt: at, data: move,
  };
}

/** A delivery row of the log (both dialects), and its attempts. */
export interface DeliveryRow {
  seq: number | string;
  id: string;
  event_id: string;
  endpoint: string;
  type: EventType;
  form_id: string;
  state: DeliveryState;
  attempts: number;
  next_at: string | Date;
  last_error: string | null;
  created_at: string | Date;
  delivered_at: string | Date | null;
}
export interface AttemptRow {
  delivery_id: string;
  at: string | Date;
  status: number | null;
  error: string | null;
  ms: number;
}
export const DELIVERY_COLUMNS = 'seq, id, event_id, endpoint, type, form_id, state, attempts, next_at, last_error, created_at, delivered_at';

export const attemptOf = (row: AttemptRow): DeliveryAttempt => ({
  at: iso(row.at), ...(row.status !== null ? { status: row.status } : {}), ...(row.error !== null ? { error: row.error } : {}), ms: row.ms,
});

/** Rows to records, each with its latest attempts; and the next page's cursor. */
export function deliveryPage(rows: readonly DeliveryRow[], attempts: readonly AttemptRow[], limit: number): { deliveries: DeliveryRecord[]; next?: number } {
  const logs = new Map<string, DeliveryAttempt[]>();
  for (const row of attempts) {
    const log = logs.get(row.delivery_id) ?? [];
    if (log.length < ATTEMPTS_SHOWN) log.push(attemptOf(row));
    logs.set(row.delivery_id, log);
  }
  const deliveries = rows.slice(0, limit).map((row) => ({
    id: row.id, eventId: row.event_id, endpoint: row.endpoint, type: row.type, formId: row.form_id, state: row.state, attempts: row.attempts,
    ...(row.state === 'pending' ? { nextAt: iso(row.next_at) } : {}), ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    createdAt: iso(row.created_at), ...(row.delivered_at !== null ? { deliveredAt: iso(row.delivered_at) } : {}), log: logs.get(row.id) ?? [],
  }));
  return rows.length > limit ? { deliveries, next: Number(rows[limit - 1]!.seq) } : { deliveries };
}
