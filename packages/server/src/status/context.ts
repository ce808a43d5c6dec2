/** What the status routes and the resubmission need from the server that runs them. */
import type { IncomingMessage } from 'node:http';
import type { ServedForm } from '../forms.js';
import type { Store } from '../store/index.js';
import type { StatusFlow } from './flow.js';
import { HttpError, readJsonText } from '../http.js';
import { SlidingWindow } from '../rate-limit.js';

export interface StatusContext {
  readonly store: Store;
  readonly forms: ReadonlyMap<string, ServedForm>;
  readonly flowOf: (formId: string) => StatusFlow;
  /** The key receipt secrets are derived with (`receiptSecretKey`). */
  readonly receiptKey: Uint8Array;
  readonly addressOf: (req: IncomingMessage) => string;
  /** Lookups by receipt and secret per address: a guesser gets few tries (30 in 10 minutes by default). */
  readonly lookups: SlidingWindow;
}

export const DEFAULT_LOOKUPS = { requests: 30, seconds: 600 };
export const newLookupWindow = (limit = DEFAULT_LOOKUPS) => new SlidingWindow(limit.requests, limit.seconds);

/** Counts one lookup of the receipt secret from this address; too many answer 429 with Retry-After. */
export function takeLookup(ctx: StatusContext, req: IncomingMessage): void {
  const wait = ctx.lookups.take(ctx.addressOf(req));
  if (!wait) return;
  req.resume();
  throw new HttpError(429, { error: 'rate_limited', message: 'Too many status lookups from this address; try again later', retryAfter: wait }, { 'retry-after': String(wait) });
}

/** A small JSON object body (at most `limit` bytes) with exactly the string members `keys` of at most `max` characters. */
export async function readSmallObject<K extends string>(req: IncomingMessage, keys: readonly K[], limit = 1024, max = 64): Promise<Record<K, string>> {
  const text = await readJsonText(req, limit);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, { error: 'bad_json', message: 'The body is not valid JSON' });
  }
  const ok = body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === keys.length &&
    keys.every((key) => typeof (body as Record<string, unknown>)[key] === 'string' && ((body as Record<string, string>)[key]!).length <= max);
  if (!ok) throw new HttpError(400, { error: 'bad_request', message: `Send exactly ${keys.map((k) => `"${k}"`).join(' and ')}, as texts` });
  return body as Record<K, string>;
}
