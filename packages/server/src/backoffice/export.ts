/**
 * `GET /api/backoffice/forms/:id/export?format=csv|json&status=&from=&to=` (scope export): a form's applications
 * with their latest answers, streamed (memory holds the list of ids, never the answers of more than one), bounded
 * (at most MAX_EXPORT applications: more is refused with 413 before anything is sent, so a file is never silently
 * cut). CSV is UTF-8 with a byte-order mark (Excel in Taiwan then reads Chinese correctly) and safe to open: a cell
 * that begins with = + - @ tab or CR is prefixed with ' (formula injection, OWASP).
 */
import type { ServerResponse } from 'node:http';
import { getAt, type Data } from '@formosa/engine';
import type { ServedForm } from '../forms.js';
import { HttpError } from '../http.js';
import type { Route } from '../route.js';
import type { ApplicationRow } from '../store/index.js';
import { authenticate } from './auth.js';
import type { BackofficeContext } from './context.js';
import { filtersOf, onlyKnown, paramsOf } from './query.js';
import { versionsOf } from './versions.js';

/** The most applications one export holds. */
export const MAX_EXPORT = 50_000;
/** Rows read from the list per query. */
const PAGE = 1000;

/** A cell as CSV writes it: quoted, quotes doubled, and never a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The columns of a form's export: the answers' pointers, a repeat (or a nested one) as one column of JSON. */
export function columnsOf(form: ServedForm): string[] {
  const columns = new Set<string>();
  for (const field of form.engine.model.fields) {
    const star = field.pattern.indexOf('/*');
    columns.add(star < 0 ? field.pattern : field.pattern.slice(0, star));
  }
  return [...columns];
}

/** An answer as text: files by name, lists and groups as JSON. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'name' in v && 'id' in v)) return value.map((v: { name: unknown }) => String(v.name)).join('; ');
  return JSON.stringify(value);
}

/** Writes, waiting for the socket when its buffer is full (a slow client never makes the server hold the export). */
async function write(res: ServerResponse, text: string): Promise<void> {
  if (!res.write(text)) await new Promise<void>((resolve, reject) => {
    res.once('drain', resolve);
    res.once('close', () => reject(new Error('the client went away')));
  });
}

export function exportRoute(ctx: BackofficeContext): Route {
  const { store } = ctx;
  return ['GET', /^\/api\/backoffice\/forms\/([a-z0-9-]+)\/export$/, async (req, res, form) => {
    const formId = form!.definition.id;
    await authenticate(req, store, 'export', formId);
    const params = paramsOf(req);
    onlyKnown(params, ['format', 'status', 'from', 'to']);
    const format = params.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new HttpError(400, { error: 'bad_query', message: 'format is csv or json' });
    const filters = filtersOf(params);
    const initial = ctx.flowOf(formId).initial;
    // The list first (ids and statuses only): what is too large is refused before a byte is sent.
    const rows: ApplicationRow[] = [];
    for (let after: ApplicationRow | undefined; ;) {
      const page = await store.status.list(formId, { ...filters, limit: PAGE, ...(after ? { after } : {}) }, initial);
      rows.push(...page);
      if (rows.length > MAX_EXPORT) throw new HttpError(413, { error: 'export_too_large', message: `More than ${MAX_EXPORT} applications: narrow the export by status or by date (from, to)`, limit: MAX_EXPORT });
      if (page.length < PAGE) break;
      after = page.at(-1);
    }
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date());
    res.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${formId}-${day}.${format}"`,
      'cache-control': 'no-store',
    });
    const columns = columnsOf(form!);
    const head = ['receipt', 'submittedAt', 'status', 'changedAt', 'formVersion', 'versions'];
    await write(res, format === 'csv' ? `\uFEFF${[...head, ...columns].map(csvCell).join(',')}\r\n` : '{"applications":[');
    for (const [i, row] of rows.entries()) {
      const versions = await versionsOf(store, formId, row.submissionId);
      const latest = versions.at(-1);
      const data = (latest && (await store.get(formId, latest.id))?.data) as Data | undefined;
      const about = { receipt: row.receipt, submittedAt: row.submittedAt, status: row.status, changedAt: row.changedAt, formVersion: latest?.formVersion ?? '', versions: versions.length };
      if (format === 'json') await write(res, `${i ? ',' : ''}\n${JSON.stringify({ ...about, data: data ?? null })}`);
      else await write(res, `${[...Object.values(about).map(String), ...columns.map((c) => textOf(data === undefined ? undefined : getAt(data, c)))].map(csvCell).join(',')}\r\n`);
    }
    res.end(format === 'json' ? `\n],"count":${rows.length}}\n` : '');
  }];
}
