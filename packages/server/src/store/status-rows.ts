/** What both status stores share: a history row as an entry, and the implicit first entry (the submission itself). */
import type { SubmissionSummary } from './interface.js';
import type { MoveRequest, Mover, StatusEntry } from './status.js';

export interface EntryRow<Json> {
  status: string;
  /** Text in SQLite, a timestamp in PostgreSQL. */
  at: string | Date;
  moved_by: string;
  who: string | null;
  note: string | null;
  reopen: Json | null;
}

export const entryOf = <Json>(row: EntryRow<Json>, parse: (json: Json) => string[]): StatusEntry => ({
  status: row.status,
  at: typeof row.at === 'string' ? row.at : row.at.toISOString(),
  by: row.moved_by as Mover,
  ...(row.who !== null ? { who: row.who } : {}),
  ...(row.note !== null ? { note: row.note } : {}),
  ...(row.reopen !== null ? { reopen: parse(row.reopen) } : {}),
});

/** Nothing is written when a submission is stored: its history begins with it. */
export const firstEntry = (submission: SubmissionSummary, initial: string): StatusEntry => ({ status: initial, at: submission.submittedAt, by: 'system' });

/** The entry a move allowed writes. */
export const entryFor = (request: MoveRequest): StatusEntry => ({
  status: request.to,
  at: (request.now ?? new Date()).toISOString(),
  by: request.by,
  ...(request.who ? { who: request.who } : {}),
  ...(request.note ? { note: request.note } : {}),
  ...(request.reopen?.length ? { reopen: [...request.reopen] } : {}),
});
