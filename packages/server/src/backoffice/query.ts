/** The back office's query parameters, checked strictly: a mistake is a 400 that names it, never a guess. */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http.js';
import type { ListQuery } from '../store/index.js';

const bad = (message: string) => new HttpError(400, { error: 'bad_query', message });
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUS = /^[a-z0-9_-]{1,64}$/;
const RECEIPT = /^[A-Za-z0-9-]{1,40}$/;

export const paramsOf = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://localhost').searchParams;

/** Only the parameters a route knows, each at most once. */
export function onlyKnown(params: URLSearchParams, known: readonly string[]): void {
  for (const name of new Set(params.keys())) {
    if (!known.includes(name)) throw bad(`Unknown parameter ${name.slice(0, 40)}; known: ${known.join(', ')}`);
    if (params.getAll(name).length > 1) throw bad(`${name} is given more than once`);
  }
}

/**
 * A date or a time, as an ISO instant: `from=2026-12-01` is that day's start in Taipei and `to=2026-12-01` its end
 * (a day given as `to` is included), or a full ISO 8601 time with its offset (`to` then excluded).
 */
export function instantOf(name: string, text: string | null, nextDay = false): string | undefined {
  if (text === null) return undefined;
  const time = DAY.test(text) ? Date.parse(`${text}T00:00:00+08:00`) + (nextDay ? 86_400_000 : 0) : /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) throw bad(`${name} must be a date (2026-12-01) or an ISO 8601 time with its offset`);
  return new Date(time).toISOString();
}

/** A whole number from 1 to `max`, `fallback` when absent. */
export function limitOf(text: string | null, fallback: number, max: number): number {
  if (text === null) return fallback;
  const n = Number(text);
  if (!/^\d{1,6}$/.test(text) || n < 1 || n > max) throw bad(`limit must be a whole number from 1 to ${max}`);
  return n;
}

/** A page's end, handed back to fetch the next: opaque to the caller. */
export const cursorOf = (after: { submittedAt: string; submissionId: string }) => Buffer.from(JSON.stringify([after.submittedAt, after.submissionId])).toString('base64url');

export function afterOf(text: string | null): ListQuery['after'] {
  if (text === null) return undefined;
  try {
    const [submittedAt, submissionId] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof submittedAt === 'string' && typeof submissionId === 'string' && !Number.isNaN(Date.parse(submittedAt)) && /^[0-9a-f-]{36}$/.test(submissionId)) return { submittedAt, submissionId };
  } catch {
    // Reported below.
  }
  throw bad('cursor is not one this server handed out');
}

/** The filters of a list or an export: status, a date range (from inclusive, to exclusive). */
export function filtersOf(params: URLSearchParams): Pick<ListQuery, 'status' | 'from' | 'to'> {
  const status = params.get('status');
  if (status !== null && !STATUS.test(status)) throw bad('status must name a status (a-z, 0-9, _ and -)');
  const from = instantOf('from', params.get('from'));
  const to = instantOf('to', params.get('to'), true);
  return { ...(status ? { status } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** A receipt number to find, upper case. */
export function receiptOf(params: URLSearchParams): string | undefined {
  const receipt = params.get('receipt');
  if (receipt === null) return undefined;
  if (!RECEIPT.test(receipt.trim())) throw bad('receipt must be a receipt number (RS-20261122-7K3Q9X)');
  return receipt.trim().toUpperCase();
}
