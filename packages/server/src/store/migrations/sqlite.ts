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
  {
    version: 3,
    name: 'back office: api tokens, access log',
    // Tokens are kept as the hash of their secret; the access log only grows (triggers refuse UPDATE and DELETE).
    // The index serves the back office's list of applications, newest first, a page at a time.
    up: `
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        holder TEXT NOT NULL,
        scopes TEXT NOT NULL,
        forms TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT
      );
      CREATE TABLE access_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        token_id TEXT,
        holder TEXT,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        form_id TEXT,
        record_id TEXT,
        scope TEXT NOT NULL,
        outcome TEXT NOT NULL,
        reason TEXT
      );
      CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
      CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
      CREATE INDEX submissions_applications ON submissions (form_id, submitted_at, id) WHERE corrects IS NULL;`,
  },
  {
    version: 4,
    name: 'status history',
    // An application's moves, oldest first by id; its current status beside it, so a list by status reads one row each.
    up: `
      CREATE TABLE status_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        form_id TEXT NOT NULL,
        submission_id TEXT NOT NULL,
        status TEXT NOT NULL,
        at TEXT NOT NULL,
        moved_by TEXT NOT NULL,
        who TEXT,
        note TEXT,
        reopen TEXT
      );
      CREATE INDEX status_history_application ON status_history (form_id, submission_id, id);
      CREATE TABLE status_current (
        form_id TEXT NOT NULL,
        submission_id TEXT NOT NULL,
        status TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (form_id, submission_id)
      );`,
  },
  {
    version: 5,
    name: 'deliveries',
    // The queue of events for the agency's systems (one row per event and endpoint, the event id the receiver's
    // key), its log of attempts, and the scan's high-water mark per source.
    up: `
      CREATE TABLE deliveries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        event_id TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        type TEXT NOT NULL,
        form_id TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'parked')),
        attempts INTEGER NOT NULL,
        next_at TEXT NOT NULL,
        locked_until TEXT,
        lease TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT,
        UNIQUE (event_id, endpoint)
      );
      CREATE INDEX deliveries_due ON deliveries (next_at) WHERE state = 'pending';
      CREATE INDEX deliveries_state ON deliveries (state, seq);
      CREATE TABLE delivery_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        delivery_id TEXT NOT NULL,
        at TEXT NOT NULL,
        status INTEGER,
        error TEXT,
        ms INTEGER NOT NULL
      );
      CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id, id);
      CREATE TABLE delivery_marks (source TEXT PRIMARY KEY, mark INTEGER NOT NULL);`,
  },
  {
    version: 6,
    name: 'funnel counts',
    // Counts only, per form, version, day, kind, step, field pattern and check code: no journey, no value, no address.
    up: `
      CREATE TABLE funnel_counts (
        form_id TEXT NOT NULL,
        form_version TEXT NOT NULL,
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        step TEXT NOT NULL,
        path TEXT NOT NULL,
        code TEXT NOT NULL,
        count INTEGER NOT NULL,
        ms INTEGER NOT NULL,
        PRIMARY KEY (form_id, form_version, day, kind, step, path, code)
      );`,
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
