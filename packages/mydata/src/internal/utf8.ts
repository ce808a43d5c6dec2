/**
 * Strict UTF-8: bytes that are not UTF-8 throw (a TypeError) instead of turning into U+FFFD. One decoder serves every
 * call: without `stream`, each decode starts afresh, even after one that threw.
 */
const STRICT = new TextDecoder('utf-8', { fatal: true });

export function strictUtf8(bytes: Uint8Array): string {
  return STRICT.decode(bytes);
}
