/**
 * The pull of the package (`GET /service/data` with the ticket and tx_id headers). `429` means the platform is still
 * collecting: its Retry-After is honoured, within a total wait and a number of attempts, and never below a floor.
 * The body is read as a stream and abandoned as soon as it passes the package limit.
 */
import type { Protocol } from '../protocol.js';
import type { PullPolicy } from '../types.js';

export type PullOutcome =
  | { readonly ok: true; readonly jwe: string }
  | { readonly ok: false; readonly code: number; readonly reason: string };

export interface PullInput {
  readonly fetch: typeof fetch;
  readonly url: string;
  readonly ticket: string;
  readonly txId: string;
  readonly protocol: Protocol;
  readonly policy: PullPolicy;
  readonly packageBytes: number;
  readonly signal: AbortSignal;
  readonly now: () => number;
  /** Called after each response, for the audit log. */
  readonly onAttempt: (status: number, attempt: number) => void;
}

/** 502: our own code for an answer that is no package (network error, bad content type, too large). */
export const BAD_ANSWER = 502;

export async function pullPackage(input: PullInput): Promise<PullOutcome> {
  const { protocol, policy } = input;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    const timeout = AbortSignal.any([input.signal, AbortSignal.timeout(policy.requestTimeoutMs)]);
    try {
      response = await input.fetch(input.url, {
        method: 'GET',
        headers: { [protocol.dataHeaders.ticket]: input.ticket, [protocol.dataHeaders.txId]: input.txId },
        redirect: 'error',
        signal: timeout,
      });
    } catch {
      if (input.signal.aborted) return { ok: false, code: BAD_ANSWER, reason: 'cancelled' };
      input.onAttempt(0, attempt);
      return { ok: false, code: BAD_ANSWER, reason: 'network' };
    }
    input.onAttempt(response.status, attempt);

    if (response.status === protocol.pullStatus.tooEarly) {
      await response.body?.cancel();
      const wait = Math.max(policy.minWaitMs, retryAfterMs(response.headers.get('retry-after'), input.now()) ?? protocol.defaultRetryAfterMs);
      if (attempt >= policy.maxAttempts) return { ok: false, code: protocol.pullStatus.tooEarly, reason: 'too_many_attempts' };
      if (waited + wait > policy.maxWaitMs) return { ok: false, code: protocol.pullStatus.tooEarly, reason: 'retry_after_beyond_bound' };
      waited += wait;
      if (!(await sleep(wait, input.signal))) return { ok: false, code: BAD_ANSWER, reason: 'cancelled' };
      continue;
    }
    if (response.status === protocol.pullStatus.alreadyDownloaded) {
      await response.body?.cancel();
      return { ok: false, code: protocol.pullStatus.alreadyDownloaded, reason: 'already_downloaded' };
    }
    if (response.status !== protocol.pullStatus.ok) {
      await response.body?.cancel();
      // The platform's documented errors keep their code; anything else (a proxy's 503, …) is ours: a bad answer.
      return { ok: false, code: protocol.pullStatus.errors.includes(response.status) ? response.status : BAD_ANSWER, reason: `pull_status_${response.status}` };
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== protocol.packageContentType) {
      await response.body?.cancel();
      return { ok: false, code: BAD_ANSWER, reason: 'content_type' };
    }
    let body: string | undefined;
    try {
      body = await readBounded(response, input.packageBytes);
    } catch {
      return { ok: false, code: BAD_ANSWER, reason: input.signal.aborted ? 'cancelled' : 'network' };
    }
    return body === undefined ? { ok: false, code: BAD_ANSWER, reason: 'package_too_large' } : { ok: true, jwe: body };
  }
}

/** Seconds or an HTTP date (RFC 9110); `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  // Only the IMF-fixdate of RFC 9110 (`Sun, 06 Nov 1994 08:49:37 GMT`): Date.parse guesses at anything else.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The body as text, or `undefined` once it passes `limit` bytes (the rest is not read). */
async function readBounded(response: Response, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  const text = bytes.toString('latin1');
  bytes.fill(0);
  return text;
}

/** Resolves true after `ms`, false at once when aborted. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
