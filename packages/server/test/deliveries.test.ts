import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signDelivery, verifyDelivery } from '../src/deliveries/sign.js';
import { nextAttemptAt, RETRY_WAITS_MS } from '../src/deliveries/schedule.js';
import { DestinationRefused, isPublicAddress, resolveDestination } from '../src/deliveries/destination.js';
import { postDelivery } from '../src/deliveries/post.js';

const key = { id: 'k-2026', secret: 'a secret the agency holds' };
const body = JSON.stringify({ type: 'submission.created', receipt: 'RS-20261206-7K3Q9X' });
const now = Date.parse('2026-12-06T12:00:00Z');
const timestamp = now / 1000;

test('a signed delivery verifies at the receiver; a changed body, another key, an old capture and a missing header do not', () => {
  const headers = signDelivery({ id: 'evt-1', timestamp, body, key });
  assert.deepEqual(verifyDelivery(headers, body, [key], { now }), { ok: true, id: 'evt-1' });
  assert.deepEqual(verifyDelivery(headers, body.replace('7K3Q9X', '7K3Q9Y'), [key], { now }), { ok: false, reason: 'bad_signature' });
  assert.deepEqual(verifyDelivery(headers, body, [{ id: 'k-2026', secret: 'another secret' }], { now }), { ok: false, reason: 'bad_signature' });
  assert.deepEqual(verifyDelivery(headers, body, [{ id: 'k-2025', secret: key.secret }], { now }), { ok: false, reason: 'unknown_key' });
  assert.deepEqual(verifyDelivery(headers, body, [key], { now: now + 301_000 }), { ok: false, reason: 'stale' });
  assert.deepEqual(verifyDelivery({ ...headers, 'formosa-signature': undefined }, body, [key], { now }), { ok: false, reason: 'missing' });
  // The id and the time are signed too: the same body under another event id is refused.
  assert.deepEqual(verifyDelivery({ ...headers, 'formosa-event-id': 'evt-2' }, body, [key], { now }), { ok: false, reason: 'bad_signature' });
});

test('retries span at least 35 hours whatever the jitter, each wait at most a fifth longer, then stop', () => {
  const total = (random: () => number) => {
    let at = 0;
    for (let failures = 1; ; failures++) {
      const next = nextAttemptAt(failures, at, random);
      if (next === undefined) return { at, attempts: failures };
      at = next;
    }
  };
  const shortest = total(() => 0), longest = total(() => 0.999);
  assert.ok(shortest.at >= 35 * 3600_000, `${shortest.at / 3600_000} h`);
  assert.ok(longest.at <= 1.2 * RETRY_WAITS_MS.reduce((a, b) => a + b), `${longest.at / 3600_000} h`);
  assert.equal(shortest.attempts, RETRY_WAITS_MS.length + 1, 'the first try and one per wait');
  const spread = new Set(Array.from({ length: 20 }, () => nextAttemptAt(3, 0)));
  assert.ok(spread.size > 10, 'two deliveries failing together do not retry together');
});

test('private, loopback, link-local and mapped addresses are refused; public ones pass', async () => {
  for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe']) {
    assert.equal(isPublicAddress(address), false, address);
  }
  for (const address of ['168.95.1.1', '8.8.8.8', '2001:b000:168::1', '2606:4700::1111']) assert.equal(isPublicAddress(address), true, address);

  const refused = async (url: string, reason: string, policy = {}, lookup?: Parameters<typeof resolveDestination>[2]) =>
    assert.rejects(resolveDestination(url, policy, lookup), (e: unknown) => e instanceof DestinationRefused && e.reason === reason);
  await refused('http://case.agency.gov.tw/in', 'scheme');
  await refused('ftp://case.agency.gov.tw/in', 'scheme');
  await refused('https://user:pw@case.agency.gov.tw/in', 'credentials');
  await refused('https://127.0.0.1/in', 'private');
  await refused('https://[::1]/in', 'private');
  await refused('https://localhost/in', 'private'); // the machine's own resolver
  // A name with one private answer among public ones: the connection could land on it.
  await refused('https://case.agency.gov.tw/in', 'private', {}, async () => [{ address: '168.95.1.1', family: 4 }, { address: '10.0.0.5', family: 4 }]);
  await refused('https://nowhere.invalid/in', 'unresolvable');
  const pinned = await resolveDestination('https://case.agency.gov.tw/in', {}, async () => [{ address: '168.95.1.1', family: 4 }]);
  assert.equal(pinned.address, '168.95.1.1');
  assert.equal((await resolveDestination('http://127.0.0.1:9/in', { allowPrivate: true, allowHttp: true })).address, '127.0.0.1');
});

/** A real receiving endpoint whose answers the test scripts. */
async function receiver(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    seen.push({ headers: req.headers, body: text });
    answer(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  after(() => server.closeAllConnections());
  after(() => server.close());
  const url = `http://localhost:${(server.address() as AddressInfo).port}/in`;
  return { seen, destination: await resolveDestination(url, { allowPrivate: true, allowHttp: true }) };
}

test('an attempt posts the signed body to the pinned address; only a 2xx counts, a redirect is not followed, a silent endpoint times out', async () => {
  const ok = await receiver((_req, res) => res.writeHead(204).end());
  const headers = signDelivery({ id: 'evt-9', timestamp: Math.floor(Date.now() / 1000), body, key });
  assert.deepEqual(await postDelivery(ok.destination, body, headers), { delivered: true, status: 204 });
  assert.equal(ok.seen[0]!.body, body);
  assert.deepEqual(verifyDelivery(ok.seen[0]!.headers, ok.seen[0]!.body, [key]), { ok: true, id: 'evt-9' });

  const failing = await receiver((_req, res) => res.writeHead(503).end('x'.repeat(100_000)));
  assert.deepEqual(await postDelivery(failing.destination, body, headers), { delivered: false, status: 503, error: 'answered 503' });
  const moved = await receiver((_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/' }).end());
  assert.equal((await postDelivery(moved.destination, body, headers)).delivered, false);
  const silent = await receiver(() => {});
  const attempt = await postDelivery(silent.destination, body, headers, { timeoutMs: 300 });
  assert.equal(attempt.delivered, false);
  assert.match((attempt as { error: string }).error, /no answer within 300 ms/);
});

test('a delivery configuration that could not work stops the server at start, saying which endpoint and why; the environment gives one endpoint', async () => {
  const { startServer } = await import('@formosa/server');
  const { deliveriesFromEnv } = await import('../src/deliveries/config.js');
  const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
  const endpoint = { url: 'https://case.agency.gov.tw/in', forms: '*' as const, key };
  const refused = async (endpoints: unknown[], message: RegExp) =>
    assert.rejects(startServer({ formsDir, database: ':memory:', deliveries: { endpoints: endpoints as [] } }), message);
  await refused([], /no endpoint/);
  await refused([{ ...endpoint, url: 'case.agency.gov.tw' }], /endpoints\[0\]: "case.agency.gov.tw" is not a URL/);
  await refused([{ ...endpoint, url: 'http://case.agency.gov.tw/in' }], /is not https/);
  await refused([endpoint, endpoint], /endpoints\[1\]: .* configured twice/);
  await refused([{ ...endpoint, key: { id: 'k', secret: 'short' } }], /shorter than 16 bytes/);
  await refused([{ ...endpoint, key: { id: '', secret: key.secret } }], /no id/);
  await refused([{ ...endpoint, forms: ['rent-subsidy', 'no-such-form'] }], /no form "no-such-form"/);

  assert.equal(deliveriesFromEnv({}), undefined);
  assert.throws(() => deliveriesFromEnv({ FORMOSA_DELIVERY_URL: 'https://case.agency.gov.tw/in' }), /FORMOSA_DELIVERY_KEY_ID and FORMOSA_DELIVERY_SECRET/);
  assert.deepEqual(deliveriesFromEnv({ FORMOSA_DELIVERY_URL: 'https://case.agency.gov.tw/in', FORMOSA_DELIVERY_KEY_ID: 'k1', FORMOSA_DELIVERY_SECRET: key.secret, FORMOSA_DELIVERY_FORMS: 'rent-subsidy smoke-alarm-subsidy' }), {
    endpoints: [{ url: 'https://case.agency.gov.tw/in', key: { id: 'k1', secret: key.secret }, forms: ['rent-subsidy', 'smoke-alarm-subsidy'], allowPrivate: false, allowHttp: false }],
  });
  // A good configuration starts its worker, whose timer holds no process open (only ref'd timers are active
  // resources); close() stops it before the store closes.
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const before = timers();
  const running = await startServer({ formsDir, database: ':memory:', deliveries: { endpoints: [endpoint], intervalMs: 50 } });
  assert.ok(running.deliveries);
  assert.equal(timers(), before);
  await running.close();
});
