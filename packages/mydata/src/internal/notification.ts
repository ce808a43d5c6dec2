/**
 * The platform's SP-API notification, checked strictly: an object with exactly the known members, each of the
 * expected type and shape. Anything else is a 400 before any state changes.
 */
import type { Protocol } from '../protocol.js';

export interface Notification {
  readonly txId: string;
  readonly ticket: string;
  /** Still encrypted (Base64 AES-CBC). */
  readonly secretKey: string;
  readonly unableToDeliver: readonly string[];
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A ticket goes back in a header: visible ASCII only, bounded. */
const TICKET = /^[\x21-\x7e]{1,2048}$/;
const RESOURCE = /^[A-Za-z0-9._-]{1,64}$/;

export function readNotification(body: unknown, names: Protocol['notification']): Notification | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const known = new Set([names.txId, names.ticket, names.secretKey, names.unableToDeliver, ...names.ignored]);
  if (Object.keys(record).some((key) => !known.has(key))) return undefined;
  const txId = record[names.txId];
  const ticket = record[names.ticket];
  const secretKey = record[names.secretKey];
  const unable = record[names.unableToDeliver] ?? [];
  if (typeof txId !== 'string' || !UUID.test(txId.toLowerCase())) return undefined;
  if (typeof ticket !== 'string' || !TICKET.test(ticket)) return undefined;
  if (typeof secretKey !== 'string' || secretKey.length > 1024) return undefined;
  if (!Array.isArray(unable) || unable.length > 100 || !unable.every((id): id is string => typeof id === 'string' && RESOURCE.test(id))) return undefined;
  return { txId: txId.toLowerCase(), ticket, secretKey, unableToDeliver: unable };
}
