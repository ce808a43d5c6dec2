// The audit log file itself: appended to (never truncated), one JSON object per line, owner-only, reasons cut short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditLog } from '../src/internal/audit.js';
import { deriveKey, keyedHash } from '../src/internal/keys.js';

const key = deriveKey('an audit test secret', 'audit');

test('a new log is created owner-only; an existing one is appended to, never truncated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-audit-'));
  const fresh = join(dir, 'fresh.jsonl');
  const log = openAuditLog(fresh, key, () => Date.UTC(2026, 11, 6, 10, 0, 0));
  log.write('redirect', { tx: 'tx-1', subject: 'A125001237', result: 'ok', detail: { resources: ['API.UDauDOLyZg'] } });
  log.close();
  assert.equal(statSync(fresh).mode & 0o777, 0o600);
  assert.deepEqual(JSON.parse(readFileSync(fresh, 'utf8')), {
    at: '2026-12-06T10:00:00.000Z', event: 'redirect', tx: keyedHash(key, 'tx:tx-1'), subject: keyedHash(key, 'subject:A125001237'),
    result: 'ok', detail: { resources: ['API.UDauDOLyZg'] },
  });

  const kept = join(dir, 'kept.jsonl');
  writeFileSync(kept, '{"earlier":"line"}\n');
  const again = openAuditLog(kept, key, Date.now);
  again.write('returned', { tx: 'tx-2', result: '205', detail: { code: 205, reason: 'x'.repeat(5000) } });
  again.write('deleted', { tx: 'tx-2', result: 'ok' });
  again.close();
  again.write('pull', { tx: 'tx-2', result: 'after close' }); // ignored, not thrown
  const lines = readFileSync(kept, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(lines.map((l) => l['event'] ?? l['earlier']), ['line', 'returned', 'deleted']);
  assert.equal(lines[1]!['subject'], null);
  assert.equal(((lines[1]!['detail'] as Record<string, string>)['reason'])!.length, 300);
});
