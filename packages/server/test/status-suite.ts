/**
 * One suite for the store's status section on every Store (SQLite, PostgreSQL): the submission as the first entry,
 * moves the flow allows and refuses, 20 concurrent moves of which exactly one wins, lists by status and date.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, StoredSubmission } from '@formosa/server';
import { DEFAULT_FLOW, type StatusFlow } from '../src/status/flow.js';

export function statusSuite(name: string, open: () => Promise<Store>): void {
  describe(`${name} status store`, () => {
    let store: Store;
    before(async () => (store = await open()));
    after(() => store?.close());
    const submit = async (formId: string, now = new Date(), corrects?: string): Promise<StoredSubmission> => {
      const outcome = await store.store(formId, '1', undefined, { a: 1 }, { now, ...(corrects ? { corrects } : {}) });
      assert.ok('submission' in outcome);
      return outcome.submission;
    };

    test('the submission is the first entry; nothing else until a move; no history for an unknown id or a correction', async () => {
      const first = await submit('status-first');
      assert.deepEqual(await store.status.history('status-first', first.id), [{ status: 'submitted', at: first.submittedAt, by: 'system' }]);
      assert.equal(await store.status.current('status-first', first.id), 'submitted');
      assert.equal(await store.status.current('status-first', first.id, 'received'), 'received', "a flow's own initial status");
      assert.deepEqual(await store.status.history('status-first', 'no-such-id'), []);
      assert.equal(await store.status.current('status-first', 'no-such-id'), undefined);
      assert.equal(await store.status.current('status-other', first.id), undefined, 'read by form');
      const correction = await submit('status-first', new Date(), first.id);
      assert.equal(await store.status.current('status-first', correction.id), undefined, 'a correction shares its application’s history');
      assert.deepEqual(await store.status.move('status-first', correction.id, { to: 'in_review', by: 'caseworker' }, DEFAULT_FLOW), { refused: 'not_found' });
      assert.equal((await store.status.byReceipt(correction.receipt))?.corrects, first.id);
      assert.equal((await store.status.byReceipt(first.receipt))?.id, first.id);
      assert.equal(await store.status.byReceipt('RS-20260101-XXXXXX'), undefined);
    });

    test('moves the flow allows are recorded in order, who, note and reopened steps kept; others refused with the current status', async () => {
      const app = await submit('status-moves');
      const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 9, 0, s));
      const move = (to: string, by: 'caseworker' | 'citizen', extra: object = {}, s = 0) => store.status.move('status-moves', app.id, { to, by, now: at(s), ...extra }, DEFAULT_FLOW);
      assert.deepEqual(await move('approved', 'caseworker'), { refused: 'not_allowed', current: 'submitted' }, 'not before review');
      assert.deepEqual(await move('in_review', 'citizen'), { refused: 'not_allowed', current: 'submitted' }, 'not by the citizen');
      assert.deepEqual(await move('in_review', 'caseworker', { who: 'tok1 王科員' }, 1), { entry: { status: 'in_review', at: at(1).toISOString(), by: 'caseworker', who: 'tok1 王科員' } });
      await move('info_requested', 'caseworker', { who: 'tok1 王科員', note: '請補上租約第 2 頁', reopen: ['rental'] }, 2);
      assert.equal(await store.status.current('status-moves', app.id), 'info_requested');
      assert.deepEqual(await move('approved', 'caseworker'), { refused: 'not_allowed', current: 'info_requested' });
      await move('in_review', 'citizen', { who: 'version-2' }, 3);
      await move('approved', 'caseworker', { who: 'tok2 李科長', note: '核准' }, 4);
      assert.deepEqual(await move('rejected', 'caseworker'), { refused: 'not_allowed', current: 'approved' }, 'final');
      assert.deepEqual(await store.status.history('status-moves', app.id), [
        { status: 'submitted', at: app.submittedAt, by: 'system' },
        { status: 'in_review', at: at(1).toISOString(), by: 'caseworker', who: 'tok1 王科員' },
        { status: 'info_requested', at: at(2).toISOString(), by: 'caseworker', who: 'tok1 王科員', note: '請補上租約第 2 頁', reopen: ['rental'] },
        { status: 'in_review', at: at(3).toISOString(), by: 'citizen', who: 'version-2' },
        { status: 'approved', at: at(4).toISOString(), by: 'caseworker', who: 'tok2 李科長', note: '核准' },
      ]);
    });

    test("a form's own flow: its initial status and its moves", async () => {
      const flow: StatusFlow = { initial: 'received', moves: { received: [{ to: 'done', by: 'caseworker' }], done: [] }, reopens: [], final: ['done'] };
      const app = await submit('status-own');
      assert.deepEqual(await store.status.move('status-own', app.id, { to: 'in_review', by: 'caseworker' }, flow), { refused: 'not_allowed', current: 'received' });
      assert.ok('entry' in (await store.status.move('status-own', app.id, { to: 'done', by: 'caseworker' }, flow)));
      assert.deepEqual((await store.status.history('status-own', app.id, 'received')).map((e) => e.status), ['received', 'done']);
    });

    test('20 concurrent moves from in_review: exactly one wins, the others are refused with the status it left', async () => {
      const app = await submit('status-race');
      assert.ok('entry' in (await store.status.move('status-race', app.id, { to: 'in_review', by: 'caseworker' }, DEFAULT_FLOW)));
      const targets = ['approved', 'rejected', 'info_requested'];
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.status.move('status-race', app.id, { to: targets[i % 3]!, by: 'caseworker', who: `worker-${i}` }, DEFAULT_FLOW)),
      );
      const won = outcomes.filter((o) => 'entry' in o);
      assert.equal(won.length, 1, `one winner, not ${won.length}`);
      const winner = (won[0] as { entry: { status: string } }).entry.status;
      for (const o of outcomes) if (!('entry' in o)) assert.deepEqual(o, { refused: 'not_allowed', current: winner });
      const history = await store.status.history('status-race', app.id);
      assert.deepEqual(history.map((e) => e.status), ['submitted', 'in_review', winner]);
      assert.equal(await store.status.current('status-race', app.id), winner);
    });

    test('list: first submissions of a form by current status and submission time, in pages', async () => {
      const day = (d: number) => new Date(Date.UTC(2026, 10, d, 2));
      const apps = [await submit('status-list', day(1)), await submit('status-list', day(2)), await submit('status-list', day(3))];
      await submit('status-list', day(4), apps[0]!.id);
      await submit('status-list-other', day(2));
      await store.status.move('status-list', apps[1]!.id, { to: 'in_review', by: 'caseworker', now: day(5) }, DEFAULT_FLOW);
      const all = await store.status.list('status-list');
      assert.deepEqual(all.map((a) => a.submissionId), apps.map((a) => a.id), 'corrections and other forms left out');
      assert.deepEqual(all[1], { submissionId: apps[1]!.id, receipt: apps[1]!.receipt, submittedAt: day(2).toISOString(), status: 'in_review', changedAt: day(5).toISOString() });
      assert.deepEqual(all[0], { submissionId: apps[0]!.id, receipt: apps[0]!.receipt, submittedAt: day(1).toISOString(), status: 'submitted', changedAt: day(1).toISOString() });
      assert.deepEqual((await store.status.list('status-list', { status: 'submitted' })).map((a) => a.submissionId), [apps[0]!.id, apps[2]!.id]);
      assert.deepEqual((await store.status.list('status-list', { status: 'received' }, 'received')).map((a) => a.submissionId), [apps[0]!.id, apps[2]!.id]);
      assert.deepEqual((await store.status.list('status-list', { from: day(2).toISOString(), to: day(3).toISOString() })).map((a) => a.submissionId), [apps[1]!.id]);
      const page = await store.status.list('status-list', { limit: 2 });
      assert.equal(page.length, 2);
      const next = await store.status.list('status-list', { limit: 2, after: { submittedAt: page[1]!.submittedAt, submissionId: page[1]!.submissionId } });
      assert.deepEqual(next.map((a) => a.submissionId), [apps[2]!.id]);
    });
  });
}
