/** The submission client: POSTs with an Idempotency-Key, retries what is safe to retry, and reports failures as data. */
import { SubmissionError, type Data, type FieldError, type Receipt } from '@formosa/engine';
import { deadline, fetcherOf } from './fetching.js';

export interface SubmitterOptions {
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Attempts after the first one, for dropped connections, timeouts, 409 (still in flight), 429 and 5xx (default 3). */
  readonly retries?: number;
  /** First back-off delay in ms, doubled each time, with ±25% jitter (default 500). */
  readonly backoff?: number;
  /** Give up an attempt after this many ms (default 30 000). */
  readonly timeout?: number;
  /** Extra request headers, e.g. a CSRF token. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface SubmitRequest {
  readonly endpoint: string;
  readonly data: Data;
  readonly idempotencyKey: string;
  readonly signal?: AbortSignal;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/**
 * Creates a function that submits data and resolves with the receipt. Because every attempt carries the same
 * Idempotency-Key, a retry after a lost response returns the original receipt instead of creating a second record.
 * @example
 * const submit = createSubmitter({ retries: 3 });
 * const receipt = await submit({ endpoint: '/api/forms/rent-subsidy/submissions', data, idempotencyKey });
 */
export function createSubmitter(options: SubmitterOptions = {}): (request: SubmitRequest) => Promise<Receipt> {
  const doFetch = fetcherOf(options.fetch);
  const retries = options.retries ?? 3;
  const backoff = options.backoff ?? 500;
  const timeout = options.timeout ?? 30_000;

  return async ({ endpoint, data, idempotencyKey, signal }) => {
    let last: SubmissionError | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(backoff * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5), signal);
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': idempotencyKey, ...options.headers },
          body: JSON.stringify(data),
          signal: deadline(timeout, signal),
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        last = new SubmissionError('network', error instanceof Error ? error.message : String(error));
        continue;
      }
      const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
      if (response.ok && body && typeof body['receipt'] === 'string') return body as unknown as Receipt;
      if (response.status === 422) {
        const errors = Array.isArray(body?.['errors']) ? (body['errors'] as FieldError[]) : [];
        throw new SubmissionError('rejected', `The service rejected ${errors.length} answer(s)`, errors, 422);
      }
      last = new SubmissionError('server', `The service answered ${response.status}`, [], response.status);
      // 409: an earlier attempt under this key is still being processed; asking again soon gets its receipt.
      if (response.status !== 429 && response.status !== 409 && response.status < 500) throw last;
    }
    throw last!;
  };
}
