/**
 * How an agency configures deliveries: the server option `deliveries` (endpoints, each with the forms it takes, its
 * URL and its signing key), checked at start so a typo fails plainly instead of delivering nothing; and the same
 * from the environment for `npm start`.
 */
import type { SigningKey } from './sign.js';

export interface DeliveryEndpoint {
  /** The forms whose events it receives (their ids), or `'*'` for every form. */
  readonly forms: readonly string[] | '*';
  /** Where events are POSTed: https, unless `allowHttp`. One endpoint per URL. */
  readonly url: string;
  /** The key deliveries are signed with; the receiver holds the same (see `verifyDelivery`). */
  readonly key: SigningKey;
  /** Allow private and loopback addresses (a case system inside the agency's own network). */
  readonly allowPrivate?: boolean;
  /** Allow plain http (only sensible inside a network the agency trusts). */
  readonly allowHttp?: boolean;
}

/** A delivery parked after its last retry: someone must look at the endpoint, then replay it. */
export interface DeliveryAlert {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly endpoint: string;
  readonly attempts: number;
  readonly lastError: string;
}

export interface DeliveryOptions {
  readonly endpoints: readonly DeliveryEndpoint[];
  /** Called when a delivery is parked (besides a line on stderr): page the operator. */
  readonly onAlert?: (alert: DeliveryAlert) => void;
  /** Milliseconds between rounds (1,000); 0 starts no timer: rounds run only when `tick()` is called (tests). */
  readonly intervalMs?: number;
  /** How long an attempt may take, in ms (15,000). */
  readonly timeoutMs?: number;
  /** How long a claimed delivery is held by its worker, in ms (60,000): longer than an attempt, so it is never sent twice while still being sent. */
  readonly leaseMs?: number;
  /** Deliveries claimed, and sent concurrently, at a time (10). */
  readonly batch?: number;
  /** The clock, in ms (`Date.now`): tests move it over the 35 hours of retries. */
  readonly now?: () => number;
  /** The jitter's source (`Math.random`). */
  readonly random?: () => number;
}

/** The smallest signing secret accepted, in bytes: a short one could be guessed from signed bodies. */
const MIN_SECRET = 16;

/**
 * Refuses a configuration that could not work: no endpoint, a URL that is not one (or plain http without
 * `allowHttp`), two endpoints on one URL, a key without an id or with a short secret, an unknown form.
 * @throws Error naming the endpoint and what is wrong.
 */
export function checkDeliveries(options: DeliveryOptions, formIds: ReadonlySet<string>): void {
  if (options.endpoints.length === 0) throw new Error('deliveries: no endpoint is configured');
  const seen = new Set<string>();
  for (const [i, endpoint] of options.endpoints.entries()) {
    const where = `deliveries.endpoints[${i}]`;
    let url: URL;
    try {
      url = new URL(endpoint.url);
    } catch {
      throw new Error(`${where}: "${endpoint.url}" is not a URL`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && endpoint.allowHttp)) throw new Error(`${where}: ${endpoint.url} is not https (allowHttp permits http inside a trusted network)`);
    if (seen.has(endpoint.url)) throw new Error(`${where}: ${endpoint.url} is configured twice`);
    seen.add(endpoint.url);
    if (!endpoint.key?.id) throw new Error(`${where}: the signing key has no id`);
    if (Buffer.byteLength(endpoint.key.secret ?? '') < MIN_SECRET) throw new Error(`${where}: the signing secret is shorter than ${MIN_SECRET} bytes`);
    const unknown = endpoint.forms === '*' ? [] : endpoint.forms.filter((id) => !formIds.has(id));
    if (unknown.length) throw new Error(`${where}: no form ${unknown.map((id) => `"${id}"`).join(', ')} is served`);
  }
  if ((options.leaseMs ?? 60_000) <= (options.timeoutMs ?? 15_000)) throw new Error('deliveries: leaseMs must be longer than timeoutMs');
}

/**
 * One endpoint from the environment, for `npm start`: FORMOSA_DELIVERY_URL, FORMOSA_DELIVERY_KEY_ID,
 * FORMOSA_DELIVERY_SECRET; FORMOSA_DELIVERY_FORMS (space-separated ids, every form by default);
 * FORMOSA_DELIVERY_ALLOW_PRIVATE=1 and FORMOSA_DELIVERY_ALLOW_HTTP=1 for a case system inside the agency's network.
 * @example
 * const deliveries = deliveriesFromEnv(process.env); // undefined when FORMOSA_DELIVERY_URL is not set
 */
export function deliveriesFromEnv(env: Readonly<Record<string, string | undefined>>): DeliveryOptions | undefined {
  const url = env['FORMOSA_DELIVERY_URL'];
  if (!url) return undefined;
  const id = env['FORMOSA_DELIVERY_KEY_ID'], secret = env['FORMOSA_DELIVERY_SECRET'];
  if (!id || !secret) throw new Error('FORMOSA_DELIVERY_URL needs FORMOSA_DELIVERY_KEY_ID and FORMOSA_DELIVERY_SECRET');
  const forms = (env['FORMOSA_DELIVERY_FORMS'] ?? '').split(/\s+/).filter(Boolean);
  return {
    endpoints: [{
      url, key: { id, secret }, forms: forms.length ? forms : '*',
      allowPrivate: env['FORMOSA_DELIVERY_ALLOW_PRIVATE'] === '1', allowHttp: env['FORMOSA_DELIVERY_ALLOW_HTTP'] === '1',
    }],
  };
}
