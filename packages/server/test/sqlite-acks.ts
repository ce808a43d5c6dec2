/**
 * Run by durability.test.ts under strace: stores uploads and submissions one at a time in a SQLite file, writing
 * `ack …` to stdout as each is acknowledged, so the trace shows every acknowledgment among the WAL's writes and syncs.
 */
import { writeSync } from 'node:fs';
import { SqliteStore } from '../src/store/index.js';

const store = new SqliteStore(process.argv[2]!);
for (let i = 0; i < 20; i++) {
  const file = await store.storeAttachment('acks', '/lease', 'lease.pdf', 'application/pdf', Buffer.from(`lease ${i}`));
  writeSync(1, `ack upload ${i}\n`);
  await store.store('acks', '1', `key-${i}`, { i }, { attachments: [file.id] });
  writeSync(1, `ack submission ${i}\n`);
}
await store.close();
