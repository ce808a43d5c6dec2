// The store suite on a real PostgreSQL: a throwaway cluster started for this file.
import { after, before } from 'node:test';
import { PostgresStore } from '@formosa/server';
import { startPostgres, type TestPostgres } from './postgres.js';
import { storeSuite } from './store-suite.js';

let cluster: TestPostgres;
before(async () => (cluster = await startPostgres()));
after(() => cluster?.stop());

storeSuite('PostgreSQL', async () => PostgresStore.open(await cluster.database()));
