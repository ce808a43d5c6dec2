/**
 * The `status` section on PostgreSQL: a move holds the application's submission row (`SELECT … FOR UPDATE`) while it
 * reads the current status and writes the new one, so two instances moving one application at once go one after
 * the other, and the second is checked against what the first left.
 */
import type pg from 'pg';
import { canMove, type StatusFlow } from '../status/flow.js';
import type { SubmissionSummary } from './interface.js';
import { SUMMARY_COLUMNS, summaryOf, type SummaryRow } from './rows.js';
import { listLimit, type ApplicationRow, type ListQuery, type MoveOutcome, type MoveRequest, type StatusEntry, type StatusStore } from './status.js';
import { entryFor, entryOf, firstEntry, type EntryRow } from './status-rows.js';
import { inTransaction } from './pg-transaction.js';

const asText = (at: string | Date) => (typeof at === 'string' ? at : at.toISOString());

export class PostgresStatusStore implements StatusStore {
  constructor(private readonly pool: pg.Pool) {}

  private async application(formId: string, submissionId: string, client: pg.Pool | pg.PoolClient = this.pool, lock = ''): Promise<SummaryRow | undefined> {
    const row = (await client.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = $1 AND id = $2 ${lock}`, [formId, submissionId])).rows[0];
    return row && !row.corrects ? row : undefined;
  }

  async history(formId: string, submissionId: string, initial = 'submitted'): Promise<StatusEntry[]> {
    const submission = await this.application(formId, submissionId);
    if (!submission) return [];
    const { rows } = await this.pool.query<EntryRow<string[]>>('SELECT status, at, moved_by, who, note, reopen FROM status_history WHERE form_id = $1 AND submission_id = $2 ORDER BY id', [formId, submissionId]);
    return [firstEntry(summaryOf(submission), initial), ...rows.map((row) => entryOf(row, (list) => list))];
  }

  async current(formId: string, submissionId: string, initial = 'submitted'): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ corrects: string | null; status: string | null }>(
      `SELECT s.corrects, c.status FROM submissions s LEFT JOIN status_current c ON c.form_id = s.form_id AND c.submission_id = s.id
       WHERE s.form_id = $1 AND s.id = $2`,
      [formId, submissionId],
    );
    const row = rows[0];
    return !row || row.corrects ? undefined : (row.status ?? initial);
  }

  async move(formId: string, submissionId: string, request: MoveRequest, flow: StatusFlow): Promise<MoveOutcome> {
    // A refused move wrote nothing: its commit only releases the row lock.
    return inTransaction(this.pool, (client) => this.moveIn(client, formId, submissionId, request, flow));
  }

  private async moveIn(client: pg.PoolClient, formId: string, submissionId: string, request: MoveRequest, flow: StatusFlow): Promise<MoveOutcome> {
    // The submission row is the application's lock: a second move waits here until the first commits.
    if (!(await this.application(formId, submissionId, client, 'FOR UPDATE'))) return { refused: 'not_found' };
    const found = await client.query<{ status: string }>('SELECT status FROM status_current WHERE form_id = $1 AND submission_id = $2', [formId, submissionId]);
    const current = found.rows[0]?.status ?? flow.initial;
    if (!canMove(flow, current, request.to, request.by)) return { refused: 'not_allowed', current };
    const entry = entryFor(request);
    await client.query('INSERT INTO status_history (form_id, submission_id, status, at, moved_by, who, note, reopen) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      formId, submissionId, entry.status, entry.at, entry.by, entry.who ?? null, entry.note ?? null, entry.reopen ? JSON.stringify(entry.reopen) : null,
    ]);
    await client.query(
      `INSERT INTO status_current (form_id, submission_id, status, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (form_id, submission_id) DO UPDATE SET status = excluded.status, at = excluded.at`,
      [formId, submissionId, entry.status, entry.at],
    );
    return { entry };
  }

  async list(formId: string, query: ListQuery = {}, initial = 'submitted'): Promise<ApplicationRow[]> {
    const params: unknown[] = [initial, formId];
    const where = ['s.form_id = $2', 's.corrects IS NULL'];
    const add = (clause: (n: number) => string, ...values: unknown[]) => {
      where.push(clause(params.length + 1));
      params.push(...values);
    };
    if (query.status !== undefined) add((n) => `COALESCE(c.status, $1) = $${n}`, query.status);
    if (query.from !== undefined) add((n) => `s.submitted_at >= $${n}`, query.from);
    if (query.to !== undefined) add((n) => `s.submitted_at < $${n}`, query.to);
    if (query.after) add((n) => `(s.submitted_at, s.id) > ($${n}, $${n + 1})`, query.after.submittedAt, query.after.submissionId);
    const { rows } = await this.pool.query<{ submissionId: string; receipt: string; submittedAt: Date; status: string; changedAt: Date }>(
      `SELECT s.id AS "submissionId", s.receipt, s.submitted_at AS "submittedAt", COALESCE(c.status, $1) AS status, COALESCE(c.at, s.submitted_at) AS "changedAt"
       FROM submissions s LEFT JOIN status_current c ON c.form_id = s.form_id AND c.submission_id = s.id
       WHERE ${where.join(' AND ')} ORDER BY s.submitted_at, s.id LIMIT ${listLimit(query)}`,
      params,
    );
    return rows.map((row) => ({ ...row, submittedAt: asText(row.submittedAt), changedAt: asText(row.changedAt) }));
  }

  async byReceipt(receipt: string): Promise<SubmissionSummary | undefined> {
    const row = (await this.pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE receipt = $1`, [receipt])).rows[0];
    return row ? summaryOf(row) : undefined;
  }
}
