/**
 * The platform's symmetric cipher with the SP's registration keys (`client_secret`, `cbc_iv`): it carries `pid` to
 * the platform, and `secret_key` and the returned `tx_id` back. Key derivation and cipher come from the protocol.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { Protocol } from '../protocol.js';
import { strictUtf8 } from './utf8.js';

export interface CbcKeys {
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
  readonly cipher: Protocol['cbcCipher'];
}

const KEY_BYTES: Record<Protocol['cbcCipher'], number> = { 'aes-256-cbc': 32, 'aes-128-cbc': 16 };

/** Checks the sizes once, at configuration: a wrong secret fails when the server starts, not at the first citizen. */
export function cbcKeys(protocol: Protocol, clientSecret: string, cbcIv: string): CbcKeys {
  const key = protocol.cbcKey(clientSecret);
  const iv = new TextEncoder().encode(cbcIv);
  const want = KEY_BYTES[protocol.cbcCipher];
  if (key.length !== want) throw new Error(`MyData: the ${protocol.cbcCipher} key derived from client_secret must be ${want} bytes, got ${key.length}`);
  if (iv.length !== 16) throw new Error(`MyData: cbc_iv must be 16 bytes, got ${iv.length}`);
  return { key, iv, cipher: protocol.cbcCipher };
}

export function encryptBase64(keys: CbcKeys, plain: string): string {
  const cipher = createCipheriv(keys.cipher, keys.key, keys.iv);
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$|^(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)$/;

/** `undefined` for anything that is not Base64 of a ciphertext under these keys (bad padding, wrong length, not UTF-8). */
export function decryptBase64(keys: CbcKeys, base64: string): string | undefined {
  if (base64.length > 4096 || !BASE64.test(base64)) return undefined;
  try {
    const decipher = createDecipheriv(keys.cipher, keys.key, keys.iv);
    const plain = Buffer.concat([decipher.update(Buffer.from(base64, 'base64')), decipher.final()]);
    return strictUtf8(plain);
  } catch {
    return undefined;
  }
}
