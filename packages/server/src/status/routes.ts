/**
 * The citizen's status routes: `POST /api/status` (the application's timeline) and `POST /api/status/answers` (the
 * latest answers, while steps are reopened, for the form to start from). Both take `{ receipt, secret }` in the body
 * (never in a URL, which logs keep), answer an unknown receipt and a wrong secret with the same 404, and count
 * against a per-address limit of lookups. The caseworker's move is in decide.ts.
 */
import type { Route } from '../route.js';
import { sendJson } from '../http.js';
import type { StatusEntry } from '../store/index.js';
import { findApplication, type Application } from './application.js';
import { readSmallObject, takeLookup, type StatusContext } from './context.js';
import { decideRoute } from './decide.js';
import { HttpError } from '../http.js';

/** The longest history a citizen is sent (the newest entries; an application moves a handful of times). */
const MAX_HISTORY = 200;

/** What the citizen sees of an entry: not which caseworker (their token and name stay in the back office). */
const forCitizen = ({ who: _who, ...entry }: StatusEntry) => entry;

async function lookup(ctx: StatusContext, req: Parameters<Route[2]>[0]): Promise<Application> {
  takeLookup(ctx, req);
  const { receipt, secret } = await readSmallObject(req, ['receipt', 'secret']);
  return findApplication(ctx.store, ctx.receiptKey, receipt, secret);
}

/** The steps the current status reopens (named by the move that led to it), or none. */
export function reopenedSteps(ctx: StatusContext, formId: string, history: readonly StatusEntry[]): string[] | undefined {
  const last = history.at(-1);
  return last && ctx.flowOf(formId).reopens.includes(last.status) ? [...(last.reopen ?? [])] : undefined;
}

/**
 * The status routes, for app.ts's list.
 * @example
 * const routes: Route[] = [...statusRoutes(ctx)];
 */
export function statusRoutes(ctx: StatusContext): Route[] {
  return [
    ['POST', /^\/api\/status$/, async (req, res) => {
      const { first, latest } = await lookup(ctx, req);
      const form = ctx.forms.get(first.formId);
      const flow = ctx.flowOf(first.formId);
      const history = await ctx.store.status.history(first.formId, first.id, flow.initial);
      const reopen = reopenedSteps(ctx, first.formId, history);
      const steps = form?.definition.steps ?? [];
      sendJson(res, 200, {
        formId: first.formId,
        title: form?.definition.title ?? first.formId,
        receipt: first.receipt,
        submittedAt: first.submittedAt,
        status: history.at(-1)?.status ?? flow.initial,
        final: flow.final.includes(history.at(-1)?.status ?? flow.initial),
        history: history.slice(-MAX_HISTORY).map(forCitizen),
        ...(latest.id !== first.id ? { latest: { receipt: latest.receipt, submittedAt: latest.submittedAt } } : {}),
        ...(reopen ? { reopen: reopen.map((id) => ({ id, title: steps.find((s) => s.id === id)?.title ?? id })) } : {}),
        ...(flow.labels ? { labels: flow.labels } : {}),
      });
    }],
    ['POST', /^\/api\/status\/answers$/, async (req, res) => {
      const { first, latest } = await lookup(ctx, req);
      const history = await ctx.store.status.history(first.formId, first.id, ctx.flowOf(first.formId).initial);
      const reopen = reopenedSteps(ctx, first.formId, history);
      if (!reopen) throw new HttpError(409, { error: 'not_reopened', message: 'This application is not waiting for more information: nothing can be changed now' });
      const stored = await ctx.store.get(latest.formId, latest.id);
      sendJson(res, 200, { formId: latest.formId, formVersion: latest.formVersion, receipt: first.receipt, reopen, data: stored?.data ?? {} });
    }],
    decideRoute(ctx),
  ];
}
