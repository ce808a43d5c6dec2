/** The funnel's section on SQLite (see funnel.ts). */
import type Database from 'better-sqlite3';
import { inKeyOrder, type FunnelCount, type FunnelStore } from './funnel.js';

const SUMS = 'SELECT form_version AS formVersion, kind, step, path, code, SUM(count) AS count, SUM(ms) AS ms FROM funnel_counts';
const GROUPED = 'GROUP BY form_version, kind, step, path, code ORDER BY form_version, kind, step, path, code';

export class SqliteFunnelStore implements FunnelStore {
  private readonly addAll: Database.Transaction<(formId: string, day: string, counts: readonly FunnelCount[]) => void>;

  constructor(private readonly db: Database.Database) {
    const upsert = db.prepare(
      `INSERT INTO funnel_counts (form_id, form_version, day, kind, step, path, code, count, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (form_id, form_version, day, kind, step, path, code) DO UPDATE SET count = count + excluded.count, ms = ms + excluded.ms`,
    );
    this.addAll = db.transaction((formId: string, day: string, counts: readonly FunnelCount[]) => {
      for (const c of inKeyOrder(counts)) upsert.run(formId, c.formVersion, day, c.kind, c.step, c.path, c.code, c.count, c.ms);
    });
  }

  async add(formId: string, day: string, counts: readonly FunnelCount[]): Promise<void> {
    if (counts.length) this.addAll.immediate(formId, day, counts);
  }

  async counts(formId: string, { from = '0000-01-01', to = '9999-12-31' } = {}): Promise<FunnelCount[]> {
    return this.db.prepare(`${SUMS} WHERE form_id = ? AND day BETWEEN ? AND ? ${GROUPED}`).all(formId, from, to) as FunnelCount[];
  }
}
