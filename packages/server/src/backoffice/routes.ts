/**
 * The back office's API, under /api/backoffice, every route behind a caseworker's token (auth.ts: checked and logged
 * before anything is read): the forms a token sees, a form's applications (by status, date range or receipt number,
 * a page at a time), one application with its versions, files and status history, a file of it, the exports
 * (export.ts) and the access log (scope admin). The status change is the status section's (status/decide.ts).
 */
import type { ServerResponse } from 'node:http';
import { HttpError, sendJson } from '../http.js';
import type { Route } from '../route.js';
import type { ApplicationRow } from '../store/index.js';
import { authenticate } from './auth.js';
import type { BackofficeContext } from './context.js';
import { exportRoute } from './export.js';
import { pageRoutes } from './page.js';
import { afterOf, cursorOf, filtersOf, limitOf, onlyKnown, paramsOf, receiptOf } from './query.js';
import { sendFile } from './records.js';
import { versionsOf } from './versions.js';
import { firstVersion } from '../status/application.js';

const FORM = '([a-z0-9-]+)';
const ID = '([0-9a-f-]{36})';
const route = (path: string) => new RegExp(`^\\/api\\/backoffice${path.replace(/\//g, '\\/')}$`);
const noApplication = () => new HttpError(404, { error: 'not_found', message: 'No such application of this form' });

/** A page of the list: 50 by default, at most 200. */
const PAGE = { fallback: 50, max: 200 };

/**
 * The back office's routes, for app.ts's list.
 * @example
 * const routes: Route[] = [...backofficeRoutes(ctx)];
 */
export function backofficeRoutes(ctx: BackofficeContext): Route[] {
  const { store, forms } = ctx;
  const application = async (formId: string, id: string) => {
    const found = await store.summary(formId, { id });
    if (!found) throw noApplication();
    return firstVersion(store, found);
  };
  const list = async (res: ServerResponse, formId: string, params: URLSearchParams) => {
    const initial = ctx.flowOf(formId).initial;
    const receipt = receiptOf(params);
    if (receipt !== undefined) {
      const found = await store.status.byReceipt(receipt);
      const first = found && found.formId === formId ? await firstVersion(store, found) : undefined;
      const rows: ApplicationRow[] = [];
      if (first) {
        const history = await store.status.history(formId, first.id, initial);
        rows.push({ submissionId: first.id, receipt: first.receipt, submittedAt: first.submittedAt, status: history.at(-1)?.status ?? initial, changedAt: history.at(-1)?.at ?? first.submittedAt });
      }
      return sendJson(res, 200, { applications: rows });
    }
    const limit = limitOf(params.get('limit'), PAGE.fallback, PAGE.max);
    const after = afterOf(params.get('cursor'));
    // One more than the page says whether there is a next page.
    const rows = await store.status.list(formId, { ...filtersOf(params), limit: limit + 1, ...(after ? { after } : {}) }, initial);
    const page = rows.slice(0, limit);
    sendJson(res, 200, { applications: page, ...(rows.length > limit ? { next: cursorOf(page.at(-1)!) } : {}) });
  };

  return [
    ['GET', route('/forms'), async (req, res) => {
      const who = await authenticate(req, store, 'read');
      const seen = [...forms.values()].filter(({ definition: d }) => who.forms.includes('*') || who.forms.includes(d.id));
      sendJson(res, 200, {
        holder: who.holder, scopes: who.scopes,
        forms: seen.map(({ definition: d }) => {
          const flow = ctx.flowOf(d.id);
          return { id: d.id, version: d.version, title: d.title, steps: d.steps.map((s) => ({ id: s.id, title: s.title })), statuses: Object.keys(flow.moves), flow };
        }),
      });
    }],
    ['GET', route(`/forms/${FORM}/applications`), async (req, res, form) => {
      await authenticate(req, store, 'read', form!.definition.id);
      const params = paramsOf(req);
      onlyKnown(params, ['status', 'from', 'to', 'receipt', 'cursor', 'limit']);
      await list(res, form!.definition.id, params);
    }],
    ['GET', route(`/forms/${FORM}/applications/${ID}`), async (req, res, form, match) => {
      const formId = form!.definition.id;
      await authenticate(req, store, 'read', formId);
      const first = await application(formId, match[2]!);
      const versions = await versionsOf(store, formId, first.id);
      const files = await store.backoffice.files(formId, versions.map((v) => v.id));
      const flow = ctx.flowOf(formId);
      const history = await store.status.history(formId, first.id, flow.initial);
      const status = history.at(-1)?.status ?? flow.initial;
      const fileUrl = (id: string) => `/api/backoffice/forms/${formId}/applications/${first.id}/files/${id}`;
      sendJson(res, 200, {
        id: first.id, formId, receipt: first.receipt, submittedAt: first.submittedAt, status,
        // What the caseworker may do next.
        moves: (flow.moves[status] ?? []).filter((m) => m.by === 'caseworker').map((m) => m.to), reopens: flow.reopens,
        history,
        versions: await Promise.all(versions.map(async (v) => {
          const stored = await store.get(formId, v.id);
          return { ...v, data: stored?.data, ...(stored?.verified ? { verified: stored.verified } : {}), files: files.filter((f) => f.submissionId === v.id).map(({ submissionId: _s, ...f }) => ({ ...f, url: fileUrl(f.id) })) };
        })),
      });
    }],
    ['GET', route(`/forms/${FORM}/applications/${ID}/files/${ID}`), async (req, res, form, match) => {
      const formId = form!.definition.id;
      await authenticate(req, store, 'read', formId, { recordId: match[2]! });
      const versions = await versionsOf(store, formId, match[2]!);
      const claim = await store.backoffice.claimOf(formId, match[3]!);
      const file = claim && versions.some((v) => v.id === claim) ? await store.attachment(formId, match[3]!, true) : undefined;
      if (!file) throw new HttpError(404, { error: 'not_found', message: 'No such file in this application' });
      sendFile(res, file, 'attachment');
    }],
    exportRoute(ctx),
    ...pageRoutes(),
    ['GET', route('/access-log'), async (req, res) => {
      await authenticate(req, store, 'admin');
      const params = paramsOf(req);
      onlyKnown(params, ['before', 'limit']);
      const before = params.get('before');
      if (before !== null && !/^\d{1,15}$/.test(before)) throw new HttpError(400, { error: 'bad_query', message: 'before must be a line number (seq)' });
      const lines = await store.backoffice.accessLog({ limit: limitOf(params.get('limit'), 100, 500), ...(before !== null ? { before: Number(before) } : {}) });
      sendJson(res, 200, { lines, ...(lines.length ? { next: lines.at(-1)!.seq } : {}) });
    }],
  ];
}
