/**
 * The agency server's status lookup (`POST /api/status` with `{ receipt, secret }`, never in a URL) and the
 * hand-over to the form page when steps are reopened (sessionStorage, never the URL's query).
 */
import type { LocalizedText } from '@formosa/schema';

/** One entry of an application's history, as the citizen is told it. */
export interface StatusEntryView {
  readonly status: string;
  readonly at: string;
  readonly by: 'caseworker' | 'citizen' | 'system';
  readonly note?: string;
  readonly reopen?: readonly string[];
}

/** What the server answers for a receipt number and its status code. */
export interface StatusAnswer {
  readonly formId: string;
  readonly title: LocalizedText | string;
  readonly receipt: string;
  readonly submittedAt: string;
  readonly status: string;
  readonly final: boolean;
  readonly history: readonly StatusEntryView[];
  /** The steps the citizen may change now, when more information is requested. */
  readonly reopen?: readonly { readonly id: string; readonly title: LocalizedText | string }[];
  /** A flow of the agency's own: its statuses' labels by language. */
  readonly labels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export type LookupResult = { readonly answer: StatusAnswer } | { readonly problem: 'notFound' | 'failed' } | { readonly problem: 'limited'; readonly minutes: number };

/**
 * Asks `api` (the agency server's origin, '' for this page's) for the application's status.
 * @example
 * const result = await lookUpStatus('', 'RS-20261122-7K3Q9X', '7K3Q9-XB2MD');
 */
export async function lookUpStatus(api: string, receipt: string, secret: string): Promise<LookupResult> {
  let response: Response;
  try {
    response = await fetch(`${api.replace(/\/$/, '')}/api/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt, secret }),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { problem: 'failed' };
  }
  if (response.status === 404 || response.status === 400) return { problem: 'notFound' };
  if (response.status === 429) return { problem: 'limited', minutes: Math.max(1, Math.ceil(Number(response.headers.get('retry-after') ?? 60) / 60)) };
  if (!response.ok) return { problem: 'failed' };
  return { answer: (await response.json()) as StatusAnswer };
}

/** The sessionStorage key the form page reads to reopen an application (see docs/embedding.md). */
export const REOPEN_KEY = 'formosa-reopen';

/** What the form page is handed: which application, with the code that proves it, and which steps it may change. */
export interface ReopenHandover {
  readonly formId: string;
  readonly receipt: string;
  readonly secret: string;
  readonly reopen: readonly string[];
  /** The caseworker's note with the request, for the form to show beside the reopened steps. */
  readonly note?: string;
}

/** Leaves the application for the form page in this tab's sessionStorage (same origin only; gone when the tab closes). */
export function handOver(handover: ReopenHandover): void {
  try {
    sessionStorage.setItem(REOPEN_KEY, JSON.stringify(handover));
  } catch {
    // Storage refused (a private mode): the form page will ask for the receipt number and code again.
  }
}
