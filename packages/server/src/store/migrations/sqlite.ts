/**
 * The SQLite schema, as numbered migrations: each runs once, in order, recorded in `schema_migrations`, all of them
 * in one `BEGIN IMMEDIATE` transaction at start (a second process opening the same file waits, then finds them done).
 */
import type Database from 'better-sqlite3';
import { checkKnown, type Migration } from './migration.js';

/** Adds the columns a table made by an older server lacks (SQLite has no ADD COLUMN IF NOT EXISTS). */
function addMissing(db: Database.Database, table: string, columns: readonly string[]): void {
  const present = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  for (const column of columns) if (!present.has(column.split(' ')[0]!)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column}`);
}

export const SQLITE_MIGRATIONS: readonly Migration<Database.Database>[] = [
  {
    version: 1,
    name: 'submissions, attachments, retired keys',
    // Also adopts a database made before numbered migrations, whichever of its shapes: the tables it lacks are
    // made and the columns later servers added (file links, upload tokens, fingerprints, corrections, MyData) added.
    up: (db) => {
      db.exec(`CREATE TABLE IF NOT EXISTS submissions (
        id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL,
        form_version TEXT NOT NULL,
        idempotency_key TEXT,
        receipt TEXT NOT NULL UNIQUE,
        submitted_at TEXT NOT NULL,
        data TEXT NOT NULL,
        request_hash TEXT,
        corrects TEXT,
        verified TEXT,
        UNIQUE (form_id, idempotency_key)
      )`);
      db.exec(`CREATE TABLE IF NOT EXISTS attachments (
        id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL,
        field TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        size INTEGER NOT NULL,
        uploaded_at TEXT NOT NULL,
        data BLOB NOT NULL,
        submission_id TEXT,
        token_hash TEXT
      )`);
      addMissing(db, 'submissions', ['request_hash TEXT', 'corrects TEXT', 'verified TEXT']);
      addMissing(db, 'attachments', ['submission_id TEXT', 'token_hash TEXT']);
      // Keys a lookup found unused: nothing is ever stored under them.
      db.exec(`CREATE TABLE IF NOT EXISTS retired_keys (
        form_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        retired_at TEXT NOT NULL,
        PRIMARY KEY (form_id, idempotency_key)
      )`);
      // What corrects a submission is asked on every GET; only corrections are indexed.
      db.exec('CREATE INDEX IF NOT EXISTS submissions_corrects ON submissions (corrects) WHERE corrects IS NOT NULL');
    },
  },
  {
    version: 2,
    name: 'index of unclaimed files',
    // The hourly sweep reads only files no submission took, not every file ever kept.
    up: 'CREATE INDEX attachments_unclaimed ON attachments (uploaded_at) WHERE submission_id IS NULL',
  },
];

/** Brings the database to `target` (the latest by default). */
export function migrateSqlite(db: Database.Database, target = SQLITE_MIGRATIONS.at(-1)!.version): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    checkKnown(applied, SQLITE_MIGRATIONS);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of SQLITE_MIGRATIONS) {
      if (applied.has(migration.version) || migration.version > target) continue;
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
