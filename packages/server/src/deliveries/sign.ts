/**
 * Signing of deliveries to an agency's system: HMAC-SHA256 over the event id, the timestamp and the body, so a
 * receiver can tell a delivery is ours, unchanged, recent, and — by the event id — whether it has it already.
 * The spelling follows the Standard Webhooks convention (`v1,<base64>`), with the key's id beside it for rotation.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SigningKey {
  /** Named in every delivery, so a receiver holding several keys (a rotation) knows which to check with. */
  readonly id: string;
  readonly secret: Uint8Array | string;
}

/** The headers a delivery carries. */
export const DELIVERY_HEADERS = {
  id: 'formosa-event-id',
  timestamp: 'formosa-timestamp',
  signature: 'formosa-signature',
  keyId: 'formosa-key-id',
} as const;

const mac = (secret: SigningKey['secret'], id: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64');

/**
 * The headers that sign `body` as event `id` at `timestamp` (seconds since the epoch).
 * @example
 * signDelivery({ id: 'evt_1', timestamp: 1765000000, body: '{"type":"submission.created"}', key: { id: 'k1', secret } })
 * // { 'formosa-event-id': 'evt_1', 'formosa-timestamp': '1765000000', 'formosa-signature': 'v1,…', 'formosa-key-id': 'k1' }
 */
export function signDelivery({ id, timestamp, body, key }: { id: string; timestamp: number; body: string; key: SigningKey }): Record<string, string> {
  return {
    [DELIVERY_HEADERS.id]: id,
    [DELIVERY_HEADERS.timestamp]: String(timestamp),
    [DELIVERY_HEADERS.signature]: `v1,${mac(key.secret, id, timestamp, body)}`,
    [DELIVERY_HEADERS.keyId]: key.id,
  };
}

export type Verdict = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly reason: 'missing' | 'unknown_key' | 'stale' | 'bad_signature' };

/**
 * The receiver's check (for agencies on Node, and our tests): a known key, a timestamp within `toleranceSeconds`
 * of `now` (a replayed capture is refused), and a matching signature, compared in constant time.
 */
export function verifyDelivery(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
  keys: readonly SigningKey[],
  { now = Date.now(), toleranceSeconds = 300 }: { now?: number; toleranceSeconds?: number } = {},
): Verdict {
  const one = (name: string) => { const value = headers[name]; return Array.isArray(value) ? value[0] : value; };
  const id = one(DELIVERY_HEADERS.id), timestamp = Number(one(DELIVERY_HEADERS.timestamp)), signature = one(DELIVERY_HEADERS.signature), keyId = one(DELIVERY_HEADERS.keyId);
  if (!id || !signature || !keyId || !Number.isSafeInteger(timestamp)) return { ok: false, reason: 'missing' };
  const key = keys.find((k) => k.id === keyId);
  if (!key) return { ok: false, reason: 'unknown_key' };
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(`v1,${mac(key.secret, id, timestamp, body)}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true, id } : { ok: false, reason: 'bad_signature' };
}
