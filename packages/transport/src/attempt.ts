/**
 * One attempt at sending a submission, or at asking whether an earlier one was stored, with the answer sorted
 * into what the sender should do next. No retries here: the submitter and the outbox decide when to try again.
 */
import type { Data, FieldError, Receipt } from '@formosa/engine';
import { deadline, fetcherOf } from './fetching.js';
import type { Reopens } from './outbox.js';

/**
 * What one attempt came to:
 * - `stored`: the agency holds the submission (now or from an earlier attempt under the same key);
 * - `rejected`: 422 with field errors, nothing stored;
 * - `refused`: another 4xx (413 too large, 415, 400…): nothing stored, and the same request will never pass;
 * - `later`: try again (`afterMs` when the agency said when); `reached` when the attempt may have been stored
 *   (a dropped connection, a time-out or a 5xx after the request left), so its outcome must be known before
 *   its answers may change.
 */
export type AttemptOutcome =
  | { readonly outcome: 'stored'; readonly receipt: Receipt & { readonly corrects?: { readonly id: string; readonly receipt: string } } }
  | { readonly outcome: 'rejected'; readonly errors: readonly FieldError[] }
  | { readonly outcome: 'refused'; readonly status: number; readonly code?: string }
  | { readonly outcome: 'later'; readonly reached: boolean; readonly status?: number; readonly afterMs?: number; readonly message: string };

export interface AttemptRequest {
  readonly endpoint: string;
  readonly data: Data;
  readonly idempotencyKey: string;
  /** The Idempotency-Key of a stored submission that this one corrects (see docs/offline.md). */
  readonly corrects?: string;
  /** The seal of the answers MyData verified (`Formosa-MyData`), as the agency's server handed it out. */
  readonly seal?: string;
  /** The reopened application this one updates (`Formosa-Reopens` and `Formosa-Receipt-Secret`). */
  readonly reopens?: Reopens;
  readonly signal?: AbortSignal;
}

export interface AttemptOptions {
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Give up an attempt after this many ms (default 30 000). */
  readonly timeout?: number;
  /** Extra request headers, e.g. a CSRF token. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** `Retry-After` in ms (seconds or an HTTP date), when present and sane. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), 3600) * 1000 : undefined;
}

async function post(doFetch: typeof fetch, url: string, request: AttemptRequest, options: AttemptOptions): Promise<Response | { error: string }> {
  try {
    return await doFetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json', accept: 'application/json', 'idempotency-key': request.idempotencyKey,
        ...(request.corrects ? { 'formosa-corrects': request.corrects } : {}), ...(request.seal ? { 'formosa-mydata': request.seal } : {}),
        ...(request.reopens ? { 'formosa-reopens': request.reopens.receipt, 'formosa-receipt-secret': request.reopens.secret } : {}), ...options.headers,
      },
      body: JSON.stringify(request.data),
      signal: deadline(options.timeout ?? 30_000, request.signal),
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Sends a submission once.
 * @example
 * const attempt = createAttempt();
 * const result = await attempt({ endpoint: '/api/forms/rent-subsidy/submissions', data, idempotencyKey });
 * if (result.outcome === 'stored') show(result.receipt);
 */
export function createAttempt(options: AttemptOptions = {}): (request: AttemptRequest) => Promise<AttemptOutcome> {
  const doFetch = fetcherOf(options.fetch);
  return async (request) => {
    const response = await post(doFetch, request.endpoint, request, options);
    if ('error' in response) return { outcome: 'later', reached: true, message: response.error };
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (response.ok && body && typeof body['receipt'] === 'string') return { outcome: 'stored', receipt: body as unknown as Receipt };
    if (response.status === 422 && Array.isArray(body?.['errors'])) return { outcome: 'rejected', errors: body['errors'] as FieldError[] };
    // 409: an attempt under this key is still being processed (it may well be stored), unless the agency says the
    // application it updates is no longer reopened (nothing stored, and never will be); 429: nothing was processed.
    if ((response.status === 409 && body?.['error'] !== 'not_reopened') || response.status === 429 || response.status >= 500) {
      const afterMs = retryAfter(response);
      return { outcome: 'later', reached: response.status !== 429, status: response.status, ...(afterMs !== undefined ? { afterMs } : {}), message: `The service answered ${response.status}` };
    }
    const code = typeof body?.['error'] === 'string' ? body['error'] : undefined;
    return { outcome: 'refused', status: response.status, ...(code ? { code } : {}) };
  };
}

/**
 * Whether a submission sent earlier under `idempotencyKey` with exactly `data` was stored. The agency answers
 * only to whoever holds the body, never to the key alone. `unknown` when it could not be asked (offline, 5xx),
 * or while an attempt under the key is still being processed.
 */
export type LookupOutcome = { readonly stored: Receipt } | { readonly stored: false } | { readonly unknown: true; readonly afterMs?: number };

/**
 * @example
 * const lookup = createLookup();
 * const outcome = await lookup({ endpoint, data: frozenBody, idempotencyKey });
 */
export function createLookup(options: AttemptOptions = {}): (request: AttemptRequest) => Promise<LookupOutcome> {
  const doFetch = fetcherOf(options.fetch);
  return async (request) => {
    const response = await post(doFetch, `${request.endpoint.replace(/\/$/, '')}/lookup`, request, options);
    if ('error' in response) return { unknown: true };
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (response.status === 200 && body && typeof body['receipt'] === 'string') return { stored: body as unknown as Receipt };
    if (response.status === 404 && body?.['error'] === 'not_stored') return { stored: false };
    const afterMs = retryAfter(response);
    return { unknown: true, ...(afterMs !== undefined ? { afterMs } : {}) };
  };
}
