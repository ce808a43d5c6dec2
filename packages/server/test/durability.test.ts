// A SQLite submission or upload is acknowledged only once it is on disk (issue 12: the group commit flushes the
// WAL off the event loop). Checked in the system calls themselves: under strace, every WAL write made before an
// acknowledgment is covered by an fdatasync/fsync of the WAL that began after it and ended before the acknowledgment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const strace = spawnSync('strace', ['-V']).status === 0;

test('every acknowledgment of a SQLite write follows the fdatasync of the WAL holding it', () => {
  assert.ok(strace, 'strace is not installed: apt-get install strace (.ci/run does)');
  const dir = mkdtempSync(join(tmpdir(), 'formosa-acks-'));
  try {
    const trace = join(dir, 'trace');
    execFileSync('strace', ['-f', '-qq', '-e', 'trace=openat,close,pwrite64,write,fdatasync,fsync', '-o', trace, process.execPath, '--conditions=formosa-source', '--import', 'tsx', new URL('./sqlite-acks.ts', import.meta.url).pathname, join(dir, 'db.sqlite')], { stdio: 'pipe', cwd: new URL('../../../', import.meta.url).pathname });
    const walFds = new Set<string>();
    const syncStarted = new Map<string, number>();
    let written = 0;
    let durable = 0;
    let acks = 0;
    for (const line of readFileSync(trace, 'utf8').split('\n')) {
      const [, pid, rest] = /^(\d+)\s+(.*)$/.exec(line) ?? [];
      if (!rest) continue;
      // Descriptors are reused: one is the WAL's from its opening to its closing.
      const opened = /^openat\(.*"(.*)", .*\)\s+=\s+(\d+)$/.exec(rest);
      if (opened) walFds[opened[1]!.endsWith('-wal') ? 'add' : 'delete'](opened[2]!);
      const closed = /^close\((\d+)\)/.exec(rest);
      if (closed) walFds.delete(closed[1]!);
      const call = /^(pwrite64|fdatasync|fsync)\((\d+)/.exec(rest);
      if (call && walFds.has(call[2]!)) {
        if (call[1] === 'pwrite64') written++;
        // A sync covers the writes issued before it began.
        else syncStarted.set(pid!, written);
      }
      const synced = /^(?:(?:fdatasync|fsync)\((\d+)|<\.\.\. (?:fdatasync|fsync) resumed>)\)\s+=\s+0$/.exec(rest);
      if (synced && syncStarted.has(pid!) && (synced[1] === undefined || walFds.has(synced[1]))) {
        durable = Math.max(durable, syncStarted.get(pid!)!);
        syncStarted.delete(pid!);
      }
      if (/^write\(1, "ack /.test(rest)) {
        acks++;
        assert.ok(written > 0, 'the WAL was written');
        assert.equal(durable, written, `acknowledgment ${acks} (${rest.slice(9, 30)}) came before the WAL's ${written - durable} latest writes were on disk`);
      }
    }
    assert.equal(acks, 40, 'every acknowledgment traced');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
