/**
 * The PostgreSQL schema, as numbered migrations: each runs once, in order, recorded in `schema_migrations`, all of
 * them in one transaction at start, under an advisory lock: instances starting together migrate one after another.
 */
import type { PoolClient } from 'pg';
import { checkKnown } from './migration.js';

export const POSTGRES_MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly up: string }[] = [
  {
    version: 1,
    name: 'submissions, attachments, retired keys',
    up: `
      CREATE TABLE submissions (
        id text PRIMARY KEY,
        -- The order rows were stored in (corrections are listed oldest first).
        seq bigint GENERATED ALWAYS AS IDENTITY,
        form_id text NOT NULL,
        form_version text NOT NULL,
        idempotency_key text,
        receipt text NOT NULL UNIQUE,
        submitted_at timestamptz NOT NULL,
        -- json, not jsonb: kept as the engine wrote it (and \\u0000, which jsonb refuses, is valid JSON).
        data json NOT NULL,
        request_hash text,
        corrects text,
        verified json,
        UNIQUE (form_id, idempotency_key)
      );
      CREATE INDEX submissions_corrects ON submissions (corrects) WHERE corrects IS NOT NULL;
      CREATE TABLE attachments (
        id text PRIMARY KEY,
        form_id text NOT NULL,
        field text NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        size integer NOT NULL,
        uploaded_at timestamptz NOT NULL,
        data bytea NOT NULL,
        submission_id text,
        token_hash text
      );
      CREATE TABLE retired_keys (
        form_id text NOT NULL,
        idempotency_key text NOT NULL,
        retired_at timestamptz NOT NULL,
        PRIMARY KEY (form_id, idempotency_key)
      );`,
  },
  {
    version: 2,
    name: 'index of unclaimed files',
    up: 'CREATE INDEX attachments_unclaimed ON attachments (uploaded_at) WHERE submission_id IS NULL',
  },
];

/** The advisory lock migrations hold (one bigint; the store's per-key locks use the two-int space, which never meets it). */
const MIGRATION_LOCK = 0x466f726d6f7361n; // "Formosa"

/** Brings the database to `target` (the latest by default), on a client of its own. */
export async function migratePostgres(client: PoolClient, target = POSTGRES_MIGRATIONS.at(-1)!.version): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    checkKnown(applied, POSTGRES_MIGRATIONS);
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version) || migration.version > target) continue;
      await client.query(migration.up);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
