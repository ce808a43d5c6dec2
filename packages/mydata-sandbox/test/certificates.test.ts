import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { serialNumber } from '../src/internal/certificates.js';

// A serial whose DER integer is not minimal (a leading zero byte before one under 0x80) is refused by OpenSSL:
// the connector then refuses the sandbox's CA ("not an X.509 certificate"), once in a few hundred starts.
test('every serial number is a positive, minimally encoded integer of 16 bytes', () => {
  for (let i = 0; i < 10_000; i++) {
    const serial = serialNumber();
    assert.match(serial, /^[0-9a-f]{32}$/, serial);
    const first = parseInt(serial.slice(0, 2), 16);
    assert.ok(first > 0 && first < 0x80, `${serial}: first byte ${first}`);
  }
});

test('the CA certificate the sandbox hands out parses as X.509', async () => {
  const { createTestPki } = await import('../src/internal/certificates.js');
  const pki = await createTestPki();
  assert.equal(new X509Certificate(pki.caCertificatePem).ca, true);
});
