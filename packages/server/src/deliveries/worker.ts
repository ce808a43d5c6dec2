/**
 * The delivery worker: each round, enqueues what was stored since the last scan, then claims the deliveries due,
 * signs each, posts it to its endpoint's resolved and pinned address, and records the outcome — delivered, tried
 * again later on the back-off schedule, or, after the last retry, parked with an alert. At least once: an attempt
 * whose answer is lost is made again with the same event id, which the receiver de-duplicates by.
 * Several instances each run one; the store's leases give each due delivery to one of them.
 */
import type { DeliveryStore, ClaimedDelivery, AttemptOutcome } from '../store/deliveries.js';
import type { DeliveryEndpoint, DeliveryOptions } from './config.js';
import { DestinationRefused, resolveDestination } from './destination.js';
import { postDelivery, type Attempt } from './post.js';
import { nextAttemptAt } from './schedule.js';
import { signDelivery } from './sign.js';

/** What a round did. */
export interface TickReport {
  readonly enqueued: number;
  readonly delivered: number;
  readonly failed: number;
  readonly parked: number;
}

/** Claims per round at most: a round ends even if an endpoint answers instantly and events keep coming. */
const MAX_BATCHES = 50;

export class DeliveryWorker {
  private readonly endpoints: ReadonlyMap<string, DeliveryEndpoint>;
  private readonly now: () => number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<TickReport> | undefined;

  constructor(
    private readonly store: DeliveryStore,
    private readonly options: DeliveryOptions,
  ) {
    this.endpoints = new Map(options.endpoints.map((e) => [e.url, e]));
    this.now = options.now ?? Date.now;
  }

  /** Runs a round every `intervalMs` (unless 0); the timer never holds the process open. */
  start(): this {
    const interval = this.options.intervalMs ?? 1000;
    if (interval > 0 && !this.timer) {
      this.timer = setInterval(() => void this.tick().catch((error: unknown) => console.error('[formosa] a delivery round failed:', error)), interval).unref();
    }
    return this;
  }

  /** One round (a round already under way is joined, not doubled). */
  tick(): Promise<TickReport> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the timer and waits for the round under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** The endpoints that take a form's events. */
  private readonly endpointsFor = (formId: string): string[] =>
    this.options.endpoints.filter((e) => e.forms === '*' || e.forms.includes(formId)).map((e) => e.url);

  private async round(): Promise<TickReport> {
    const report = { enqueued: await this.store.enqueue(this.endpointsFor, new Date(this.now())), delivered: 0, failed: 0, parked: 0 };
    const urls = [...this.endpoints.keys()];
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const claimed = await this.store.claim(urls, new Date(this.now()), this.options.leaseMs ?? 60_000, this.options.batch ?? 10);
      if (claimed.length === 0) break;
      for (const outcome of await Promise.all(claimed.map((delivery) => this.attempt(delivery)))) {
        if (outcome === 'delivered') report.delivered++;
        else report[outcome === 'parked' ? 'parked' : 'failed']++;
      }
    }
    return report;
  }

  /** One attempt at one delivery, recorded. */
  private async attempt(delivery: ClaimedDelivery): Promise<AttemptOutcome['state']> {
    const endpoint = this.endpoints.get(delivery.endpoint)!;
    const at = this.now();
    const started = performance.now();
    let result: Attempt;
    try {
      const destination = await resolveDestination(endpoint.url, endpoint);
      const headers = signDelivery({ id: delivery.eventId, timestamp: Math.floor(at / 1000), body: delivery.body, key: endpoint.key });
      result = await postDelivery(destination, delivery.body, headers, { timeoutMs: this.options.timeoutMs ?? 15_000 });
    } catch (error) {
      // A refused destination is the attempt's error, for the log: the operator fixes the endpoint and replays.
      result = { delivered: false, error: error instanceof DestinationRefused ? `refused (${error.reason}): ${error.message}` : String(error) };
    }
    const nextAt = result.delivered ? undefined : nextAttemptAt(delivery.attempts + 1, at, this.options.random);
    const outcome: AttemptOutcome = result.delivered ? { state: 'delivered' } : nextAt === undefined ? { state: 'parked' } : { state: 'pending', nextAt: new Date(nextAt) };
    const attempt = { at: new Date(at).toISOString(), ...(result.status ? { status: result.status } : {}), ...(result.delivered ? {} : { error: result.error }), ms: performance.now() - started };
    const held = await this.store.record(delivery, attempt, outcome, new Date(this.now()));
    if (held && outcome.state === 'parked') this.alert(delivery, delivery.attempts + 1, (result as { error: string }).error);
    return outcome.state;
  }

  private alert(delivery: ClaimedDelivery, attempts: number, lastError: string): void {
    const alert = { deliveryId: delivery.id, eventId: delivery.eventId, endpoint: delivery.endpoint, attempts, lastError };
    console.error(`[formosa] delivery ${delivery.eventId} to ${delivery.endpoint} parked after ${attempts} attempts (${lastError}); replay it once the endpoint is fixed: POST /api/backoffice/deliveries/${delivery.id}/replay`);
    try {
      this.options.onAlert?.(alert);
    } catch (error) {
      console.error('[formosa] the delivery alert hook failed:', error);
    }
  }
}
