import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubmissionError } from '@formosa/engine';
import { createSubmitter } from '@formosa/transport';

/** A real HTTP endpoint whose behaviour per attempt the test scripts. */
async function endpoint(script: ((req: IncomingMessage, res: ServerResponse) => void)[]) {
  const seen: { key: string | undefined; body: string }[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ key: req.headers['idempotency-key'] as string | undefined, body });
    (script[seen.length - 1] ?? script.at(-1)!)(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  after(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/submit`, seen };
}

const ok = (_: IncomingMessage, res: ServerResponse) => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'x', receipt: 'RS-1' }));
const drop = (req: IncomingMessage) => req.socket.destroy();
const unavailable = (_: IncomingMessage, res: ServerResponse) => res.writeHead(503).end();
const fast = { backoff: 1 };

test('retries a dropped connection and a 503 with the same Idempotency-Key, then returns the receipt', async () => {
  const { url, seen } = await endpoint([drop, unavailable, ok]);
  const receipt = await createSubmitter(fast)({ endpoint: url, data: { a: 1 }, idempotencyKey: 'k-1' });
  assert.deepEqual(receipt, { id: 'x', receipt: 'RS-1' });
  assert.deepEqual(seen.map((s) => s.key), ['k-1', 'k-1', 'k-1']);
  assert.deepEqual(seen.map((s) => JSON.parse(s.body)), [{ a: 1 }, { a: 1 }, { a: 1 }]);
});

test('a 422 is not retried and carries the field errors', async () => {
  const errors = [{ path: '/name', code: 'required', params: {} }];
  const { url, seen } = await endpoint([(_, res) => res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ errors }))]);
  await assert.rejects(createSubmitter(fast)({ endpoint: url, data: {}, idempotencyKey: 'k-2' }), (e: unknown) => {
    assert.ok(e instanceof SubmissionError);
    assert.equal(e.kind, 'rejected');
    assert.deepEqual(e.fieldErrors, errors);
    return true;
  });
  assert.equal(seen.length, 1);
});

test('gives up after the retries with a network error when the service stays unreachable', async () => {
  const { url, seen } = await endpoint([drop]);
  await assert.rejects(createSubmitter({ ...fast, retries: 2 })({ endpoint: url, data: {}, idempotencyKey: 'k-3' }), (e: unknown) => e instanceof SubmissionError && e.kind === 'network');
  assert.equal(seen.length, 3);
});

test('a 400 is a server failure that is not retried', async () => {
  const { url, seen } = await endpoint([(_, res) => res.writeHead(400).end('{}')]);
  await assert.rejects(createSubmitter(fast)({ endpoint: url, data: {}, idempotencyKey: 'k-4' }), (e: unknown) => e instanceof SubmissionError && e.kind === 'server' && e.status === 400);
  assert.equal(seen.length, 1);
});

test('an attempt that hangs times out and is retried', async () => {
  const { url, seen } = await endpoint([() => undefined, ok]);
  const receipt = await createSubmitter({ ...fast, timeout: 100 })({ endpoint: url, data: {}, idempotencyKey: 'k-5' });
  assert.equal(receipt.receipt, 'RS-1');
  assert.equal(seen.length, 2);
});
