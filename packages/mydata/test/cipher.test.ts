// The platform's AES-CBC (key = client_secret twice, IV = cbc_iv), the resource-id segment without '/', the
// server-secret keys, Retry-After, and the strict notification reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { DEFAULT_PROTOCOL } from '../src/protocol.js';
import { cbcKeys, decryptBase64, encryptBase64 } from '../src/internal/cbc.js';
import { encodeResources, ResourceEncodingError } from '../src/internal/resources.js';
import { deriveKey, keyedHash } from '../src/internal/keys.js';
import { retryAfterMs } from '../src/internal/pull.js';
import { readNotification } from '../src/internal/notification.js';

const SECRET = 'FormosaTest16chr';
const IV = 'FormosaTestIV16b';
const keys = cbcKeys(DEFAULT_PROTOCOL, SECRET, IV);

test('pid is AES-256-CBC under client_secret written twice and cbc_iv, in standard Base64, as Node decrypts it independently', () => {
  const pid = encryptBase64(keys, 'A125001237');
  const decipher = createDecipheriv('aes-256-cbc', Buffer.from(SECRET + SECRET, 'utf8'), Buffer.from(IV, 'utf8'));
  assert.equal(Buffer.concat([decipher.update(Buffer.from(pid, 'base64')), decipher.final()]).toString('utf8'), 'A125001237');
});

test('what the platform encrypts (secret_key, tx_id) decrypts; the wrong key, a cut or non-Base64 text gives nothing', () => {
  const cipher = createCipheriv('aes-256-cbc', Buffer.from(SECRET + SECRET, 'utf8'), Buffer.from(IV, 'utf8'));
  const secretKey = 'abcdefghijklmnopqrstuvwxyz012345';
  const encrypted = Buffer.concat([cipher.update(secretKey, 'utf8'), cipher.final()]).toString('base64');
  assert.equal(decryptBase64(keys, encrypted), secretKey);
  assert.equal(decryptBase64(cbcKeys(DEFAULT_PROTOCOL, 'OtherSecret16chr', IV), encrypted), undefined);
  assert.equal(decryptBase64(keys, encrypted.slice(0, 24)), undefined);
  assert.equal(decryptBase64(keys, 'not base64!'), undefined);
  assert.equal(decryptBase64(keys, ''), undefined);
});

test('keys the cipher cannot use fail at configuration, not at the first citizen', () => {
  assert.throws(() => cbcKeys(DEFAULT_PROTOCOL, 'short', IV), /must be 32 bytes, got 10/);
  assert.throws(() => cbcKeys(DEFAULT_PROTOCOL, SECRET, 'short'), /cbc_iv must be 16 bytes/);
  // A protocol override changes the derivation in one place.
  const k = cbcKeys({ ...DEFAULT_PROTOCOL, cbcCipher: 'aes-128-cbc', cbcKey: (s) => new TextEncoder().encode(s) }, SECRET, IV);
  assert.equal(decryptBase64(k, encryptBase64(k, 'x')), 'x');
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

test('resource ids: the given order when its Base64 has no /', () => {
  assert.equal(encodeResources(['API.UDauDOLyZg', 'API.AbAYGIjoYw'], ':'), b64('API.UDauDOLyZg:API.AbAYGIjoYw'));
});

test('resource ids of the platform alphabet joined by ":" can never give a "/" (every 3-byte group tried)', () => {
  // '/' is the sextet 111111: only a third byte ending in 0x3F ('?', DEL) or bytes ≥ 0x80 produce it.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-:';
  let groups = 0;
  for (const a of alphabet) for (const b of alphabet) for (const c of alphabet) {
    assert.ok(!b64(a + b + c).includes('/'), a + b + c);
    groups++;
  }
  assert.equal(groups, alphabet.length ** 3);
});

/** Ids of the platform's shape for which `wanted` holds. */
function idWhere(wanted: (id: string) => boolean): string {
  for (let i = 0; i < 100_000; i++) {
    const id = `API.${i.toString(36)}`;
    if (wanted(id)) return id;
  }
  throw new Error('none found');
}

// A separator overridden in the protocol (here '?') can produce a '/': the order is changed, or it fails loudly.
test('resource ids: another order when the given one would put a / in the path segment', () => {
  const a = idWhere((id) => !b64(id).includes('/'));
  const b = idWhere((id) => b64(`${a}?${id}`).includes('/') && !b64(`${id}?${a}`).includes('/'));
  assert.ok(b64(`${a}?${b}`).includes('/'));
  assert.equal(encodeResources([a, b], '?'), b64(`${b}?${a}`));
});

test('resource ids: loud failure when every order has a /', () => {
  const a = idWhere((id) => id.length % 3 === 2);
  const b = idWhere((id) => id.length % 3 === 2 && id !== a);
  // Both orders put the '?' last in a 3-byte group.
  assert.ok(b64(`${a}?${b}`).includes('/') && b64(`${b}?${a}`).includes('/'));
  assert.throws(() => encodeResources([a, b], '?'), (e: unknown) => e instanceof ResourceEncodingError && /would break the consent URL/.test(e.message));
  assert.throws(() => encodeResources([], ':'), ResourceEncodingError);
  assert.throws(() => encodeResources(['API.a', 'API.a'], ':'), /listed twice/);
  assert.throws(() => encodeResources(['API/a'], ':'), /outside/);
});

test('the audit and seal keys differ, come from the secret, and refuse a short secret', () => {
  const audit = deriveKey('a server secret of some length', 'audit');
  const seal = deriveKey('a server secret of some length', 'seal');
  assert.equal(audit.length, 32);
  assert.notDeepEqual(audit, seal);
  assert.deepEqual(deriveKey(new TextEncoder().encode('a server secret of some length'), 'audit'), audit);
  assert.notDeepEqual(deriveKey('another server secret, same length', 'audit'), audit);
  assert.throws(() => deriveKey('short', 'audit'), /at least 16 bytes/);
  assert.notEqual(keyedHash(audit, 'A125001237'), keyedHash(seal, 'A125001237'));
  assert.doesNotMatch(keyedHash(audit, 'A125001237'), /A125001237/);
});

test('Retry-After in seconds or as an HTTP date', () => {
  assert.equal(retryAfterMs('10', 0), 10_000);
  assert.equal(retryAfterMs(' 0 ', 0), 0);
  assert.equal(retryAfterMs(new Date(60_000).toUTCString(), 30_000), 30_000);
  assert.equal(retryAfterMs('soon', 0), undefined);
  assert.equal(retryAfterMs(null, 0), undefined);
  assert.equal(retryAfterMs('-5', 0), undefined);
});

test('the notification is read strictly', () => {
  const names = DEFAULT_PROTOCOL.notification;
  const good = { tx_id: '0b0e5a1c-3f5e-4a53-9d3c-3a0c1f9b2e11', permission_ticket: 'T1cket', secret_key: 'c2VjcmV0' };
  assert.deepEqual(readNotification(good, names), { txId: good.tx_id, ticket: 'T1cket', secretKey: 'c2VjcmV0', unableToDeliver: [] });
  assert.deepEqual(readNotification({ ...good, unable_to_deliver: ['API.AbAYGIjoYw'], api_key: 'k' }, names)?.unableToDeliver, ['API.AbAYGIjoYw']);
  for (const bad of [
    null, [], 'text', {},
    { ...good, extra: 1 },
    { ...good, tx_id: 'not-a-uuid' },
    { ...good, tx_id: 5 },
    { ...good, permission_ticket: '' },
    { ...good, permission_ticket: 'has space' },
    { ...good, permission_ticket: 'line\nbreak' },
    { ...good, secret_key: 42 },
    { ...good, unable_to_deliver: 'API.AbAYGIjoYw' },
    { ...good, unable_to_deliver: ['../x'] },
  ]) {
    assert.equal(readNotification(bad, names), undefined, JSON.stringify(bad));
  }
});
