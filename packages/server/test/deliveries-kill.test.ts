// kill -9 in the middle of a burst (issue 12): two server PROCESSES on one PostgreSQL, each delivering to one real
// receiver; one is killed with SIGKILL while submissions arrive and deliveries are under way. The client sends what
// failed again, under the same Idempotency-Key, to the survivor (as the SDK's outbox does). Every acknowledged
// submission is stored exactly once and delivered — by the survivor, once the dead one's leases run out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { applicationText } from './application.js';
import { startPostgres, type TestPostgres } from './postgres.js';
import { startReceiver, type Receiver } from './delivery-receiver.js';
import { startInstance } from './instance-process.js';

const FORM = 'smoke-alarm-subsidy';
const TOTAL = 300;
const KILL_AFTER = 100;
const key = { id: 'kill-test', secret: 'the kill test signing secret, long' };

let cluster: TestPostgres;
let database: string;
let receiver: Receiver;
const children: ChildProcess[] = [];

/** Starts one instance as a process of its own, delivering to the receiver. */
async function instance(): Promise<{ url: string; child: ChildProcess }> {
  const started = await startInstance(database, { DL_RECEIVER: receiver.url, DL_SECRET: key.secret });
  children.push(started.child);
  return started;
}

before(async () => {
  cluster = await startPostgres();
  database = await cluster.database();
  // The case system takes 30 ms an event: a killed instance leaves deliveries leased, half sent.
  receiver = await startReceiver(key, () => 204, { delayMs: 30 });
});
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await receiver?.close();
  cluster?.stop();
});

test('kill -9 of one of two instances in the middle of a burst: every acknowledged submission stored once and delivered', { timeout: 120_000 }, async () => {
  // One after the other: both migrate the new database, the second finds the work done.
  const first = await instance();
  const second = await instance();
  const body = applicationText(FORM);
  let acknowledged = 0, armed = false, killed = false, resent = 0;
  const ids = new Map<string, string>();
  const send = async (i: number): Promise<void> => {
    const idempotencyKey = `kill-${i}`;
    let target = i % 2 ? first : second;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (killed && target === first) target = second;
      const answer = fetch(`${target.url}/api/forms/${FORM}/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey }, body });
      // Past the middle, killed 5 ms after the next request to it is sent, while requests keep going to it.
      if (acknowledged >= KILL_AFTER && !armed && target === first) {
        armed = true;
        setTimeout(() => {
          first.child.kill('SIGKILL');
          killed = true;
        }, 5);
      }
      try {
        const res = await answer;
        if (res.status === 201 || res.status === 200) {
          ids.set(idempotencyKey, ((await res.json()) as { id: string }).id);
          acknowledged++;
          return;
        }
        assert.equal(res.status, 409, 'in flight on that instance, else stored');
      } catch {
        resent++; // the connection died with the instance: sent again, same key, to the survivor
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    assert.fail(`${idempotencyKey} was never acknowledged`);
  };
  // 20 clients at a time.
  let next = 0;
  await Promise.all(Array.from({ length: 20 }, async () => {
    while (next < TOTAL) await send(next++);
  }));
  assert.equal(ids.size, TOTAL);
  await new Promise((done) => setTimeout(done, 10));
  assert.equal(first.child.signalCode, 'SIGKILL');

  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    const stored = (await client.query<{ idempotency_key: string; id: string }>('SELECT idempotency_key, id FROM submissions WHERE form_id = $1', [FORM])).rows;
    assert.equal(stored.length, TOTAL, 'stored exactly once per key');
    const byKey = new Map(stored.map((r) => [r.idempotency_key, r.id]));
    for (const [k, id] of ids) assert.equal(byKey.get(k), id, `${k}: the acknowledged record`);

    // Every one delivered: the survivor takes what the dead one held once its leases run out.
    const wanted = new Set([...ids.values()].map((id) => `submission:${id}`));
    const deadline = Date.now() + 60_000;
    const settled = async () => (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries WHERE state = 'delivered'")).rows[0]!.n === TOTAL;
    while (([...wanted].some((id) => !receiver.kept().has(id)) || !(await settled())) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 200));
    const kept = receiver.kept();
    const missing = [...wanted].filter((id) => !kept.has(id));
    assert.deepEqual(missing, [], 'none lost');
    assert.deepEqual(receiver.forged, []);
    const duplicates = receiver.received.length - kept.size;
    const states = (await client.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM deliveries GROUP BY state')).rows;
    assert.deepEqual(states, [{ state: 'delivered', n: TOTAL }], 'each recorded delivered: the dead one\'s leases ran out and the survivor sent them');
    console.log(`# kill -9 after ${KILL_AFTER} of ${TOTAL}: ${ids.size} acknowledged (${resent} cut off by the kill and sent again to the survivor), ${stored.length} stored, ${kept.size} delivered (${duplicates} received twice, de-duplicated by event id); deliveries ${JSON.stringify(states)}`);
  } finally {
    await client.end();
  }
});
