/**
 * One suite for every Store implementation (SQLite, PostgreSQL): exactly once per key, a key bound to its request,
 * retired keys, corrections, files claimed once, and the same under 1,000 concurrent duplicates. Each test uses
 * forms of its own, so one store serves the whole suite.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MissingAttachmentError, type Store, type StoreOutcome } from '@formosa/server';
import { fingerprint } from '../src/fingerprint.js';

/** The stored submission of an outcome that must have one. */
function submitted(outcome: StoreOutcome) {
  assert.ok('submission' in outcome, `stored, not ${JSON.stringify(outcome)}`);
  return outcome;
}

export function storeSuite(name: string, open: () => Promise<Store>): void {
  describe(`${name} store`, () => {
    let store: Store;
    before(async () => (store = await open()));
    after(() => store?.close());
    const upload = (formId: string, bytes = 'pdf') => store.storeAttachment(formId, '/rental/leaseCopy', '租約.pdf', 'application/pdf', Buffer.from(bytes));

    test('a key stores once: the same request gets the same record, another request is refused; no key, no binding', async () => {
      const data = { name: '陳阿嬤', nested: { list: [1, 2.5, 'x'] }, nul: 'a\u0000b' };
      const first = submitted(await store.store('once', '1', 'key-1', data, { hash: fingerprint(data) }));
      assert.equal(first.created, true);
      assert.match(first.submission.receipt, /^O-\d{8}-[0-9A-HJKMNP-TV-Z]{6}$/);
      const again = submitted(await store.store('once', '1', 'key-1', data, { hash: fingerprint(data) }));
      assert.deepEqual(again, { submission: first.submission, created: false }, 'the stored record, as it was stored');
      assert.deepEqual(await store.store('once', '1', 'key-1', { other: true }, { hash: fingerprint({ other: true }) }), { reused: true });
      assert.deepEqual(await store.get('once', first.submission.id), first.submission);
      submitted(await store.store('once', '1', undefined, data));
      submitted(await store.store('once', '1', undefined, data));
      submitted(await store.store('once-other', '1', 'key-1', data, { hash: fingerprint(data) }));
      assert.equal(await store.count('once'), 3);
      assert.equal(await store.get('once-other', first.submission.id), undefined, 'read by form');
    });

    test('summaries and lookups: by id, by key; by request only with the same fingerprint', async () => {
      const stored = submitted(await store.store('lookup', '2', 'k', { a: 1 }, { hash: fingerprint({ a: 1 }) })).submission;
      const { data: _data, ...summary } = stored;
      assert.deepEqual(await store.summary('lookup', { id: stored.id }), summary);
      assert.deepEqual(await store.summary('lookup', { key: 'k' }), summary);
      assert.deepEqual(await store.findByRequest('lookup', 'k', fingerprint({ a: 1 })), summary);
      assert.equal(await store.findByRequest('lookup', 'k', fingerprint({ a: 2 })), undefined);
      assert.equal(await store.findByRequest('lookup', 'unused', fingerprint({ a: 1 })), undefined);
      submitted(await store.store('lookup', '2', 'no-fingerprint', { a: 1 }));
      assert.equal(await store.findByRequest('lookup', 'no-fingerprint', fingerprint({ a: 1 })), undefined, 'a row without a fingerprint matches no body');
    });

    test('retired: a key is retired only when no row has it, and a retired key takes no row', async () => {
      const held = submitted(await store.store('retire', '1', 'held', { a: 1 }, { hash: fingerprint({ a: 1 }) }));
      assert.equal(await store.findOrRetire('retire', 'held', fingerprint({ a: 2 })), undefined, 'another body: nothing to show');
      assert.equal((await store.findOrRetire('retire', 'held', fingerprint({ a: 1 })))?.id, held.submission.id);
      assert.equal(await store.isRetired('retire', 'held'), false);
      submitted(await store.store('retire', '1', 'held', { a: 1 }, { hash: fingerprint({ a: 1 }) }));
      assert.equal(await store.findOrRetire('retire', 'free', fingerprint({ a: 1 })), undefined);
      assert.equal(await store.isRetired('retire', 'free'), true);
      assert.deepEqual(await store.store('retire', '1', 'free', { a: 1 }, { hash: fingerprint({ a: 1 }) }), { retired: true });
      submitted(await store.store('retire-other', '1', 'free', { a: 1 }, { hash: fingerprint({ a: 1 }) }));
      assert.equal(await store.count('retire'), 1);
    });

    test('corrections: linked both ways, oldest first; a key is bound to what it corrects; MyData answers kept', async () => {
      const verified = [{ path: '/applicant/name', resource: 'API.X', retrievedAt: '2026-01-01T00:00:00.000Z' }];
      const original = submitted(await store.store('fix', '1', 'o', { a: 1 }, { hash: fingerprint({ a: 1 }), verified })).submission;
      assert.deepEqual((await store.get('fix', original.id))?.verified, verified);
      const later = new Date(Date.now() + 1000);
      const first = submitted(await store.store('fix', '1', 'c1', { a: 2 }, { hash: fingerprint({ a: 2 }), corrects: original.id })).submission;
      const second = submitted(await store.store('fix', '1', 'c2', { a: 3 }, { hash: fingerprint({ a: 3 }), corrects: original.id, now: later })).submission;
      assert.equal(first.corrects, original.id);
      assert.deepEqual(await store.correctionsOf('fix', original.id), [first.id, second.id]);
      assert.deepEqual(await store.store('fix', '1', 'c1', { a: 2 }, { hash: fingerprint({ a: 2 }) }), { reused: true }, 'the same body, not as a correction');
      assert.equal((await store.summary('fix', { key: 'c2' }))?.corrects, original.id);
    });

    test('files: kept with their metadata and bytes, deleted only by their token\'s holder until a submission takes them', async () => {
      const file = await upload('files', '%PDF-1.4 bytes');
      assert.deepEqual(await store.attachment('files', file.id), { id: file.id, formId: 'files', field: '/rental/leaseCopy', name: '租約.pdf', type: 'application/pdf', size: 14 });
      assert.deepEqual((await store.attachment('files', file.id, true))?.data, Buffer.from('%PDF-1.4 bytes'));
      assert.equal(await store.attachment('other', file.id), undefined);
      assert.equal(await store.holdsToken('files', file.id, file.token), true);
      assert.equal(await store.holdsToken('files', file.id, 'x'.repeat(43)), false);
      submitted(await store.store('files', '1', 'takes', {}, { attachments: [file.id] }));
      assert.equal(await store.deleteAttachment('files', file.id), 'kept');
      const removed = await upload('files');
      assert.equal(await store.deleteAttachment('files', removed.id), 'deleted');
      assert.equal(await store.deleteAttachment('files', removed.id), 'missing');
    });

    test('files: claimed by one submission only, in its transaction; the sweep takes only unclaimed files', async () => {
      const file = await upload('claim');
      submitted(await store.store('claim', '1', 'first', {}, { attachments: [file.id] }));
      await assert.rejects(store.store('claim', '1', 'second', {}, { attachments: [file.id] }), (e) => e instanceof MissingAttachmentError && e.attachmentId === file.id);
      assert.equal(await store.summary('claim', { key: 'second' }), undefined, 'nothing stored');
      const unclaimed = await upload('claim');
      const both = await upload('claim');
      await assert.rejects(store.store('claim', '1', 'third', {}, { attachments: [both.id, file.id] }), MissingAttachmentError);
      assert.equal(await store.sweepAttachments(new Date(Date.now() - 60_000)), 0, 'nothing that old');
      assert.equal(await store.sweepAttachments(new Date(Date.now() + 60_000)), 2, 'the claim of the refused submission was undone too');
      assert.equal(await store.attachment('claim', unclaimed.id), undefined);
      assert.ok(await store.attachment('claim', file.id));
    });

    test('files: a correction may refer to its application\'s files, never to another application\'s', async () => {
      const own = await upload('papers');
      const others = await upload('papers');
      const original = submitted(await store.store('papers', '1', 'o', {}, { attachments: [own.id] })).submission;
      const other = submitted(await store.store('papers', '1', 'x', {}, { attachments: [others.id] })).submission;
      const fix = submitted(await store.store('papers', '1', 'fix-1', { v: 1 }, { attachments: [own.id], corrects: original.id })).submission;
      submitted(await store.store('papers', '1', 'fix-2', { v: 2 }, { attachments: [own.id], corrects: fix.id }));
      await assert.rejects(store.store('papers', '1', 'fix-3', { v: 3 }, { attachments: [others.id], corrects: original.id }), MissingAttachmentError);
      assert.ok(other);
    });

    test('1,000 concurrent duplicates of 10 keys store 10 records, each answered with its one record', async () => {
      const keys = Array.from({ length: 10 }, (_, i) => `dup-${i}`);
      const started = performance.now();
      const outcomes = await Promise.all(Array.from({ length: 1000 }, (_, i) => {
        const key = keys[i % keys.length]!;
        return store.store('burst', '1', key, { key }, { hash: fingerprint({ key }) }).then((outcome) => ({ key, outcome }));
      }));
      const ms = performance.now() - started;
      assert.equal(await store.count('burst'), 10);
      for (const key of keys) {
        const mine = outcomes.filter((o) => o.key === key).map((o) => submitted(o.outcome));
        assert.equal(mine.length, 100);
        assert.equal(mine.filter((o) => o.created).length, 1, `${key}: created once`);
        assert.equal(new Set(mine.map((o) => o.submission.receipt)).size, 1, `${key}: one receipt`);
      }
      console.log(`# ${name}: 1,000 concurrent duplicates (10 keys) → ${await store.count('burst')} records in ${Math.round(ms)} ms`);
    });

    test('50 concurrent submissions claiming one file: one is stored', async () => {
      const file = await upload('race');
      const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => store.store('race', '1', `race-${i}`, { i }, { attachments: [file.id] })));
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
      assert.ok(outcomes.every((o) => o.status === 'fulfilled' || o.reason instanceof MissingAttachmentError));
      assert.equal(await store.count('race'), 1);
    });

    test('lookups racing submissions of the same keys: each key is either stored or retired, never both', async () => {
      const keys = Array.from({ length: 100 }, (_, i) => `race-${i}`);
      await Promise.all(keys.flatMap((key) => [
        store.store('retire-race', '1', key, { key }, { hash: fingerprint({ key }) }),
        store.findOrRetire('retire-race', key, fingerprint({ key })),
      ]));
      for (const key of keys) {
        const stored = Boolean(await store.summary('retire-race', { key }));
        assert.notEqual(stored, await store.isRetired('retire-race', key), `${key}: stored ${stored}`);
      }
    });
  });
}
