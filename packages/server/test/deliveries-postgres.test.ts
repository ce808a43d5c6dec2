// The deliveries section's suite on a real PostgreSQL (a throwaway cluster for this file): two pools on one database, as two instances.
import { after, before } from 'node:test';
import { PostgresStore } from '@formosa/server';
import { startPostgres, type TestPostgres } from './postgres.js';
import { deliveriesSuite } from './deliveries-suite.js';

let cluster: TestPostgres;
let database: Promise<string> | undefined;
before(async () => (cluster = await startPostgres()));
after(() => cluster?.stop());

deliveriesSuite('PostgreSQL', async () => PostgresStore.open(await (database ??= cluster.database())));
