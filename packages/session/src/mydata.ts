/**
 * MyData prefill as the session sees it: a port to the agency's server (which holds the connector and every secret),
 * and the rules for the values it hands out — merged into the answers, locked where the form says so, and never
 * written to the draft (the server keeps them, in memory, for the form's `keepMinutes`; a reload fetches them again).
 */
import { getAt, setAt, type Data } from '@formosa/engine';
import { sameAnswers, type MyDataPrefill, type MyDataProvenance, type MyDataResult } from '@formosa/transport';

export type { MyDataPrefill, MyDataProvenance, MyDataResult };

/** The agency's server, as far as MyData goes (`createMyDataClient` of `@formosa/transport` over HTTP). */
export interface MyDataPort {
  /** Begins a journey for the citizen with this national ID: the platform's address to send the browser to. */
  begin(subject: string, page: string): Promise<{ readonly url: string }>;
  /** Where this browser's journey stands (a cookie the server set binds it). */
  result(): Promise<MyDataResult>;
}

/** What the view shows of MyData. */
export type MyDataStatus =
  | { readonly state: 'offered' | 'going' | 'waiting' | 'expired' }
  | { readonly state: 'failed'; readonly kind: string; readonly code?: number }
  | { readonly state: 'ready'; readonly prefill: MyDataPrefill };

/** The repeat arrays a prefill fills (`/household/members` for `/household/members/0/name`). */
function arraysOf(pointers: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const pointer of pointers) {
    const at = /\/\d+(\/|$)/.exec(pointer);
    if (at) roots.add(pointer.slice(0, at.index));
  }
  return [...roots];
}

/**
 * The answers with the prefill in them. A list the prefill fills (household members) is replaced as a whole: the
 * register's entries, not a mix of them with entries typed before.
 */
export function mergePrefill(values: Data, prefill: Readonly<Record<string, unknown>>): Data {
  let merged = values;
  for (const root of arraysOf(Object.keys(prefill))) merged = setAt(merged, root, []);
  for (const [pointer, value] of Object.entries(prefill)) merged = setAt(merged, pointer, value);
  return merged;
}

/** The answers without the values MyData handed out (and the citizen left as they were): what a draft may keep. */
export function withoutPrefill(values: Data, prefill: Readonly<Record<string, unknown>>): Data {
  let kept = values;
  // Deepest first, so removing an entry's fields never shifts another pointer.
  for (const pointer of Object.keys(prefill).sort().reverse()) {
    if (sameAnswers(getAt(kept, pointer), prefill[pointer])) kept = setAt(kept, pointer, undefined);
  }
  return kept;
}

/** Whether `pointer` (or, for a list, any of its entries) holds a locked value. */
export function lockedUnder(provenance: Readonly<Record<string, MyDataProvenance>>, pointer: string): boolean {
  for (const [path, origin] of Object.entries(provenance)) if (origin.locked && (path === pointer || path.startsWith(`${pointer}/`))) return true;
  return false;
}
