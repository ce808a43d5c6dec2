// Numbered migrations: up from an empty database, from every earlier version (on SQLite also every shape a server
// made before migrations were numbered), without losing a row; PostgreSQL instances starting together migrate once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresStore, SqliteStore } from '@formosa/server';
import { migrateSqlite, SQLITE_MIGRATIONS } from '../src/store/migrations/sqlite.js';
import { migratePostgres, POSTGRES_MIGRATIONS } from '../src/store/migrations/postgres.js';
import { fingerprint } from '../src/fingerprint.js';
import { startPostgres, type TestPostgres } from './postgres.js';

const scratch = () => join(mkdtempSync(join(tmpdir(), 'formosa-migrate-')), 'db.sqlite');
const versions = (rows: { version: number }[]) => rows.map((r) => r.version);
const LATEST = SQLITE_MIGRATIONS.map((m) => m.version);

/**
 * The shapes a SQLite database had before migrations were numbered, oldest first (from the history of store.ts):
 * each adds to the one before.
 */
const LEGACY = [
  { commit: 'c096934', what: 'submissions only', sql: [`CREATE TABLE submissions (id TEXT PRIMARY KEY, form_id TEXT NOT NULL, form_version TEXT NOT NULL, idempotency_key TEXT,
    receipt TEXT NOT NULL UNIQUE, submitted_at TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (form_id, idempotency_key))`] },
  { commit: '1dc2065', what: 'attachments', sql: [`CREATE TABLE attachments (id TEXT PRIMARY KEY, form_id TEXT NOT NULL, field TEXT NOT NULL, name TEXT NOT NULL,
    type TEXT NOT NULL, size INTEGER NOT NULL, uploaded_at TEXT NOT NULL, data BLOB NOT NULL)`] },
  { commit: '436a41d', what: 'files linked to submissions', sql: ['ALTER TABLE attachments ADD COLUMN submission_id TEXT'] },
  { commit: 'ad5c577', what: 'upload tokens, request fingerprints', sql: ['ALTER TABLE attachments ADD COLUMN token_hash TEXT', 'ALTER TABLE submissions ADD COLUMN request_hash TEXT'] },
  { commit: '6030b66', what: 'corrections', sql: ['ALTER TABLE submissions ADD COLUMN corrects TEXT', 'CREATE INDEX submissions_corrects ON submissions (corrects) WHERE corrects IS NOT NULL'] },
  { commit: '6053d1c', what: 'retired keys', sql: ['CREATE TABLE retired_keys (form_id TEXT NOT NULL, idempotency_key TEXT NOT NULL, retired_at TEXT NOT NULL, PRIMARY KEY (form_id, idempotency_key))'] },
  { commit: '63cdf09', what: 'MyData answers (the last shape before numbered migrations)', sql: ['ALTER TABLE submissions ADD COLUMN verified TEXT'] },
];

test('SQLite: an empty database migrates to the latest version, recorded; opening it again changes nothing', async () => {
  const file = scratch();
  await new SqliteStore(file).close();
  const db = new Database(file);
  const applied = db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all() as { version: number; applied_at: string }[];
  assert.deepEqual(versions(applied), LATEST);
  db.close();
  await new SqliteStore(file).close();
  const again = new Database(file);
  assert.deepEqual(again.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all(), applied);
  again.close();
});

for (const [index, shape] of LEGACY.entries()) {
  test(`SQLite: a database of the shape of ${shape.commit} (${shape.what}) migrates in place, keeping its rows`, async () => {
    const file = scratch();
    const old = new Database(file);
    for (const step of LEGACY.slice(0, index + 1)) for (const sql of step.sql) old.exec(sql);
    old.prepare('INSERT INTO submissions (id, form_id, form_version, idempotency_key, receipt, submitted_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('old-1', 'f', '1', 'old-key', 'F-20250101-000000', new Date(0).toISOString(), '{"a":1}');
    const hasFiles = index >= 1;
    if (hasFiles) {
      old.prepare('INSERT INTO attachments (id, form_id, field, name, type, size, uploaded_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run('file-1', 'f', '/x', 'x.pdf', 'application/pdf', 1, new Date(0).toISOString(), Buffer.from('x'));
    }
    old.close();
    const store = new SqliteStore(file);
    try {
      assert.deepEqual(await store.get('f', 'old-1'), { id: 'old-1', formId: 'f', formVersion: '1', receipt: 'F-20250101-000000', submittedAt: new Date(0).toISOString(), data: { a: 1 } });
      assert.equal(await store.count('f'), 1);
      // Everything later servers added works on the old rows: a correction with MyData answers, a lookup, retiring.
      const fix = await store.store('f', '1', 'new-key', { a: 2 }, { hash: fingerprint({ a: 2 }), corrects: 'old-1', verified: [{ path: '/a', resource: 'R', retrievedAt: 'now' }] });
      assert.ok('submission' in fix && fix.created);
      assert.deepEqual(await store.correctionsOf('f', 'old-1'), [fix.submission.id]);
      assert.equal(await store.findOrRetire('f', 'old-key', fingerprint({ a: 1 })), undefined, 'no fingerprint kept, no proof possible');
      assert.equal(await store.isRetired('f', 'old-key'), false);
      if (hasFiles) {
        assert.deepEqual((await store.attachment('f', 'file-1', true))?.data, Buffer.from('x'));
        assert.equal(await store.sweepAttachments(new Date()), 1, 'an old unsubmitted file is swept like any other');
      }
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    assert.deepEqual(versions(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]), LATEST);
    db.close();
  });
}

test('SQLite: a database at each earlier numbered version migrates to the latest, keeping its rows', async () => {
  for (const { version } of SQLITE_MIGRATIONS.slice(0, -1)) {
    const file = scratch();
    const db = new Database(file);
    migrateSqlite(db, version);
    db.prepare('INSERT INTO submissions (id, form_id, form_version, idempotency_key, receipt, submitted_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('kept', 'f', '1', 'k', 'F-20250101-000001', new Date(0).toISOString(), '{}');
    assert.deepEqual(versions(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]), LATEST.filter((v) => v <= version));
    db.close();
    const store = new SqliteStore(file);
    assert.equal((await store.get('f', 'kept'))?.receipt, 'F-20250101-000001');
    await store.close();
    const after = new Database(file, { readonly: true });
    assert.deepEqual(versions(after.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]), LATEST);
    assert.ok(after.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'attachments_unclaimed'").get(), 'migration 2 ran');
    after.close();
  }
});

test('SQLite: a database a newer server migrated is refused, plainly', () => {
  const file = scratch();
  const db = new Database(file);
  migrateSqlite(db);
  db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(999, 'from the future', new Date().toISOString());
  db.close();
  assert.throws(() => new SqliteStore(file), /schema version 999, made by a newer Formosa/);
});

let cluster: TestPostgres;
before(async () => (cluster = await startPostgres()));
after(() => cluster?.stop());

/** The versions recorded in a PostgreSQL database. */
async function pgVersions(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return versions((await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows);
  } finally {
    await client.end();
  }
}

test('PostgreSQL: five instances starting together on an empty database migrate it once', async () => {
  const url = await cluster.database();
  const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresStore.open(url, 2)));
  await Promise.all(stores.map((s) => s.close()));
  assert.deepEqual(await pgVersions(url), POSTGRES_MIGRATIONS.map((m) => m.version));
});

test('PostgreSQL: a database at each earlier version migrates to the latest, keeping its rows', async () => {
  for (const { version } of POSTGRES_MIGRATIONS.slice(0, -1)) {
    const url = await cluster.database();
    const pool = new pg.Pool({ connectionString: url });
    const client = await pool.connect();
    await migratePostgres(client, version);
    await client.query("INSERT INTO submissions (id, form_id, form_version, idempotency_key, receipt, submitted_at, data) VALUES ('kept', 'f', '1', 'k', 'F-20250101-000001', now(), '{\"a\":1}')");
    client.release();
    await pool.end();
    assert.deepEqual(await pgVersions(url), POSTGRES_MIGRATIONS.map((m) => m.version).filter((v) => v <= version));
    const store = await PostgresStore.open(url);
    try {
      assert.deepEqual((await store.get('f', 'kept'))?.data, { a: 1 });
    } finally {
      await store.close();
    }
    assert.deepEqual(await pgVersions(url), POSTGRES_MIGRATIONS.map((m) => m.version));
  }
});

test('PostgreSQL: a database a newer server migrated is refused, plainly', async () => {
  const url = await cluster.database();
  await (await PostgresStore.open(url)).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
  await client.end();
  await assert.rejects(PostgresStore.open(url), /schema version 999, made by a newer Formosa/);
});
