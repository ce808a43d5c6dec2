/** The submission client: POSTs with an Idempotency-Key, retries what is safe to retry, and reports failures as data. */
import { SubmissionError, type Data, type Receipt } from '@formosa/engine';
import { createAttempt, type AttemptOptions } from './attempt.js';

export interface SubmitterOptions extends AttemptOptions {
  /** Attempts after the first one, for dropped connections, timeouts, 409 (still in flight), 429 and 5xx (default 3). */
  readonly retries?: number;
  /** First back-off delay in ms, doubled each time, with ±25% jitter (default 500). */
  readonly backoff?: number;
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
 * (The form's outbox, which also survives reloads and offline spells, is in outbox.ts.)
 * @example
 * const submit = createSubmitter({ retries: 3 });
 * const receipt = await submit({ endpoint: '/api/forms/rent-subsidy/submissions', data, idempotencyKey });
 */
export function createSubmitter(options: SubmitterOptions = {}): (request: SubmitRequest) => Promise<Receipt> {
  const attempt = createAttempt(options);
  const retries = options.retries ?? 3;
  const backoff = options.backoff ?? 500;

  return async (request) => {
    let last: SubmissionError | undefined;
    for (let n = 0; n <= retries; n++) {
      if (n > 0) await sleep(backoff * 2 ** (n - 1) * (0.75 + Math.random() * 0.5), request.signal);
      const result = await attempt(request);
      if (result.outcome === 'stored') return result.receipt;
      if (result.outcome === 'rejected') throw new SubmissionError('rejected', `The service rejected ${result.errors.length} answer(s)`, result.errors, 422);
      if (result.outcome === 'refused') throw new SubmissionError('server', `The service answered ${result.status}`, [], result.status);
      last = result.status === undefined ? new SubmissionError('network', result.message) : new SubmissionError('server', result.message, [], result.status);
    }
    throw last!;
  };
}
