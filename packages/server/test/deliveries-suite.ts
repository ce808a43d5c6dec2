/**
 * The deliveries section's suite, run on SQLite and on PostgreSQL: the scan enqueues each event once per endpoint
 * (again and again: nothing twice), claims hand each due delivery to one claimer under concurrency and again once a
 * lease runs out, outcomes move the state, the log pages, replay re-queues. And two workers on two handles of one
 * database, ticking at once, never deliver an event twice in a round. `open()` gives a new handle on the same database.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DeliveryWorker, DEFAULT_FLOW, type Store } from '@formosa/server';
import type { ClaimedDelivery, DeliveryEvent } from '../src/store/deliveries.js';
import { fingerprint } from '../src/fingerprint.js';
import { startReceiver } from './delivery-receiver.js';

const T0 = Date.parse('2026-12-06T00:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const key = { id: 'suite-key', secret: 'a secret of the suite, long enough' };

export function deliveriesSuite(name: string, open: () => Promise<Store>): void {
  describe(`${name} deliveries`, () => {
    let store: Store, other: Store;
    before(async () => {
      store = await open();
      other = await open();
    });
    after(async () => {
      await store?.close();
      await other?.close();
    });
    const submit = async (formId: string, data: unknown, corrects?: string) => {
      const outcome = await store.store(formId, '3', undefined, data, { hash: fingerprint(data), ...(corrects ? { corrects } : {}) });
      assert.ok('submission' in outcome);
      return outcome.submission;
    };
    /** Claims everything due at `now` and settles it as `state`; returns what was claimed. */
    const drain = async (endpoints: string[], now: Date, settle?: (d: ClaimedDelivery) => Parameters<Store['deliveries']['record']>[2]) => {
      const claimed = await store.deliveries.claim(endpoints, now, 60_000, 100);
      if (settle) for (const d of claimed) await store.deliveries.record(d, { at: now.toISOString(), status: 204, ms: 3 }, settle(d), now);
      return claimed;
    };

    test('the scan enqueues each event once per endpoint of its form: created, resubmitted, status changed; scanning again adds nothing', async () => {
      const routes: Record<string, string[]> = { 'dl-scan-a': ['https://x.example/in', 'https://y.example/in'], 'dl-scan-b': ['https://x.example/in'] };
      const endpointsFor = (formId: string) => routes[formId] ?? [];
      const first = await submit('dl-scan-a', { name: '林小美' });
      const second = await submit('dl-scan-b', { name: '陳大文' });
      await submit('dl-scan-none', { ignored: true });
      const correction = await submit('dl-scan-a', { name: '林小美', fixed: true }, first.id);
      const moved = await store.status.move('dl-scan-b', second.id, { to: 'in_review', by: 'caseworker', who: 'k1 王小明', note: '受理' }, DEFAULT_FLOW);
      assert.ok('entry' in moved);
      assert.equal(await store.deliveries.enqueue(endpointsFor, at(0)), 2 + 1 + 2 + 1);
      assert.equal(await other.deliveries.enqueue(endpointsFor, at(0)), 0, 'another instance finds nothing new');
      assert.equal(await store.deliveries.enqueue(endpointsFor, at(0)), 0);

      const claimed = await drain(['https://x.example/in'], at(0));
      const events = new Map(claimed.map((d) => [d.eventId, JSON.parse(d.body) as DeliveryEvent]));
      assert.equal(claimed.length, 4, 'x takes both forms');
      assert.deepEqual(events.get(`submission:${first.id}`), {
        id: `submission:${first.id}`, type: 'submission.created', formId: 'dl-scan-a', formVersion: '3', receipt: first.receipt,
        submissionId: first.id, occurredAt: first.submittedAt, data: { name: '林小美' },
      });
      assert.equal(events.get(`submission:${correction.id}`)?.type, 'submission.resubmitted');
      assert.equal(events.get(`submission:${correction.id}`)?.corrects, first.id);
      const status = [...events.values()].find((e) => e.type === 'status.changed')!;
      assert.match(status.id, /^status:\d+$/);
      assert.deepEqual({ ...status, id: '' }, {
        id: '', type: 'status.changed', formId: 'dl-scan-b', formVersion: '3', receipt: second.receipt, submissionId: second.id,
        occurredAt: status.occurredAt, data: { status: 'in_review', by: 'caseworker', who: 'k1 王小明', note: '受理' },
      });
      assert.equal((await drain(['https://y.example/in'], at(0))).length, 2, 'y takes form a only');
      assert.equal((await drain(['https://x.example/in', 'https://y.example/in'], at(0))).length, 0, 'leased: claimed again only when the lease runs out');
    });

    test('concurrent claims from two handles get each due delivery once; a lease that runs out lets another take it, and the late holder cannot record', async () => {
      const url = 'https://claims.example/in';
      for (let i = 0; i < 30; i++) await submit('dl-claims', { i });
      await store.deliveries.enqueue((formId) => (formId === 'dl-claims' ? [url] : []), at(0));
      const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).deliveries.claim([url], at(1000), 5_000, 4)));
      const ids = claims.flat().map((d) => d.id);
      assert.equal(ids.length, 30, 'every due delivery claimed');
      assert.equal(new Set(ids).size, 30, 'none claimed twice');

      const [held] = claims.flat();
      assert.deepEqual(await other.deliveries.claim([url], at(5_999), 5_000, 100), [], 'still leased');
      const retaken = await other.deliveries.claim([url], at(6_001), 5_000, 100);
      assert.equal(retaken.length, 30, 'leases ran out: claimed again');
      const attempt = { at: at(6_100).toISOString(), error: 'answered 503', status: 503, ms: 12 };
      assert.equal(await store.deliveries.record(held!, attempt, { state: 'delivered' }, at(6_100)), false, 'the old lease records nothing');
      const again = retaken.find((d) => d.id === held!.id)!;
      assert.equal(await other.deliveries.record(again, attempt, { state: 'pending', nextAt: at(66_100) }, at(6_100)), true);
      const [logged] = (await store.deliveries.list({ state: 'pending', limit: 100 })).deliveries.filter((d) => d.id === held!.id);
      assert.equal(logged!.attempts, 1);
      assert.equal(logged!.nextAt, at(66_100).toISOString());
      assert.equal(logged!.lastError, 'answered 503');
      assert.equal(logged!.log.length, 2, 'both attempts are in the log, the late one too');
    });

    test('outcomes, the log by state a page at a time, and replay of a parked or delivered delivery', async () => {
      const url = 'https://log.example/in';
      for (let i = 0; i < 5; i++) await submit('dl-log', { i });
      await store.deliveries.enqueue((formId) => (formId === 'dl-log' ? [url] : []), at(0));
      const claimed = await drain([url], at(0));
      assert.equal(claimed.length, 5);
      const [a, b, c] = claimed;
      const now = at(10);
      await store.deliveries.record(a!, { at: now.toISOString(), status: 204, ms: 5 }, { state: 'delivered' }, now);
      await store.deliveries.record(b!, { at: now.toISOString(), error: 'connect ECONNREFUSED', ms: 1 }, { state: 'parked' }, now);
      await store.deliveries.record(c!, { at: now.toISOString(), error: 'refused (private): …', ms: 0 }, { state: 'pending', nextAt: at(60_010) }, now);

      const delivered = (await store.deliveries.list({ state: 'delivered', limit: 100 })).deliveries.find((d) => d.id === a!.id)!;
      assert.equal(delivered.deliveredAt, now.toISOString());
      assert.deepEqual(delivered.log, [{ at: now.toISOString(), status: 204, ms: 5 }]);
      assert.equal('body' in delivered, false, 'the log holds no answers');
      assert.ok((await store.deliveries.list({ state: 'parked', limit: 100 })).deliveries.some((d) => d.id === b!.id));

      const pages: string[] = [];
      let page = await store.deliveries.list({ limit: 2 });
      for (;;) {
        pages.push(...page.deliveries.map((d) => d.id));
        if (page.next === undefined) break;
        page = await store.deliveries.list({ limit: 2, before: page.next });
      }
      assert.equal(new Set(pages).size, pages.length, 'pages do not overlap');
      for (const d of claimed) assert.ok(pages.includes(d.id));

      const replayed = await store.deliveries.replay(b!.id, at(20));
      assert.ok(replayed && replayed !== 'pending');
      assert.equal(replayed.state, 'pending');
      assert.equal(replayed.attempts, 0, 'a full schedule again');
      assert.equal(replayed.eventId, b!.eventId, 'the same event id');
      assert.equal(await store.deliveries.replay(c!.id, at(20)), 'pending');
      assert.equal(await store.deliveries.replay('00000000-0000-4000-8000-000000000000', at(20)), undefined);
      assert.equal((await store.deliveries.replay(a!.id, at(20)) as { state: string }).state, 'pending', 'a delivered one goes again too');
      const due = await drain([url], at(20));
      assert.deepEqual(due.map((d) => d.eventId).sort(), [a!.eventId, b!.eventId].sort());
    });

    test('two workers on two handles of one database, ticking at once, deliver each of 40 events once', async () => {
      const receiver = await startReceiver(key);
      try {
        for (let i = 0; i < 40; i++) await submit('dl-workers', { i });
        const options = { endpoints: [{ url: receiver.url, forms: ['dl-workers'], key, allowPrivate: true, allowHttp: true }], intervalMs: 0, batch: 5 };
        const workers = [new DeliveryWorker(store.deliveries, options), new DeliveryWorker(other.deliveries, options)];
        // Enqueued beforehand, so that both rounds find the 40 due at once and contend for them.
        await store.deliveries.enqueue((formId) => (formId === 'dl-workers' ? [receiver.url] : []), new Date());
        const reports = await Promise.all(workers.map((w) => w.tick()));
        assert.deepEqual(receiver.forged, []);
        const ids = receiver.received.map((r) => r.eventId);
        assert.equal(ids.length, 40, `${reports.map((r) => r.delivered).join(' + ')} delivered`);
        assert.equal(new Set(ids).size, 40, 'no event delivered twice');
        assert.equal(reports[0]!.delivered + reports[1]!.delivered, 40);
        console.log(`# ${name}: two workers at once delivered ${reports.map((r) => r.delivered).join(' + ')} of 40 events, none twice`);
      } finally {
        await receiver.close();
      }
    });
  });
}
