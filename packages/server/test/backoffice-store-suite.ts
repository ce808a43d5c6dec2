/**
 * The back office's and the funnel's sections of the store, one suite for SQLite and PostgreSQL: tokens kept hashed
 * and revoked once, an access log the database itself keeps append-only, the files an application took, and funnel
 * counts that add up under concurrent batches.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '@formosa/server';
import { newToken } from '../src/backoffice/tokens.js';
import type { FunnelCount } from '../src/store/funnel.js';

/** `raw` runs SQL on the same database behind the store's back (what an intruder with a connection could try). */
export function backofficeStoreSuite(name: string, open: () => Promise<{ store: Store; raw: (sql: string) => Promise<unknown> }>): void {
  describe(`${name}: back office and funnel sections`, () => {
    let store: Store;
    let raw: (sql: string) => Promise<unknown>;
    before(async () => ({ store, raw } = await open()));
    after(() => store?.close());

    test('tokens: stored without their secret, listed newest first, revoked once', async () => {
      const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 12, 0, s));
      const first = newToken({ holder: '王小明 (台北市社會局)', scopes: ['read', 'decide'], forms: ['rent-subsidy'], expiresAt: at(90).toISOString() }, at(1));
      const second = newToken({ holder: 'ops', scopes: ['admin'], forms: ['*'] }, at(2));
      await store.backoffice.saveToken(first.stored);
      await store.backoffice.saveToken(second.stored);
      assert.deepEqual(await store.backoffice.token(first.stored.id), first.stored);
      assert.equal(await store.backoffice.token('nosuchtoken0'), undefined);
      const listed = await store.backoffice.tokens();
      assert.deepEqual(listed.map((t) => t.id).slice(0, 2), [second.stored.id, first.stored.id]);
      assert.ok(!JSON.stringify(listed).includes(first.text.slice(-43)), 'no secret kept');
      assert.equal(await store.backoffice.revokeToken(first.stored.id, at(3)), 'revoked');
      assert.equal(await store.backoffice.revokeToken(first.stored.id, at(4)), 'already');
      assert.equal(await store.backoffice.revokeToken('nosuchtoken0', at(4)), 'missing');
      assert.equal((await store.backoffice.token(first.stored.id))?.revokedAt, at(3).toISOString(), 'the first revocation stands');
    });

    test('access log: newest first, paged by seq; the database refuses to change or remove a line', async () => {
      for (let i = 0; i < 5; i++) {
        await store.backoffice.logAccess({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), method: 'GET', path: `/api/backoffice/x/${i}`, scope: 'read', outcome: i % 2 ? 'allowed' : 'unauthorized', ...(i % 2 ? { tokenId: 'abc', holder: '林' } : { reason: 'missing' }) });
      }
      const page = await store.backoffice.accessLog({ limit: 3 });
      assert.deepEqual(page.map((l) => l.path), ['/api/backoffice/x/4', '/api/backoffice/x/3', '/api/backoffice/x/2']);
      assert.deepEqual(page[1], { seq: page[1]!.seq, at: '2026-01-01T00:00:03.000Z', method: 'GET', path: '/api/backoffice/x/3', scope: 'read', outcome: 'allowed', tokenId: 'abc', holder: '林' });
      const next = await store.backoffice.accessLog({ limit: 3, before: page.at(-1)!.seq });
      assert.deepEqual(next.map((l) => l.path).slice(0, 2), ['/api/backoffice/x/1', '/api/backoffice/x/0']);
      assert.equal((await store.backoffice.accessLog({ limit: 1_000_000 })).length <= 500, true, 'a page is bounded');
      await assert.rejects(raw("UPDATE access_log SET holder = 'someone else'"), /append-only/);
      await assert.rejects(raw('DELETE FROM access_log'), /append-only/);
      assert.equal((await store.backoffice.accessLog({ limit: 1 }))[0]!.path, '/api/backoffice/x/4');
    });

    test("files: an application's files and which submission took a file", async () => {
      const file = await store.storeAttachment('bo-files', '/rental/leaseCopy', '租約.pdf', 'application/pdf', Buffer.from('%PDF'));
      const loose = await store.storeAttachment('bo-files', '/rental/leaseCopy', 'x.pdf', 'application/pdf', Buffer.from('%PDF'));
      const outcome = await store.store('bo-files', '1', 'k', {}, { attachments: [file.id] });
      assert.ok('submission' in outcome);
      assert.equal(await store.backoffice.claimOf('bo-files', file.id), outcome.submission.id);
      assert.equal(await store.backoffice.claimOf('bo-files', loose.id), null);
      assert.equal(await store.backoffice.claimOf('bo-files', '00000000-0000-0000-0000-000000000000'), undefined);
      assert.equal(await store.backoffice.claimOf('other-form', file.id), undefined, 'by form');
      assert.deepEqual(await store.backoffice.files('bo-files', [outcome.submission.id]), [{ id: file.id, formId: 'bo-files', field: '/rental/leaseCopy', name: '租約.pdf', type: 'application/pdf', size: 4, submissionId: outcome.submission.id }]);
    });

    test('funnel: counts add up per version over days; 40 concurrent batches of the same counters lose nothing', async () => {
      const count = (kind: FunnelCount['kind'], step: string, n: number, more: Partial<FunnelCount> = {}): FunnelCount => ({ formVersion: '1.0.0', kind, step, path: '', code: '', count: n, ms: 0, ...more });
      await store.funnel.add('fun', '2026-12-01', [count('step-reached', 'applicant', 3), count('error-shown', 'applicant', 2, { path: '/applicant/nationalId', code: 'nationalId' })]);
      await store.funnel.add('fun', '2026-12-02', [count('step-reached', 'applicant', 1), count('step-left', 'applicant', 1, { ms: 5000 }), count('step-reached', 'applicant', 7, { formVersion: '2.0.0' })]);
      assert.deepEqual(await store.funnel.counts('fun'), [
        count('error-shown', 'applicant', 2, { path: '/applicant/nationalId', code: 'nationalId' }),
        count('step-left', 'applicant', 1, { ms: 5000 }),
        count('step-reached', 'applicant', 4),
        count('step-reached', 'applicant', 7, { formVersion: '2.0.0' }),
      ]);
      assert.deepEqual((await store.funnel.counts('fun', { from: '2026-12-02', to: '2026-12-02' })).find((c) => c.kind === 'step-reached' && c.formVersion === '1.0.0')?.count, 1);
      const batch = ['a', 'b', 'c', 'd'].map((step) => count('step-reached', step, 1));
      await Promise.all(Array.from({ length: 40 }, (_, i) => store.funnel.add('race', '2026-12-03', i % 2 ? batch : [...batch].reverse())));
      assert.deepEqual((await store.funnel.counts('race')).map((c) => c.count), [40, 40, 40, 40]);
    });
  });
}
