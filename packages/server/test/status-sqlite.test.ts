// The status section on SQLite.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@formosa/server';
import { statusSuite } from './status-suite.js';

statusSuite('SQLite', async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'formosa-status-')), 'db.sqlite')));
