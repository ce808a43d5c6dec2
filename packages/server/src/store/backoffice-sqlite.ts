/** The back office's section on SQLite (see backoffice.ts). */
import type Database from 'better-sqlite3';
import type { StoredToken } from '../backoffice/tokens.js';
import type { AccessEntry, BackofficeStore, LoggedAccess } from './backoffice.js';
import { accessOf, accessValues, pageSize, tokenOf, type AccessRow, type TokenRow } from './backoffice-rows.js';
import type { StoredAttachment } from './interface.js';

export class SqliteBackofficeStore implements BackofficeStore {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    this.sql = {
      saveToken: db.prepare('INSERT INTO api_tokens (id, hash, holder, scopes, forms, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      token: db.prepare('SELECT * FROM api_tokens WHERE id = ?'),
      tokens: db.prepare('SELECT * FROM api_tokens ORDER BY created_at DESC, id'),
      revoke: db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      log: db.prepare('INSERT INTO access_log (at, token_id, holder, method, path, form_id, record_id, scope, outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      claim: db.prepare('SELECT submission_id FROM attachments WHERE form_id = ? AND id = ?'),
    };
  }

  async saveToken(t: StoredToken): Promise<void> {
    this.sql.saveToken.run(t.id, t.hash, t.holder, JSON.stringify(t.scopes), JSON.stringify(t.forms), t.createdAt, t.expiresAt ?? null);
  }

  async token(id: string): Promise<StoredToken | undefined> {
    const row = this.sql.token.get(id) as TokenRow | undefined;
    return row ? tokenOf(row) : undefined;
  }

  async tokens(): Promise<StoredToken[]> {
    return (this.sql.tokens.all() as TokenRow[]).map(tokenOf);
  }

  async revokeToken(id: string, at: Date): Promise<'revoked' | 'already' | 'missing'> {
    if (this.sql.revoke.run(at.toISOString(), id).changes === 1) return 'revoked';
    return this.sql.token.get(id) ? 'already' : 'missing';
  }

  async logAccess(entry: AccessEntry): Promise<void> {
    this.sql.log.run(...accessValues(entry));
  }

  async accessLog({ limit, before }: { limit: number; before?: number }): Promise<LoggedAccess[]> {
    const rows = this.db.prepare(`SELECT * FROM access_log ${before === undefined ? '' : 'WHERE seq < ?'} ORDER BY seq DESC LIMIT ?`).all(...(before === undefined ? [] : [before]), pageSize(limit)) as AccessRow[];
    return rows.map(accessOf);
  }

  async files(formId: string, submissionIds: readonly string[]): Promise<(StoredAttachment & { submissionId: string })[]> {
    return this.db
      .prepare('SELECT id, form_id AS formId, field, name, type, size, submission_id AS submissionId FROM attachments WHERE form_id = ? AND submission_id IN (SELECT value FROM json_each(?)) ORDER BY uploaded_at, id')
      .all(formId, JSON.stringify(submissionIds)) as (StoredAttachment & { submissionId: string })[];
  }

  async claimOf(formId: string, attachmentId: string): Promise<string | null | undefined> {
    const row = this.sql.claim.get(formId, attachmentId) as { submission_id: string | null } | undefined;
    return row ? row.submission_id : undefined;
  }
}
