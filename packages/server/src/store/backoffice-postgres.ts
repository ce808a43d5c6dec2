/** The back office's section on PostgreSQL (see backoffice.ts). */
import type pg from 'pg';
import type { StoredToken } from '../backoffice/tokens.js';
import type { AccessEntry, BackofficeStore, LoggedAccess } from './backoffice.js';
import { accessOf, accessValues, pageSize, tokenOf, type AccessRow, type TokenRow } from './backoffice-rows.js';
import type { StoredAttachment } from './interface.js';

export class PostgresBackofficeStore implements BackofficeStore {
  constructor(private readonly pool: pg.Pool) {}

  async saveToken(t: StoredToken): Promise<void> {
    await this.pool.query('INSERT INTO api_tokens (id, hash, holder, scopes, forms, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      t.id, t.hash, t.holder, JSON.stringify(t.scopes), JSON.stringify(t.forms), t.createdAt, t.expiresAt ?? null,
    ]);
  }

  async token(id: string): Promise<StoredToken | undefined> {
    const { rows } = await this.pool.query<TokenRow>('SELECT * FROM api_tokens WHERE id = $1', [id]);
    return rows[0] ? tokenOf(rows[0]) : undefined;
  }

  async tokens(): Promise<StoredToken[]> {
    return (await this.pool.query<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at DESC, id')).rows.map(tokenOf);
  }

  async revokeToken(id: string, at: Date): Promise<'revoked' | 'already' | 'missing'> {
    if ((await this.pool.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount === 1) return 'revoked';
    return (await this.token(id)) ? 'already' : 'missing';
  }

  async logAccess(entry: AccessEntry): Promise<void> {
    await this.pool.query('INSERT INTO access_log (at, token_id, holder, method, path, form_id, record_id, scope, outcome, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', accessValues(entry));
  }

  async accessLog({ limit, before }: { limit: number; before?: number }): Promise<LoggedAccess[]> {
    const { rows } = await this.pool.query<AccessRow>(
      before === undefined ? 'SELECT * FROM access_log ORDER BY seq DESC LIMIT $1' : 'SELECT * FROM access_log WHERE seq < $2 ORDER BY seq DESC LIMIT $1',
      before === undefined ? [pageSize(limit)] : [pageSize(limit), before],
    );
    return rows.map(accessOf);
  }

  async files(formId: string, submissionIds: readonly string[]): Promise<(StoredAttachment & { submissionId: string })[]> {
    const { rows } = await this.pool.query<StoredAttachment & { submissionId: string }>(
      'SELECT id, form_id AS "formId", field, name, type, size, submission_id AS "submissionId" FROM attachments WHERE form_id = $1 AND submission_id = ANY($2) ORDER BY uploaded_at, id',
      [formId, submissionIds],
    );
    return rows;
  }

  async claimOf(formId: string, attachmentId: string): Promise<string | null | undefined> {
    const { rows } = await this.pool.query<{ submission_id: string | null }>('SELECT submission_id FROM attachments WHERE form_id = $1 AND id = $2', [formId, attachmentId]);
    return rows[0] ? rows[0].submission_id : undefined;
  }
}
