/** Rows of the back office's tables to records, the same in both dialects. */
import type { Scope, StoredToken } from '../backoffice/tokens.js';
import type { AccessEntry, LoggedAccess } from './backoffice.js';

/** Text in SQLite, a timestamp in PostgreSQL. */
type Time = string | Date;
const iso = (time: Time) => (typeof time === 'string' ? time : time.toISOString());

export interface TokenRow {
  id: string;
  hash: string;
  holder: string;
  /** JSON arrays, as text in SQLite (parsed already by pg). */
  scopes: string | Scope[];
  forms: string | string[];
  created_at: Time;
  expires_at: Time | null;
  revoked_at: Time | null;
}

const list = <T>(value: string | T[]): T[] => (typeof value === 'string' ? (JSON.parse(value) as T[]) : value);

export const tokenOf = (row: TokenRow): StoredToken => ({
  id: row.id, hash: row.hash, holder: row.holder, scopes: list(row.scopes), forms: list(row.forms), createdAt: iso(row.created_at),
  ...(row.expires_at ? { expiresAt: iso(row.expires_at) } : {}), ...(row.revoked_at ? { revokedAt: iso(row.revoked_at) } : {}),
});

export interface AccessRow {
  seq: number | string;
  at: Time;
  token_id: string | null;
  holder: string | null;
  method: string;
  path: string;
  form_id: string | null;
  record_id: string | null;
  scope: string;
  outcome: AccessEntry['outcome'];
  reason: string | null;
}

export const accessOf = (row: AccessRow): LoggedAccess => ({
  seq: Number(row.seq), at: iso(row.at), method: row.method, path: row.path, scope: row.scope, outcome: row.outcome,
  ...(row.token_id ? { tokenId: row.token_id } : {}), ...(row.holder ? { holder: row.holder } : {}),
  ...(row.form_id ? { formId: row.form_id } : {}), ...(row.record_id ? { recordId: row.record_id } : {}), ...(row.reason ? { reason: row.reason } : {}),
});

/** The columns of an access-log line, in the order both dialects insert them. */
export const accessValues = (e: AccessEntry) => [e.at, e.tokenId ?? null, e.holder ?? null, e.method, e.path, e.formId ?? null, e.recordId ?? null, e.scope, e.outcome, e.reason ?? null];

/** The most a page of applications or of the access log holds, whatever is asked. */
export const MAX_PAGE = 500;
export const pageSize = (limit: number) => Math.max(1, Math.min(MAX_PAGE, Math.floor(limit) || 1));
