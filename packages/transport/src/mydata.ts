/**
 * The browser's side of MyData prefill: two calls to the agency's server, which holds the connector and every secret.
 * The journey is bound to the browser by an HttpOnly cookie the server sets at `begin`, so both calls send
 * credentials (same-origin by default; a cross-origin server must allow them).
 */
import { deadline, fetcherOf } from './fetching.js';

/** Where a value came from: the dataset (or `identity`: the platform verified the person), when, and whether it is locked. */
export interface MyDataProvenance {
  readonly resource: string;
  readonly retrievedAt: string;
  readonly locked: boolean;
}

/** The values the server handed out, verified and mapped to the form's fields. */
export interface MyDataPrefill {
  readonly state: 'ready';
  /** JSON pointer → value. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly provenance: Readonly<Record<string, MyDataProvenance>>;
  readonly problems: readonly { readonly field: string; readonly code: string }[];
  readonly datasets: readonly { readonly resource: string; readonly verified: boolean; readonly available: boolean }[];
  /** The server's keyed hashes of the locked values, sent back with the submission (`Formosa-MyData`). */
  readonly seal: string;
  readonly expiresAt: number;
}

/** What the server says of this browser's MyData journey for a form. */
export type MyDataResult =
  | { readonly state: 'none' | 'waiting' | 'pulling' | 'expired' }
  | { readonly state: 'failed'; readonly code?: number; readonly kind: string; readonly reason?: string }
  | MyDataPrefill;

/** What a form reads from MyData here, as the server describes it (undefined: not offered). */
export interface MyDataOffer {
  readonly keepMinutes: number;
  readonly datasets: readonly { readonly resource: string; readonly name?: Readonly<Record<string, string>>; readonly agency?: Readonly<Record<string, string>> }[];
}

/** A refusal of `begin`: the national ID (422), the page's origin (403), or the server. */
export class MyDataError extends Error {
  constructor(readonly status: number, readonly code: string | undefined) {
    super(`MyData could not begin (${status}${code ? ` ${code}` : ''})`);
    this.name = 'MyDataError';
  }
}

/**
 * @example
 * const mydata = createMyDataClient({ base: 'https://agency.example/api/forms/rent-subsidy/mydata' });
 * if (await mydata.describe()) location.assign((await mydata.begin('A123456789', location.href)).url);
 */
export function createMyDataClient(options: { base: string; fetch?: typeof fetch }) {
  const doFetch = fetcherOf(options.fetch);
  const get = (path: string) => doFetch(`${options.base}${path}`, { credentials: 'include', headers: { accept: 'application/json' }, signal: deadline(15_000) });
  return {
    async describe(): Promise<MyDataOffer | undefined> {
      const response = await get('').catch(() => undefined);
      const offer = response?.ok ? ((await response.json()) as MyDataOffer & { offered?: boolean }) : undefined;
      return offer?.offered ? offer : undefined;
    },
    async begin(subject: string, page: string): Promise<{ url: string }> {
      const response = await doFetch(`${options.base}/begin`, {
        method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ subject, page }), signal: deadline(15_000),
      });
      const body = (await response.json().catch(() => undefined)) as { url?: unknown; error?: unknown } | undefined;
      if (!response.ok || typeof body?.url !== 'string') throw new MyDataError(response.status, typeof body?.error === 'string' ? body.error : undefined);
      return { url: body.url };
    },
    async result(): Promise<MyDataResult> {
      const response = await get('/result');
      if (!response.ok) throw new MyDataError(response.status, undefined);
      return (await response.json()) as MyDataResult;
    },
  };
}
