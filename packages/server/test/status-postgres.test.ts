// The status section on a real PostgreSQL: a throwaway cluster started for this file.
import { after, before } from 'node:test';
import { PostgresStore } from '@formosa/server';
import { startPostgres, type TestPostgres } from './postgres.js';
import { statusSuite } from './status-suite.js';

let cluster: TestPostgres;
before(async () => (cluster = await startPostgres()));
after(() => cluster?.stop());

statusSuite('PostgreSQL', async () => PostgresStore.open(await cluster.database()));
