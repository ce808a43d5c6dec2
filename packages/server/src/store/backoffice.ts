/**
 * The back office's section of the store: caseworkers' API tokens (stored hashed, as backoffice/tokens.ts makes
 * them), the access log (append-only: who, what, when, outcome) and the files an application took (the list of
 * applications is the status section's `list`).
 */
import type { StoredToken } from '../backoffice/tokens.js';
import type { StoredAttachment } from './interface.js';

/** What became of a request the back office was asked. */
export type AccessOutcome = 'allowed' | 'unauthorized' | 'forbidden';

/** One line of the access log. */
export interface AccessEntry {
  readonly at: string;
  /** Who: the token's id and holder, when the request named a token that exists. */
  readonly tokenId?: string;
  readonly holder?: string;
  /** What: the method, the path (never its query) and the form and record it names. */
  readonly method: string;
  readonly path: string;
  readonly formId?: string;
  readonly recordId?: string;
  /** The scope the request needed. */
  readonly scope: string;
  readonly outcome: AccessOutcome;
  /** Why it was refused: `missing`, `invalid`, `revoked`, `expired`, `scope`, `form`. */
  readonly reason?: string;
}

/** A line as kept, numbered in the order written. */
export interface LoggedAccess extends AccessEntry {
  readonly seq: number;
}

export interface BackofficeStore {
  saveToken(token: StoredToken): Promise<void>;
  token(id: string): Promise<StoredToken | undefined>;
  /** Every token, newest first (hashes included: the caller shows none). */
  tokens(): Promise<StoredToken[]>;
  revokeToken(id: string, at: Date): Promise<'revoked' | 'already' | 'missing'>;

  /** Appends a line; lines are never changed or removed (the database refuses it). */
  logAccess(entry: AccessEntry): Promise<void>;
  /** The latest lines, newest first, before `before` (a seq) when given. */
  accessLog(options: { readonly limit: number; readonly before?: number }): Promise<LoggedAccess[]>;

  /** The files the given submissions took. */
  files(formId: string, submissionIds: readonly string[]): Promise<(StoredAttachment & { readonly submissionId: string })[]>;
  /** Which submission took a file: its id, `null` while unclaimed, `undefined` for no such file. */
  claimOf(formId: string, attachmentId: string): Promise<string | null | undefined>;
}
