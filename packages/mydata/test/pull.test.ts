// The pull against a real HTTP server that answers like a misbehaving platform: a body without end, a body that
// announces its size, an HTTP-date Retry-After.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_PROTOCOL } from '../src/protocol.js';
import { DEFAULT_PULL } from '../src/types.js';
import { pullPackage, type PullOutcome } from '../src/internal/pull.js';

async function withServer(handler: (req: IncomingMessage, res: ServerResponse) => void, run: (url: string) => Promise<void>): Promise<void> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/service/data`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function pull(url: string, overrides: Partial<typeof DEFAULT_PULL> = {}, packageBytes = 10_000): Promise<PullOutcome> {
  return pullPackage({
    fetch, url, ticket: 'T', txId: 'X', protocol: DEFAULT_PROTOCOL, policy: { ...DEFAULT_PULL, minWaitMs: 10, ...overrides },
    packageBytes, signal: new AbortController().signal, now: Date.now, onAttempt: () => undefined,
  });
}

test('a body without end is abandoned once past the package limit', { timeout: 20_000 }, async () => {
  let written = 0;
  let closed = false;
  await withServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/jwe' });
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    const pump = (): void => {
      while (!closed && written < 100 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
      if (closed) return;
      if (written < 100 * 1024 * 1024) res.once('drain', pump);
      else res.end();
    };
    res.on('close', () => void (closed = true));
    pump();
  }, async (url) => {
    assert.deepEqual(await pull(url, {}, 64 * 1024), { ok: false, code: 502, reason: 'package_too_large' });
  });
  assert.ok(written < 20 * 1024 * 1024, `the server got to write ${written} bytes`);
});

test('a body that announces a size over the limit is not read at all', async () => {
  await withServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/jwe', 'content-length': '1000000' });
    res.write('x'.repeat(100));
  }, async (url) => {
    assert.deepEqual(await pull(url, {}, 10_000), { ok: false, code: 502, reason: 'package_too_large' });
  });
});

test('the headers carry the ticket and tx_id; another content type than application/jwe is refused', async () => {
  const seen: Record<string, unknown>[] = [];
  await withServer((req, res) => {
    seen.push({ ticket: req.headers['permission_ticket'], tx: req.headers['tx_id'] });
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
  }, async (url) => {
    assert.deepEqual(await pull(url), { ok: false, code: 502, reason: 'content_type' });
  });
  assert.deepEqual(seen, [{ ticket: 'T', tx: 'X' }]);
});

test('an HTTP-date Retry-After is honoured', async () => {
  let calls = 0;
  const at: number[] = [];
  await withServer((_req, res) => {
    at.push(Date.now());
    if (calls++ === 0) res.writeHead(429, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }).end();
    else res.writeHead(200, { 'content-type': 'application/jwe; charset=us-ascii' }).end('a.b.c.d.e');
  }, async (url) => {
    assert.deepEqual(await pull(url), { ok: true, jwe: 'a.b.c.d.e' });
  });
  // The date has a one-second resolution: at least one second, at most two.
  assert.ok(at[1]! - at[0]! >= 1000 && at[1]! - at[0]! <= 2200, `${at[1]! - at[0]!} ms`);
});

test('a 429 without Retry-After waits the protocol\'s default, here beyond the bound', async () => {
  await withServer((_req, res) => void res.writeHead(429).end(), async (url) => {
    assert.deepEqual(await pull(url, { maxWaitMs: 5_000 }), { ok: false, code: 429, reason: 'retry_after_beyond_bound' });
  });
});
