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
  {
    version: 3,
    name: 'back office: api tokens, access log',
    // As SQLite's: tokens kept hashed, an access log a trigger keeps append-only, the index of the list of applications.
    up: `
      CREATE TABLE api_tokens (
        id text PRIMARY KEY,
        hash text NOT NULL,
        holder text NOT NULL,
        scopes json NOT NULL,
        forms json NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz
      );
      CREATE TABLE access_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        token_id text,
        holder text,
        method text NOT NULL,
        path text NOT NULL,
        form_id text,
        record_id text,
        scope text NOT NULL,
        outcome text NOT NULL,
        reason text
      );
      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$;
      CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
      CREATE INDEX submissions_applications ON submissions (form_id, submitted_at, id) WHERE corrects IS NULL;`,
  },
  {
    version: 4,
    name: 'status history',
    // As SQLite's: an application's moves, oldest first by id, and its current status beside it.
    up: `
      CREATE TABLE status_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        form_id text NOT NULL,
        submission_id text NOT NULL,
        status text NOT NULL,
        at timestamptz NOT NULL,
        moved_by text NOT NULL,
        who text,
        note text,
        reopen json
      );
      CREATE INDEX status_history_application ON status_history (form_id, submission_id, id);
      CREATE TABLE status_current (
        form_id text NOT NULL,
        submission_id text NOT NULL,
        status text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (form_id, submission_id)
      );`,
  },
  {
    version: 5,
    name: 'deliveries',
    // As SQLite's. The body is text, not json: the bytes signed are the bytes sent, on every attempt.
    up: `
      CREATE TABLE deliveries (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        event_id text NOT NULL,
        endpoint text NOT NULL,
        type text NOT NULL,
        form_id text NOT NULL,
        body text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'delivered', 'parked')),
        attempts integer NOT NULL,
        next_at timestamptz NOT NULL,
        locked_until timestamptz,
        lease text,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        UNIQUE (event_id, endpoint)
      );
      CREATE INDEX deliveries_due ON deliveries (next_at) WHERE state = 'pending';
      CREATE INDEX deliveries_state ON deliveries (state, seq);
      CREATE TABLE delivery_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id text NOT NULL,
        at timestamptz NOT NULL,
        status integer,
        error text,
        ms integer NOT NULL
      );
      CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id, id);
      CREATE TABLE delivery_marks (source text PRIMARY KEY, mark bigint NOT NULL);`,
  },
  {
    version: 6,
    name: 'funnel counts',
    // As SQLite's: counts only, no journey, no value, no address.
    up: `
      CREATE TABLE funnel_counts (
        form_id text NOT NULL,
        form_version text NOT NULL,
        day date NOT NULL,
        kind text NOT NULL,
        step text NOT NULL,
        path text NOT NULL,
        code text NOT NULL,
        count bigint NOT NULL,
        ms bigint NOT NULL,
        PRIMARY KEY (form_id, form_version, day, kind, step, path, code)
      );`,
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
