/**
 * The citizen's resubmission after "more information requested": an ordinary `POST /api/forms/:id/submissions` with
 * its own Idempotency-Key and the headers `Formosa-Reopens: <receipt>` and `Formosa-Receipt-Secret: <secret>`.
 * It is stored as a new version correcting the latest one (both kept), may change only the reopened steps, and
 * moves the application on (to `in_review` in the default flow) by the citizen, in the same request.
 */
import type { IncomingMessage } from 'node:http';
import type { Data } from '@formosa/engine';
import type { ServedForm } from '../forms.js';
import { HttpError } from '../http.js';
import type { SubmissionSummary } from '../store/index.js';
import { findApplication, firstVersion, notFound } from './application.js';
import { takeLookup, type StatusContext } from './context.js';
import { resubmittedTo } from './flows.js';
import { reopenedSteps } from './routes.js';
import { changedOutside } from './unchanged.js';

export interface Reopening {
  /** The application's first submission (its status history). */
  readonly first: SubmissionSummary;
  /** The version the resubmission corrects. */
  readonly corrects: string;
  /** The reopened steps (none to check on a replay: its answers were checked when it was stored). */
  readonly reopen: readonly string[];
  /** The same request again (its key holds this application's version already). */
  readonly replay: boolean;
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The reopening a submission request names, checked before its body is read (undefined for an ordinary submission).
 * Unknown receipt and wrong secret: the same 404 as the status lookup, and the same per-address limit.
 */
export async function reopeningOf(ctx: StatusContext, req: IncomingMessage, formId: string, key: string | undefined): Promise<Reopening | undefined> {
  const receipt = header(req, 'formosa-reopens');
  if (receipt === undefined) return undefined;
  const refuse = (error: HttpError) => {
    req.resume();
    return error;
  };
  if (key === undefined || req.headers['formosa-corrects'] !== undefined) {
    throw refuse(new HttpError(400, { error: 'bad_resubmission', message: 'A resubmission needs an Idempotency-Key of its own, and no Formosa-Corrects' }));
  }
  takeLookup(ctx, req);
  const { first, latest } = await findApplication(ctx.store, ctx.receiptKey, receipt, header(req, 'formosa-receipt-secret') ?? '').catch((error: unknown) => {
    throw refuse(error as HttpError);
  });
  if (first.formId !== formId) throw refuse(notFound());
  // Sent again (its answer lost): the version stored under the key, if it is this application's, is the answer.
  const stored = await ctx.store.summary(formId, { key });
  if (stored?.corrects && (await firstVersion(ctx.store, stored)).id === first.id) return { first, corrects: stored.corrects, reopen: [], replay: true };
  const history = await ctx.store.status.history(formId, first.id, ctx.flowOf(formId).initial);
  const reopen = reopenedSteps(ctx, formId, history);
  if (!reopen) throw refuse(new HttpError(409, { error: 'not_reopened', message: 'This application is not waiting for more information: it cannot be changed now' }));
  return { first, corrects: latest.id, reopen, replay: false };
}

/** The 422 body when an answer outside the reopened steps differs from the latest version's, naming them. */
export async function outsideReopened(ctx: StatusContext, form: ServedForm, reopening: Reopening, data: Data): Promise<object | undefined> {
  if (reopening.replay) return undefined;
  const latest = await ctx.store.get(form.definition.id, reopening.corrects);
  const fields = changedOutside(form.engine, reopening.reopen, (latest?.data ?? {}) as Data, data);
  if (!fields.length) return undefined;
  return { error: 'outside_reopened', message: `Only the reopened steps (${reopening.reopen.join(', ')}) may change; these answers differ from the application's`, fields };
}

/**
 * Moves the application on by the citizen once the new version is stored: after a replay too, if the first attempt
 * stored it but did not get to move it (a crash between the two). A caseworker's move in between wins (the version
 * stays stored, and the caseworker sees it).
 */
export async function moveResubmitted(ctx: StatusContext, reopening: Reopening, version: SubmissionSummary): Promise<void> {
  const { first } = reopening;
  const flow = ctx.flowOf(first.formId);
  const history = await ctx.store.status.history(first.formId, first.id, flow.initial);
  // A version moves the application once: a replay after a later request for information must not answer it.
  if (history.some((entry) => entry.by === 'citizen' && entry.who === version.id)) return;
  const current = history.at(-1)?.status;
  const to = current && flow.reopens.includes(current) ? resubmittedTo(flow, current) : undefined;
  if (!to) return;
  const outcome = await ctx.store.status.move(first.formId, first.id, { to, by: 'citizen', who: version.id }, flow);
  if ('refused' in outcome && outcome.refused === 'not_allowed' && !flow.reopens.includes(outcome.current)) return;
  if ('refused' in outcome) console.warn(`[formosa] the resubmission ${version.id} was stored but the application was not moved: ${JSON.stringify(outcome)}`);
}
