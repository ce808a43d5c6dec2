/**
 * The store's `status` section: each application's history of statuses (who moved it where, when, with what note),
 * its current status, and the move itself, checked against the form's flow and written in one transaction.
 * An application is its first submission: corrections and resubmissions (`corrects`) share its history.
 */
import type { Actor, StatusFlow } from '../status/flow.js';
import type { SubmissionSummary } from './interface.js';

/** Who moved an application: a caseworker, the citizen (a resubmission), or the system (the submission itself). */
export type Mover = Actor | 'system';

/** One entry of an application's history. The first, `flow.initial` by `system`, is the submission itself. */
export interface StatusEntry {
  readonly status: string;
  /** ISO 8601 time. */
  readonly at: string;
  readonly by: Mover;
  /** Which caseworker (a token id and its holder), or the version the citizen sent. */
  readonly who?: string;
  readonly note?: string;
  /** The steps a status that reopens gives back to the citizen. */
  readonly reopen?: readonly string[];
}

/** A move asked for: to which status, by whom, with an optional note and the steps it reopens. */
export interface MoveRequest {
  readonly to: string;
  readonly by: Actor;
  readonly who?: string;
  readonly note?: string;
  readonly reopen?: readonly string[];
  readonly now?: Date;
}

/** The new entry, or the refusal (the flow does not allow it from the current status, or no such application). */
export type MoveOutcome = { entry: StatusEntry } | { refused: 'not_allowed'; current: string } | { refused: 'not_found' };

/** One application in a list: its first submission and its current status. */
export interface ApplicationRow {
  readonly submissionId: string;
  readonly receipt: string;
  readonly submittedAt: string;
  readonly status: string;
  /** When the status last changed (the submission's time while it has its initial status). */
  readonly changedAt: string;
}

export interface ListQuery {
  readonly status?: string;
  /** Submitted at or after (ISO 8601). */
  readonly from?: string;
  /** Submitted before (ISO 8601). */
  readonly to?: string;
  /** At most this many (100 by default, 1,000 at most), oldest first, after the row `after` names. */
  readonly limit?: number;
  readonly after?: { readonly submittedAt: string; readonly submissionId: string };
}

export interface StatusStore {
  /** The history of the application whose first submission is `submissionId`, oldest first; empty when there is none. */
  history(formId: string, submissionId: string, initial?: string): Promise<StatusEntry[]>;
  /** Its current status (`initial`, 'submitted' by default, until a move), or undefined when there is no such application. */
  current(formId: string, submissionId: string, initial?: string): Promise<string | undefined>;
  /**
   * Moves the application if `flow` allows `by` to move it from its current status to `to`: checked and written in
   * one transaction holding the application's row (PostgreSQL: `SELECT … FOR UPDATE`; SQLite: `BEGIN IMMEDIATE`), so
   * of two moves at once, one wins and the other is refused with the status the first left.
   */
  move(formId: string, submissionId: string, request: MoveRequest, flow: StatusFlow): Promise<MoveOutcome>;
  /** The applications of a form (first submissions only), by current status and submission time. */
  list(formId: string, query?: ListQuery, initial?: string): Promise<ApplicationRow[]>;
  /** The submission a receipt number names (receipts are unique across forms), whichever version it is. */
  byReceipt(receipt: string): Promise<SubmissionSummary | undefined>;
}

/** The largest page `list` returns. */
export const MAX_LIST = 1000;
export const listLimit = (query: ListQuery) => Math.min(MAX_LIST, Math.max(1, Math.floor(query.limit ?? 100)));
