/**
 * The platform's symmetric crypto with an SP's registration keys, in ONE place because the published samples leave
 * details open. What the sandbox does (and the connector must match):
 * - key: the UTF-8 bytes of `client_secret` written twice (`secret + secret`); it must come to exactly 32 bytes
 *   (AES-256), i.e. a 16-character ASCII secret — anything else is refused when the sandbox starts;
 * - IV: the UTF-8 bytes of `cbc_iv`, exactly 16 bytes;
 * - AES-256-CBC with PKCS#5/7 padding; ciphertext in standard Base64 (with `+`, `/`, `=`).
 * Used for `pid` (SP → platform), `secret_key` and the returned `tx_id` (platform → SP).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface ClientKeys {
  readonly clientSecret: string;
  readonly cbcIv: string;
}

export function cbcKey(keys: ClientKeys): Buffer {
  const key = Buffer.from(keys.clientSecret + keys.clientSecret, 'utf8');
  if (key.length !== 32) throw new Error(`client_secret written twice must be 32 bytes (a 16-character secret), got ${key.length}`);
  return key;
}

export function cbcIv(keys: ClientKeys): Buffer {
  const iv = Buffer.from(keys.cbcIv, 'utf8');
  if (iv.length !== 16) throw new Error(`cbc_iv must be 16 bytes, got ${iv.length}`);
  return iv;
}

export function encryptForClient(keys: ClientKeys, plain: string): string {
  const cipher = createCipheriv('aes-256-cbc', cbcKey(keys), cbcIv(keys));
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/** `undefined` when the text is not Base64 of a ciphertext made with these keys (bad padding, wrong length). */
export function decryptFromClient(keys: ClientKeys, base64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-cbc', cbcKey(keys), cbcIv(keys));
    return Buffer.concat([decipher.update(Buffer.from(base64, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random ASCII string (the platform's 32-character `secret_key`, permission tickets). */
export function randomAscii(length: number): string {
  const bytes = randomBytes(length * 2);
  let text = '';
  // Rejection sampling keeps every character equally likely (62 does not divide 256).
  for (const byte of bytes) {
    if (byte < 248) text += ALPHANUMERIC[byte % 62];
    if (text.length === length) return text;
  }
  return text + randomAscii(length - text.length);
}
