// Two server PROCESSES on one PostgreSQL behave as one (issue 12): 1,000 concurrent duplicates of one application,
// spread over both, store one record; a file two applications both refer to is claimed by one of them only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { Attachment } from '@formosa/schema';
import { PostgresStore } from '@formosa/server';
import { fixtureFile } from '../../../examples/fixtures.js';
import { applicationText } from './application.js';
import { startInstance } from './instance-process.js';
import { startPostgres, type TestPostgres } from './postgres.js';

const FORM = 'rent-subsidy';
let cluster: TestPostgres;
let store: PostgresStore;
let urls: string[] = [];
const children: ChildProcess[] = [];

before(async () => {
  cluster = await startPostgres();
  const database = await cluster.database();
  // Started together: both migrate the new database at start (one waits for the other's lock).
  const instances = await Promise.all([0, 1].map(() => startInstance(database)));
  children.push(...instances.map((i) => i.child));
  urls = instances.map((i) => i.url);
  store = await PostgresStore.open(database, 2);
});
after(async () => {
  for (const child of children) child.kill('SIGTERM');
  await store?.close();
  cluster?.stop();
});

const upload = async (url: string) => (await (await fetch(`${url}/api/forms/${FORM}/attachments?field=%2Frental%2FleaseCopy`, {
  method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(readFileSync(fixtureFile('@file:lease.pdf')!)),
})).json()) as Attachment;

type Answer = { status: number; body: { id?: string; receipt?: string; error?: string } };
const submit = (url: string, key: string, body: string): Promise<Answer> =>
  fetch(`${url}/api/forms/${FORM}/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body })
    .then(async (res) => ({ status: res.status, body: (await res.json()) as Answer['body'] }));

test('1,000 concurrent duplicates of one application, spread over two processes on one PostgreSQL, store one record', async () => {
  const lease = await upload(urls[0]!);
  const body = applicationText(FORM, lease);
  const started = performance.now();
  const answered = await Promise.all(Array.from({ length: 1000 }, (_, i) => submit(urls[i % 2]!, 'one-application', body)));
  const ms = performance.now() - started;
  const by = (status: number) => answered.filter((a) => a.status === status);
  assert.deepEqual([...new Set(answered.map((a) => a.status))].filter((s) => ![200, 201, 409].includes(s)), [], 'only stored, stored before, or in flight on that instance');
  assert.equal(by(201).length, 1, 'one created');
  assert.equal(await store.count(FORM), 1, 'one record');
  const receipt = by(201)[0]!.body.receipt;
  assert.deepEqual(new Set(by(200).map((a) => a.body.receipt)), new Set(by(200).length ? [receipt] : []), 'every stored answer names the one record');
  // An instance answers 409 while it processes the key itself; sent again, each gets the one record.
  for (const [i] of by(409).entries()) assert.equal((await submit(urls[i % 2]!, 'one-application', body)).body.receipt, receipt);
  const record = await store.get(FORM, by(201)[0]!.body.id!);
  assert.equal((record?.data as { rental: { leaseCopy: Attachment[] } }).rental.leaseCopy[0]!.id, lease.id, 'the lease is the record\'s');
  console.log(`# two processes: 1,000 duplicates → 1 created, ${by(200).length} answered with the stored record, ${by(409).length} in flight; 1 record; ${Math.round(ms)} ms`);
});

test('a file two applications refer to, sent together to both processes, is claimed by one application only', async () => {
  const lease = await upload(urls[1]!);
  const body = applicationText(FORM, lease);
  // 100 attempts, two applications (two keys), alternating over both processes.
  const answered = await Promise.all(Array.from({ length: 100 }, (_, i) => submit(urls[i % 2]!, `claims-${i % 4 < 2 ? 'a' : 'b'}`, body)));
  const created = answered.filter((a) => a.status === 201);
  assert.equal(created.length, 1, 'one application took the file');
  const refused = answered.filter((a) => a.status === 422);
  assert.ok(refused.length > 0, 'the other was told the file is not available');
  assert.deepEqual([...new Set(answered.map((a) => a.status))].filter((s) => ![200, 201, 409, 422].includes(s)), []);
  assert.equal(await store.count(FORM), 2, 'the first test\'s record and this one');
});
