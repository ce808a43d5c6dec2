/** The funnel's section on PostgreSQL (see funnel.ts). */
import type pg from 'pg';
import { inKeyOrder, type FunnelCount, type FunnelStore } from './funnel.js';

export class PostgresFunnelStore implements FunnelStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(formId: string, day: string, counts: readonly FunnelCount[]): Promise<void> {
    if (!counts.length) return;
    const sorted = inKeyOrder(counts);
    const column = <K extends keyof FunnelCount>(key: K) => sorted.map((c) => c[key]);
    // One statement, rows in key order: one transaction, and no two batches deadlock.
    await this.pool.query(
      `INSERT INTO funnel_counts (form_id, form_version, day, kind, step, path, code, count, ms)
       SELECT $1, v, $2::date, k, s, p, c, n, m FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[]) WITH ORDINALITY AS t(v, k, s, p, c, n, m, i)
       ORDER BY i
       ON CONFLICT (form_id, form_version, day, kind, step, path, code) DO UPDATE SET count = funnel_counts.count + EXCLUDED.count, ms = funnel_counts.ms + EXCLUDED.ms`,
      [formId, day, column('formVersion'), column('kind'), column('step'), column('path'), column('code'), column('count'), column('ms')],
    );
  }

  async counts(formId: string, { from = '0001-01-01', to = '9999-12-31' } = {}): Promise<FunnelCount[]> {
    const { rows } = await this.pool.query<FunnelCount & { count: string; ms: string }>(
      `SELECT form_version AS "formVersion", kind, step, path, code, SUM(count) AS count, SUM(ms) AS ms FROM funnel_counts
       WHERE form_id = $1 AND day BETWEEN $2::date AND $3::date
       GROUP BY form_version, kind, step, path, code ORDER BY form_version, kind, step, path, code`,
      [formId, from, to],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count), ms: Number(r.ms) }));
  }
}
