/**
 * The receipt's secret: what, with the receipt number, lets a citizen follow an application (and resubmit it when
 * steps are reopened). Derived, never stored: HMAC-SHA256 of the submission id under a key derived from the server's
 * secret, so every instance sharing that secret computes the same one, and a stolen database holds none.
 * Shown as 10 Crockford base32 characters (50 bits) in two groups, `7K3Q9-XB2MD`, easy to read aloud at a counter.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Crockford base32 without I, L, O, U (the receipt numbers' alphabet). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** What a citizen might type for a letter that is not in the alphabet (Crockford's decoding). */
const READ_AS: Record<string, string> = { I: '1', L: '1', O: '0' };

/**
 * The key receipt secrets are made with, derived from the server's secret (FORMOSA_SECRET or .data/secret) with the
 * label "receipt-secret": it stands for nothing else.
 * @example
 * const key = receiptSecretKey(process.env.FORMOSA_SECRET!);
 */
export function receiptSecretKey(serverSecret: string | Uint8Array): Uint8Array {
  const ikm = typeof serverSecret === 'string' ? Buffer.from(serverSecret, 'utf8') : serverSecret;
  if (ikm.length < 16) throw new Error('The server secret must be at least 16 bytes');
  return new Uint8Array(hkdfSync('sha256', ikm, 'formosa/server', 'receipt-secret', 32));
}

/**
 * The secret of submission `submissionId`, as the citizen sees it: `XXXXX-XXXXX`.
 * @example
 * receiptSecret(key, stored.id) // '7K3Q9-XB2MD'
 */
export function receiptSecret(key: Uint8Array, submissionId: string): string {
  const mac = createHmac('sha256', key).update(submissionId, 'utf8').digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  bits >>= 6n; // 56 bits read, 50 kept
  let text = '';
  for (let i = 9; i >= 0; i--) text += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${text.slice(0, 5)}-${text.slice(5)}`;
}

/** What the citizen typed, as it is written: upper case, without spaces or hyphens, I/L read as 1 and O as 0. */
export function normalizeSecret(given: string): string {
  return given.toUpperCase().replace(/[\s-]/g, '').replace(/[ILO]/g, (c) => READ_AS[c]!);
}

/**
 * Whether `given` is the secret of `submissionId`, compared in constant time (typed in lower case, with spaces or
 * without the hyphen, it still is). For the record routes too: a citizen may read their own application with it.
 * @example
 * if (!checkReceiptSecret(key, submission.id, String(req.headers['formosa-receipt-secret'] ?? ''))) throw notFound();
 */
export function checkReceiptSecret(key: Uint8Array, submissionId: string, given: string): boolean {
  if (given.length > 40) return false;
  const want = Buffer.from(receiptSecret(key, submissionId).replace('-', ''));
  const typed = Buffer.from(normalizeSecret(given));
  return typed.length === want.length && timingSafeEqual(typed, want);
}
