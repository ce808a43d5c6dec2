// The deliveries section's suite on SQLite: two handles on one file, as two processes would open it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@formosa/server';
import { deliveriesSuite } from './deliveries-suite.js';

const file = join(mkdtempSync(join(tmpdir(), 'formosa-deliveries-')), 'db.sqlite');
deliveriesSuite('SQLite', async () => new SqliteStore(file));
