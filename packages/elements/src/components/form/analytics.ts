/**
 * Privacy-preserving journey analytics: where citizens go, how long they stay, which checks stop them and where they
 * give up. Records are made from the form's own events, which carry step ids and check codes, never answers; the
 * journey id is random per load, so records cannot be joined to a draft, an answer or another visit.
 */
import { SUBMITTED } from '@formosa/workflow';
import type { AnalyticsRecord } from '../../internal/events.js';

/** Batches: sent when this many wait, and at most 50 records or 16 KB per beacon. */
const BATCH = 20;
const MOST = 50;
const BYTES = 16 * 1024;

type Extra = Pick<AnalyticsRecord, 'errors' | 'ms'>;

/** A random id: `crypto.randomUUID` where the page is a secure context, else 128 random bits in hex. */
const randomId = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export class JourneyAnalytics {
  private journey = '';
  /** The step on screen (`receipt` for the receipt), and since when. */
  private step?: string;
  private since = 0;
  private submitted = false;
  /** Told `abandoned` already, until the page is back. */
  private gone = false;
  private waiting: AnalyticsRecord[] = [];

  /**
   * @param form - the element whose events are read.
   * @param emit - dispatches a record as `formosa-analytics` (the bundle's event class, not a copy in this chunk).
   * @param about - the form's id and version.
   * @param endpoint - the URL records are sent to (`analytics`), if any.
   */
  constructor(
    form: HTMLElement,
    private readonly emit: (record: AnalyticsRecord) => void,
    private readonly about: () => { readonly id: string; readonly version: string } | undefined,
    private readonly endpoint: () => string | undefined,
  ) {
    form.addEventListener('formosa-step-change', ({ from, to }) => {
      // The form's first view of a load (also after restoreDraft) begins a new journey.
      if (from === undefined) {
        this.journey = randomId();
        this.submitted = this.gone = false;
      } else this.record('step-left', { ms: Date.now() - this.since });
      this.step = to === SUBMITTED ? 'receipt' : to;
      this.since = Date.now();
      this.record('step-reached');
    });
    // The event's errors are `{path, code}` already (never a value).
    form.addEventListener('formosa-validation', ({ errors }) => this.record('error-shown', { errors: errors.slice(0, 100) }));
    form.addEventListener('formosa-submit', () => {
      this.submitted = true;
      this.record('submitted');
    });
  }

  /** The page goes away (`pagehide`, hidden, the form removed) or comes back: `abandoned` once, and the batch sent. */
  away(gone: boolean): void {
    if (gone && !this.gone && !this.submitted) this.record('abandoned');
    this.gone = gone;
    if (gone) this.send();
  }

  private record(kind: AnalyticsRecord['kind'], extra?: Extra): void {
    const about = this.about();
    if (!about || this.step === undefined) return;
    const record: AnalyticsRecord = { kind, formId: about.id, formVersion: about.version, step: this.step, journey: this.journey, at: Math.floor(Date.now() / 1000) * 1000, ...extra };
    this.emit(record);
    if (!this.endpoint()) return;
    this.waiting.push(record);
    if (this.waiting.length >= BATCH) this.send();
  }

  /** Beacons of `{records}` as text/plain (no preflight), each within 50 records and 16 KB; best effort, never retried. */
  private send(): void {
    const url = this.endpoint();
    while (url && this.waiting.length) {
      const batch = this.waiting.splice(0, MOST);
      let body = new Blob([JSON.stringify({ records: batch })], { type: 'text/plain' });
      while (body.size > BYTES && batch.length > 1) {
        this.waiting.unshift(...batch.splice(batch.length >> 1));
        body = new Blob([JSON.stringify({ records: batch })], { type: 'text/plain' });
      }
      navigator.sendBeacon(url, body);
    }
  }
}
