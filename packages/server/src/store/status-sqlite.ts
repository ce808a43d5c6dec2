/** The `status` section on SQLite: a move is read and written inside `BEGIN IMMEDIATE`, so moves go one at a time. */
import type Database from 'better-sqlite3';
import { canMove, type StatusFlow } from '../status/flow.js';
import type { SubmissionSummary } from './interface.js';
import { SUMMARY_COLUMNS, summaryOf, type SummaryRow } from './rows.js';
import { listLimit, type ApplicationRow, type ListQuery, type MoveOutcome, type MoveRequest, type StatusEntry, type StatusStore } from './status.js';
import { entryFor, entryOf, firstEntry, type EntryRow } from './status-rows.js';

export class SqliteStatusStore implements StatusStore {
  private readonly sql;
  private readonly moving: Database.Transaction<(formId: string, submissionId: string, request: MoveRequest, flow: StatusFlow) => MoveOutcome>;

  constructor(private readonly db: Database.Database) {
    this.sql = {
      submission: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE form_id = ? AND id = ?`),
      byReceipt: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE receipt = ?`),
      history: db.prepare('SELECT status, at, moved_by, who, note, reopen FROM status_history WHERE form_id = ? AND submission_id = ? ORDER BY id'),
      current: db.prepare('SELECT status FROM status_current WHERE form_id = ? AND submission_id = ?'),
      insert: db.prepare('INSERT INTO status_history (form_id, submission_id, status, at, moved_by, who, note, reopen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      setCurrent: db.prepare(
        `INSERT INTO status_current (form_id, submission_id, status, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (form_id, submission_id) DO UPDATE SET status = excluded.status, at = excluded.at`,
      ),
    };
    this.moving = db.transaction((formId, submissionId, request, flow) => {
      const submission = this.sql.submission.get(formId, submissionId) as SummaryRow | undefined;
      if (!submission || submission.corrects) return { refused: 'not_found' };
      const current = (this.sql.current.get(formId, submissionId) as { status: string } | undefined)?.status ?? flow.initial;
      if (!canMove(flow, current, request.to, request.by)) return { refused: 'not_allowed', current };
      const entry = entryFor(request);
      this.sql.insert.run(formId, submissionId, entry.status, entry.at, entry.by, entry.who ?? null, entry.note ?? null, entry.reopen ? JSON.stringify(entry.reopen) : null);
      this.sql.setCurrent.run(formId, submissionId, entry.status, entry.at);
      return { entry };
    });
  }

  async history(formId: string, submissionId: string, initial = 'submitted'): Promise<StatusEntry[]> {
    const submission = this.sql.submission.get(formId, submissionId) as SummaryRow | undefined;
    if (!submission || submission.corrects) return [];
    const rows = this.sql.history.all(formId, submissionId) as EntryRow<string>[];
    return [firstEntry(summaryOf(submission), initial), ...rows.map((row) => entryOf(row, (text) => JSON.parse(text) as string[]))];
  }

  async current(formId: string, submissionId: string, initial = 'submitted'): Promise<string | undefined> {
    const submission = this.sql.submission.get(formId, submissionId) as SummaryRow | undefined;
    if (!submission || submission.corrects) return undefined;
    return (this.sql.current.get(formId, submissionId) as { status: string } | undefined)?.status ?? initial;
  }

  async move(formId: string, submissionId: string, request: MoveRequest, flow: StatusFlow): Promise<MoveOutcome> {
    return this.moving.immediate(formId, submissionId, request, flow);
  }

  async list(formId: string, query: ListQuery = {}, initial = 'submitted'): Promise<ApplicationRow[]> {
    const where = ['s.form_id = ?', 's.corrects IS NULL'];
    const params: unknown[] = [initial, formId];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (query.status !== undefined) add('COALESCE(c.status, ?) = ?', initial, query.status);
    if (query.from !== undefined) add('s.submitted_at >= ?', query.from);
    if (query.to !== undefined) add('s.submitted_at < ?', query.to);
    if (query.after) add('(s.submitted_at, s.id) > (?, ?)', query.after.submittedAt, query.after.submissionId);
    const rows = this.db
      .prepare(
        `SELECT s.id AS submissionId, s.receipt, s.submitted_at AS submittedAt, COALESCE(c.status, ?) AS status, COALESCE(c.at, s.submitted_at) AS changedAt
         FROM submissions s LEFT JOIN status_current c ON c.form_id = s.form_id AND c.submission_id = s.id
         WHERE ${where.join(' AND ')} ORDER BY s.submitted_at, s.id LIMIT ${listLimit(query)}`,
      )
      .all(...params) as ApplicationRow[];
    return rows;
  }

  async byReceipt(receipt: string): Promise<SubmissionSummary | undefined> {
    const row = this.sql.byReceipt.get(receipt) as SummaryRow | undefined;
    return row ? summaryOf(row) : undefined;
  }
}
