// The deliveries section's suite on SQLite: two handles on one file, as two processes would open it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pbkdf2 } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@formosa/server';
import { deliveriesSuite } from './deliveries-suite.js';

const file = join(mkdtempSync(join(tmpdir(), 'formosa-deliveries-')), 'db.sqlite');
deliveriesSuite('SQLite', async () => new SqliteStore(file));

// The group commit acknowledges a submission once the WAL is flushed; between its commit and that flush, a power
// loss could still undo it. No event may go out for such a row: the agency would hold an application we do not.
test('the scan enqueues a submission only once it is on disk, never in the window between its commit and its flush', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'formosa-deliveries-')), 'db.sqlite'));
  try {
    // The thread pool busy for a while: the WAL's fdatasync, which runs there, waits behind this work.
    const busy = Array.from({ length: 4 }, () => new Promise((done) => pbkdf2('x', 'y', 400_000, 64, 'sha512', done)));
    const order: string[] = [];
    const acknowledged = store.store('flush', '1', 'key-1', { a: 1 }).then(() => order.push('acknowledged'));
    await new Promise((next) => setImmediate(next));
    await new Promise((next) => setImmediate(next));
    assert.equal(await store.count('flush'), 1, 'committed, visible');
    const enqueued = store.deliveries.enqueue(() => ['https://agency.example/in'], new Date()).then((n) => order.push(`enqueued ${n}`));
    await Promise.all([acknowledged, enqueued, ...busy]);
    assert.deepEqual(order, ['acknowledged', 'enqueued 1']);
  } finally {
    await store.close();
  }
});
