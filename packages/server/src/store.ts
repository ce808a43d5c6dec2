/** Submissions in SQLite: each stored exactly once per (form, idempotency key). */
import Database from 'better-sqlite3';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface StoredAttachment {
  readonly id: string;
  readonly formId: string;
  /** The JSON pointer pattern of the file field it was uploaded for. */
  readonly field: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

export interface StoredSubmission {
  readonly id: string;
  readonly formId: string;
  readonly formVersion: string;
  readonly receipt: string;
  readonly submittedAt: string;
  readonly data: unknown;
}

interface Row {
  id: string;
  form_id: string;
  form_version: string;
  receipt: string;
  submitted_at: string;
  data: string;
}

const fromRow = (row: Row): StoredSubmission => ({
  id: row.id, formId: row.form_id, formVersion: row.form_version, receipt: row.receipt, submittedAt: row.submitted_at, data: JSON.parse(row.data),
});

/** Crockford base32 without I, L, O, U: unambiguous when read aloud at a counter. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt number such as `RS-20261122-7K3Q9X`: form initials, date (Taipei time), 6 random characters. */
export function newReceipt(formId: string, now: Date): string {
  const initials = formId.split('-').map((w) => w[0]!.toUpperCase()).join('').slice(0, 4);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).replace(/-/g, '');
  const random = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${initials}-${date}-${random}`;
}

export class SubmissionStore {
  private readonly db: Database.Database;
  private readonly insertStatement: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly byId: Database.Statement;

  /** Opens (and creates) the database file; `:memory:` works too. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS submissions (
      id TEXT PRIMARY KEY,
      form_id TEXT NOT NULL,
      form_version TEXT NOT NULL,
      idempotency_key TEXT,
      receipt TEXT NOT NULL UNIQUE,
      submitted_at TEXT NOT NULL,
      data TEXT NOT NULL,
      UNIQUE (form_id, idempotency_key)
    )`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS attachments (
      id TEXT PRIMARY KEY,
      form_id TEXT NOT NULL,
      field TEXT NOT NULL,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      size INTEGER NOT NULL,
      uploaded_at TEXT NOT NULL,
      data BLOB NOT NULL
    )`);
    this.insertStatement = this.db.prepare(
      `INSERT INTO submissions (id, form_id, form_version, idempotency_key, receipt, submitted_at, data)
       VALUES (@id, @formId, @formVersion, @key, @receipt, @submittedAt, @data)
       ON CONFLICT (form_id, idempotency_key) DO NOTHING`,
    );
    this.byKey = this.db.prepare('SELECT * FROM submissions WHERE form_id = ? AND idempotency_key = ?');
    this.byId = this.db.prepare('SELECT * FROM submissions WHERE form_id = ? AND id = ?');
  }

  /**
   * Stores a submission unless one with the same idempotency key exists; returns the stored one
   * and whether it was created now. The unique constraint makes this safe under concurrency.
   */
  store(formId: string, formVersion: string, key: string | undefined, data: unknown, now = new Date()): { submission: StoredSubmission; created: boolean } {
    for (let attempt = 0; ; attempt++) {
      const submission: StoredSubmission = { id: randomUUID(), formId, formVersion, receipt: newReceipt(formId, now), submittedAt: now.toISOString(), data };
      try {
        const result = this.insertStatement.run({ ...submission, key: key ?? null, data: JSON.stringify(data) });
        if (result.changes === 1) return { submission, created: true };
        return { submission: fromRow(this.byKey.get(formId, key) as Row), created: false };
      } catch (error) {
        // A receipt number drawn twice (1 in a billion a day): draw again.
        if (attempt < 3 && String(error).includes('submissions.receipt')) continue;
        throw error;
      }
    }
  }

  get(formId: string, id: string): StoredSubmission | undefined {
    const row = this.byId.get(formId, id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Stores an uploaded file; its random id is the only way to refer to it. */
  storeAttachment(formId: string, field: string, name: string, type: string, data: Buffer): StoredAttachment {
    const attachment = { id: randomUUID(), formId, field, name, type, size: data.length };
    this.db.prepare('INSERT INTO attachments (id, form_id, field, name, type, size, uploaded_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(attachment.id, formId, field, name, type, data.length, new Date().toISOString(), data);
    return attachment;
  }

  /** An uploaded file's metadata (and, with `withData`, its bytes). */
  attachment(formId: string, id: string, withData = false): (StoredAttachment & { data?: Buffer }) | undefined {
    const row = this.db.prepare(`SELECT id, form_id AS formId, field, name, type, size${withData ? ', data' : ''} FROM attachments WHERE form_id = ? AND id = ?`).get(formId, id);
    return row as (StoredAttachment & { data?: Buffer }) | undefined;
  }

  count(formId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE form_id = ?').get(formId) as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
