// Two server instances on one PostgreSQL behave as one (issue 12): 1,000 concurrent duplicate submissions spread
// over both store one record per key, and every answer carries that record's receipt.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '@formosa/server';
import { applicationText } from './application.js';
import { startPostgres, type TestPostgres } from './postgres.js';

const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
const FORM = 'smoke-alarm-subsidy';
const unlimited = { perAddress: { requests: 1e9, seconds: 60 }, perForm: { requests: 1e9, seconds: 60 } };
let cluster: TestPostgres;
let servers: RunningServer[] = [];

before(async () => {
  cluster = await startPostgres();
  const database = await cluster.database();
  // Started together: both migrate the new database at start (one waits for the other's lock).
  servers = await Promise.all([0, 1].map(() => startServer({ formsDir, database, limits: unlimited })));
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  cluster?.stop();
});

test('1,000 concurrent duplicates (10 keys) spread over two instances on one PostgreSQL store 10 records', async () => {
  const body = applicationText(FORM);
  const keys = Array.from({ length: 10 }, (_, i) => `two-instances-${i}`);
  const send = (i: number) => {
    const key = keys[i % keys.length]!;
    return fetch(`${servers[i % 2]!.url}/api/forms/${FORM}/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body })
      .then(async (res) => ({ key, status: res.status, body: (await res.json()) as { id?: string; receipt?: string; error?: string } }));
  };
  const started = performance.now();
  const answered = await Promise.all(Array.from({ length: 1000 }, (_, i) => send(i)));
  const ms = performance.now() - started;
  const statuses: Record<string, typeof answered> = {};
  for (const a of answered) (statuses[a.status] ??= []).push(a);
  assert.deepEqual(Object.keys(statuses).filter((s) => !['200', '201', '409'].includes(s)), [], 'only stored, stored before, or in flight on that instance');
  assert.equal(statuses['201']?.length, 10, 'one created per key');
  assert.equal(await servers[0]!.store.count(FORM), 10);
  for (const key of keys) {
    const receipts = new Set(answered.filter((a) => a.key === key && a.status !== 409).map((a) => a.body.receipt));
    assert.equal(receipts.size, 1, `${key}: one receipt in every answer`);
  }
  // An instance answers 409 while it processes the key itself; retried one by one, each gets the one record.
  for (const refused of answered.filter((a) => a.status === 409)) {
    const retry = await send(keys.indexOf(refused.key));
    assert.equal(retry.status, 200);
    assert.equal(retry.body.receipt, answered.find((a) => a.key === retry.key && a.status === 201)!.body.receipt);
  }
  assert.equal(await servers[1]!.store.count(FORM), 10);
  console.log(`# two instances: 1,000 requests → ${statuses['201']?.length} created, ${statuses['200']?.length ?? 0} answered with the stored record, ${statuses['409']?.length ?? 0} in flight; 10 records; ${Math.round(ms)} ms`);
});
