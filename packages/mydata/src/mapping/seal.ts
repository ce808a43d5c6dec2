/**
 * The seal: what the server hands out with verified values and checks at submission, so that a page cannot change a
 * locked value (the browser is the citizen's, and a script in it can write anything). One HMAC-SHA256 per locked
 * value, bound to the form, the subject, the transaction and the expiry; one more over the whole. The seal travels
 * through the browser (with the draft), so it holds no value and no ID in clear: paths, dataset ids and times, and
 * a keyed hash of the subject.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parsePointer, type JsonValue } from '@formosa/schema';
import type { Provenance } from './apply.js';
import { canonicalJson } from './canonical.js';
import { subjectId } from './masked-id.js';

/** Far above any form (5,000 fields at most): a seal longer than this is refused before any work. */
export const SEAL_LIMITS = { chars: 2_000_000, entries: 20_000 } as const;

/** `[path, resource, retrievedAt, mac]` per locked value. */
type SealEntry = [string, string, string, string];
interface SealPayload {
  v: 1;
  /** Form id. */
  f: string;
  /** Keyed hash of the subject's national ID. */
  s: string;
  /** Transaction id. */
  t: string;
  /** Expiry, milliseconds since 1970. */
  e: number;
  p: SealEntry[];
}

export interface SealInput {
  form: string;
  /** The national ID the platform verified. */
  subject: string;
  tx: string;
  /** Milliseconds since 1970 after which the seal no longer vouches for anything. */
  expiresAt: number;
  values: Record<string, JsonValue>;
  provenance: Record<string, Provenance>;
}

export type SealCheck =
  | { ok: true; verified: { path: string; resource: string; retrievedAt: string }[] }
  | { ok: false; reason: 'tampered'; paths: string[] }
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'invalid' };

/**
 * Seals the locked values of a mapping result. URL-safe (base64url and one dot).
 * @example
 * const seal = sealValues(connector.sealKey, { form: 'rent-subsidy', subject, tx, expiresAt: Date.now() + 60 * 60_000, ...applyMapping(spec, datasets, subject) });
 */
export function sealValues(key: Uint8Array, input: SealInput): string {
  checkKey(key);
  if (!Number.isSafeInteger(input.expiresAt)) throw new TypeError('expiresAt must be a time in milliseconds');
  const subject = subjectHash(key, input.subject);
  const payload: SealPayload = { v: 1, f: input.form, s: subject, t: input.tx, e: input.expiresAt, p: [] };
  for (const path of Object.keys(input.values).sort()) {
    const provenance = Object.hasOwn(input.provenance, path) ? input.provenance[path] : undefined;
    if (!provenance?.locked) continue;
    const value = canonicalJson(input.values[path]);
    if (value === undefined) throw new TypeError(`The value at ${path} is not JSON`);
    payload.p.push([path, provenance.resource, provenance.retrievedAt, valueMac(key, payload, path, provenance.resource, provenance.retrievedAt, value)]);
  }
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sealTag(key, body)}`;
}

/**
 * Checks the submitted data against a seal: every locked value must be there, unchanged. A seal that was altered,
 * forged or made for another form is `invalid`; one past its time is `expired` (once nothing was tampered with, so
 * that the citizen is told to fetch the values again rather than that they cheated). With `subject`, the seal must
 * also be the one of that person.
 * @example
 * const check = checkSeal(connector.sealKey, body.seal, { form: 'rent-subsidy', data: body.data, now: Date.now() });
 * if (!check.ok && check.reason === 'tampered') reply(422, { error: 'mydata_tampered', paths: check.paths });
 */
export function checkSeal(key: Uint8Array, seal: string, input: { form: string; data: unknown; now: number; subject?: string }): SealCheck {
  checkKey(key);
  const payload = openSeal(key, seal);
  if (!payload || payload.f !== input.form) return { ok: false, reason: 'invalid' };
  if (input.subject !== undefined && !sameMac(subjectHash(key, input.subject), payload.s)) return { ok: false, reason: 'invalid' };
  const tampered: string[] = [];
  const verified: { path: string; resource: string; retrievedAt: string }[] = [];
  for (const [path, resource, retrievedAt, expected] of payload.p) {
    const sent = valueAt(input.data, path);
    // Not sent (the form's own rules hid it, e.g. a household of one): not verified, and not a tampering either.
    if (sent === undefined) continue;
    const value = canonicalJson(sent);
    if (value === undefined || !sameMac(valueMac(key, payload, path, resource, retrievedAt, value), expected)) tampered.push(path);
    else verified.push({ path, resource, retrievedAt });
  }
  if (tampered.length) return { ok: false, reason: 'tampered', paths: tampered };
  if (!(input.now < payload.e)) return { ok: false, reason: 'expired' };
  return { ok: true, verified };
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The payload of an authentic seal, or `undefined`. */
function openSeal(key: Uint8Array, seal: unknown): SealPayload | undefined {
  if (typeof seal !== 'string' || seal.length > SEAL_LIMITS.chars) return undefined;
  const dot = seal.indexOf('.');
  const body = seal.slice(0, dot);
  const tag = seal.slice(dot + 1);
  if (dot < 1 || !BASE64URL.test(body) || !BASE64URL.test(tag)) return undefined;
  if (!sameMac(sealTag(key, body), tag)) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  return isPayload(payload) ? payload : undefined;
}

function isPayload(value: unknown): value is SealPayload {
  if (value === null || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return p['v'] === 1 && typeof p['f'] === 'string' && typeof p['s'] === 'string' && typeof p['t'] === 'string' && Number.isSafeInteger(p['e'])
    && Array.isArray(p['p']) && p['p'].length <= SEAL_LIMITS.entries
    && p['p'].every((entry) => Array.isArray(entry) && entry.length === 4 && entry.every((s) => typeof s === 'string'));
}

/** The value at a JSON pointer of the submitted data, reading own properties only. */
function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(segment) ? node[Number(segment)] : undefined;
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, segment)) node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node;
}

function valueMac(key: Uint8Array, seal: { f: string; s: string; t: string; e: number }, path: string, resource: string, retrievedAt: string, value: string): string {
  return mac(key, ['value', seal.f, seal.s, seal.t, String(seal.e), path, resource, retrievedAt, value]).toString('base64url');
}

function sealTag(key: Uint8Array, body: string): string {
  return mac(key, ['seal', body]).toString('base64url');
}

function subjectHash(key: Uint8Array, subject: string): string {
  return mac(key, ['subject', subjectId(subject)]).toString('base64url');
}

/** HMAC-SHA256 of a list of strings, JSON-encoded so that no two lists share a message. */
function mac(key: Uint8Array, parts: readonly string[]): Buffer {
  return createHmac('sha256', key).update(JSON.stringify(parts)).digest();
}

/** Constant-time comparison of two base64url MACs (lengths are public: every MAC has 43 characters). */
function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function checkKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length < 32) throw new TypeError('The seal key must hold at least 32 bytes');
}
