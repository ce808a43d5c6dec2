// The back office's and funnel's store sections on SQLite and on a real PostgreSQL (a throwaway cluster for this file).
import { after, before } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresStore, SqliteStore } from '@formosa/server';
import { startPostgres, type TestPostgres } from './postgres.js';
import { backofficeStoreSuite } from './backoffice-store-suite.js';

backofficeStoreSuite('SQLite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'formosa-bo-')), 'db.sqlite');
  const store = new SqliteStore(file);
  return { store, raw: async (sql) => { const db = new Database(file); try { return db.exec(sql); } finally { db.close(); } } };
});

let cluster: TestPostgres;
before(async () => (cluster = await startPostgres()));
after(() => cluster?.stop());

backofficeStoreSuite('PostgreSQL', async () => {
  const url = await cluster.database();
  return { store: await PostgresStore.open(url), raw: async (sql) => { const client = new pg.Client({ connectionString: url }); await client.connect(); try { return await client.query(sql); } finally { await client.end(); } } };
});
