/**
 * The funnel's section of the store: counts of what citizens' journeys did, per form, version, day, kind of record,
 * step, field pattern and check code. Never a journey id, a value or an address: only numbers go up.
 */

export type FunnelKind = 'step-reached' | 'step-left' | 'error-shown' | 'abandoned' | 'submitted';

/** One counter and what to add to it. `path` and `code` are '' except for errors; `ms` is the time spent (step-left). */
export interface FunnelCount {
  readonly formVersion: string;
  readonly kind: FunnelKind;
  readonly step: string;
  readonly path: string;
  readonly code: string;
  readonly count: number;
  readonly ms: number;
}

export interface FunnelStore {
  /** Adds the counts of one day (`YYYY-MM-DD`, Taipei) in one transaction; each counter appears once. */
  add(formId: string, day: string, counts: readonly FunnelCount[]): Promise<void>;
  /** The counters of a form summed over the days from `from` to `to` (inclusive, `YYYY-MM-DD`), by version. */
  counts(formId: string, days?: { readonly from?: string; readonly to?: string }): Promise<FunnelCount[]>;
}

/** The counters in one order (PostgreSQL locks rows in it: two batches never wait on each other in a cycle). */
export const inKeyOrder = (counts: readonly FunnelCount[]) =>
  [...counts].sort((a, b) => (a.formVersion + '\u0000' + a.kind + '\u0000' + a.step + '\u0000' + a.path + '\u0000' + a.code < b.formVersion + '\u0000' + b.kind + '\u0000' + b.step + '\u0000' + b.path + '\u0000' + b.code ? -1 : 1));
