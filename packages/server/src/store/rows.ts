/** What both stores share: rows to records, receipt numbers, upload tokens, and how a used key is answered. */
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { StoredSubmission, StoreOutcome, SubmissionSummary, VerifiedAnswer } from './interface.js';

/** A submission row's columns without its data (the same names in both dialects). */
export interface SummaryRow {
  id: string;
  form_id: string;
  form_version: string;
  receipt: string;
  /** Text in SQLite, a timestamp in PostgreSQL. */
  submitted_at: string | Date;
  corrects: string | null;
}
export interface Row<Json> extends SummaryRow {
  request_hash: string | null;
  data: Json;
  verified: Json | null;
}
export const SUMMARY_COLUMNS = 'id, form_id, form_version, receipt, submitted_at, corrects';

export const summaryOf = (row: SummaryRow): SubmissionSummary => ({
  id: row.id, formId: row.form_id, formVersion: row.form_version, receipt: row.receipt,
  submittedAt: typeof row.submitted_at === 'string' ? row.submitted_at : row.submitted_at.toISOString(),
  ...(row.corrects ? { corrects: row.corrects } : {}),
});

/** A row whose JSON columns are already parsed (PostgreSQL) or parsed by `parse` (SQLite's text). */
export function submissionOf<Json>(row: Row<Json>, parse: (json: Json) => unknown): StoredSubmission {
  return { ...summaryOf(row), data: parse(row.data), ...(row.verified ? { verified: parse(row.verified) as VerifiedAnswer[] } : {}) };
}

/**
 * The answer to a submission whose key holds a row already: that row for the same request, else `reused` (its
 * fingerprint differs, or it corrects another submission or none). A row kept without a fingerprint (older) is
 * answered for any body, as before fingerprints were kept.
 */
export function answerUsedKey<Json>(row: Row<Json>, hash: string | undefined, corrects: string | undefined, parse: (json: Json) => unknown): StoreOutcome {
  if (hash !== undefined && row.request_hash !== null && row.request_hash !== hash) return { reused: true };
  if (row.corrects !== (corrects ?? null)) return { reused: true };
  return { submission: submissionOf(row, parse), created: false };
}

/** Crockford base32 without I, L, O, U: unambiguous when read aloud at a counter. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The date in Taipei as YYYY-MM-DD; made once (a new Intl.DateTimeFormat per receipt was a fifth of a submission's time on the server's thread). */
const TAIPEI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A receipt number such as `RS-20261122-7K3Q9X`: form initials, date (Taipei time), 6 random characters. */
export function newReceipt(formId: string, now: Date): string {
  const initials = formId.split('-').map((w) => w[0]!.toUpperCase()).join('').slice(0, 4);
  const date = TAIPEI_DATE.format(now).replace(/-/g, '');
  const random = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${initials}-${date}-${random}`;
}

/** A new submission's record: a random id and a fresh receipt number (drawn again if it was drawn before). */
export function newSubmission(formId: string, formVersion: string, data: unknown, now: Date, corrects: string | undefined, verified: readonly VerifiedAnswer[] | undefined): StoredSubmission {
  return { id: randomUUID(), formId, formVersion, receipt: newReceipt(formId, now), submittedAt: now.toISOString(), ...(corrects ? { corrects } : {}), data, ...(verified?.length ? { verified } : {}) };
}

/** How many times a receipt number drawn twice (1 in a billion a day) is drawn again. */
export const RECEIPT_ATTEMPTS = 4;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether `token` hashes to `expected` (hex), compared in constant time. */
export function tokenMatches(expected: string | null | undefined, token: string): boolean {
  if (!expected) return false;
  const want = Buffer.from(expected, 'hex');
  const given = Buffer.from(hashToken(token), 'hex');
  return want.length === given.length && timingSafeEqual(want, given);
}
