// The store suite on SQLite, the embedded default.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@formosa/server';
import { storeSuite } from './store-suite.js';

storeSuite('SQLite', async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'formosa-store-')), 'db.sqlite')));
