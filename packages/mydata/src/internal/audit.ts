/**
 * The transfer log SPs must keep (time, recipient, subject, result): one JSON object per line, appended to a file
 * opened in append mode. Transactions and subjects are keyed hashes (HMAC with a key derived from the server's
 * secret): a line can be matched to a citizen by whoever holds the secret and their ID, and read by no one else.
 * Never written: tickets, secret keys, pid, national IDs in clear, data values.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { keyedHash } from './keys.js';

export type AuditEvent = 'redirect' | 'notified' | 'pull' | 'verified' | 'failed' | 'deleted' | 'returned';

export type AuditDetail = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export interface AuditLog {
  write(event: AuditEvent, input: { tx: string; subject?: string | undefined; result: string; detail?: AuditDetail }): void;
  close(): void;
}

const MAX_TEXT = 300;

export function openAuditLog(path: string, key: Uint8Array, now: () => number): AuditLog {
  let fd: number | undefined = openSync(path, 'a', 0o600);
  return {
    write(event, { tx, subject, result, detail }) {
      if (fd === undefined) return;
      const line = {
        at: new Date(now()).toISOString(),
        event,
        tx: keyedHash(key, `tx:${tx}`),
        subject: subject === undefined ? null : keyedHash(key, `subject:${subject}`),
        result,
        detail: detail ? bounded(detail) : {},
      };
      writeSync(fd, `${JSON.stringify(line)}\n`);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

/** Reasons can quote names from a hostile package: cut them short so a line stays a line of a log. */
function bounded(detail: AuditDetail): AuditDetail {
  const out: Record<string, string | number | boolean | null | readonly string[]> = {};
  for (const [name, value] of Object.entries(detail)) {
    out[name] = typeof value === 'string' ? value.slice(0, MAX_TEXT) : Array.isArray(value) ? value.map((item: string) => item.slice(0, MAX_TEXT)) : value;
  }
  return out;
}
