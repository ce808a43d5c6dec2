/** Keys derived from the server's secret with HKDF-SHA256, one per use, so that one never stands in for another. */
import { createHmac, hkdfSync } from 'node:crypto';

const SALT = 'formosa/mydata';

export function deriveKey(secret: Uint8Array | string, purpose: 'audit' | 'seal'): Uint8Array {
  const ikm = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (ikm.length < 16) throw new Error('MyData: the server secret must be at least 16 bytes');
  return new Uint8Array(hkdfSync('sha256', ikm, SALT, `formosa/mydata/${purpose}/v1`, 32));
}

/** A keyed hash (HMAC-SHA256, Base64url): the same input gives the same hash, the input cannot be read back. */
export function keyedHash(key: Uint8Array, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}
