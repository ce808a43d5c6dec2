/**
 * The caseworker's move: `POST /api/backoffice/forms/:id/applications/:appId/status` `{ to, note?, reopen? }`, with a
 * token of scope `decide` for the form (backoffice/auth.ts: checked, and logged, before the body is read). Mounted
 * with the status routes; the back office lists and reads applications, this route changes them.
 */
import { characterProblem } from '@formosa/engine';
import { authenticate } from '../backoffice/auth.js';
import { HttpError, readJsonText, sendJson } from '../http.js';
import type { Route } from '../route.js';
import type { StatusContext } from './context.js';

/** The longest note a caseworker may write to the citizen, in characters. */
export const MAX_NOTE = 2000;

const bad = (message: string) => new HttpError(400, { error: 'bad_request', message });

interface Decision {
  readonly to: string;
  readonly note?: string;
  readonly reopen?: readonly string[];
}

/** The body of a move, checked: known keys only, a status, a bounded note, reopened steps of the form only when `to` reopens. */
function decisionOf(text: string, steps: ReadonlySet<string>, reopening: readonly string[]): Decision {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, { error: 'bad_json', message: 'The body is not valid JSON' });
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw bad('Send { "to": status, "note"?: text, "reopen"?: [step ids] }');
  const { to, note, reopen, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length) throw bad(`Unknown members: ${Object.keys(rest).join(', ')}`);
  if (typeof to !== 'string' || !to || to.length > 64) throw bad('"to" must name a status');
  const reopens = reopening.includes(to);
  if (note !== undefined && (typeof note !== 'string' || [...note].length > MAX_NOTE || characterProblem(note, true))) throw bad(`"note" must be a text of at most ${MAX_NOTE} characters, without control or invisible characters`);
  if (reopens) {
    if (!Array.isArray(reopen) || !reopen.length || reopen.length > steps.size || !reopen.every((s) => typeof s === 'string' && steps.has(s)) || new Set(reopen).size !== reopen.length) {
      throw bad(`"reopen" must list the steps the citizen may change, among: ${[...steps].join(', ')}`);
    }
  } else if (reopen !== undefined) throw bad(`"${to}" reopens no steps`);
  return { to, ...(note ? { note } : {}), ...(reopens ? { reopen: reopen as string[] } : {}) };
}

export function decideRoute(ctx: StatusContext): Route {
  return ['POST', /^\/api\/backoffice\/forms\/([a-z0-9-]+)\/applications\/([0-9a-f-]{36})\/status$/, async (req, res, form, match) => {
    const formId = form!.definition.id;
    const who = await authenticate(req, ctx.store, 'decide', formId).catch((error: unknown) => {
      req.resume();
      throw error;
    });
    const text = await readJsonText(req, 16 * 1024);
    const flow = ctx.flowOf(formId);
    const steps = new Set(form!.definition.steps.map((s) => s.id));
    const decision = decisionOf(text, steps, flow.reopens);
    const outcome = await ctx.store.status.move(formId, match[2]!, { ...decision, by: 'caseworker', who: `${who.tokenId} ${who.holder}` }, flow);
    if ('entry' in outcome) return sendJson(res, 200, { status: outcome.entry.status, entry: outcome.entry });
    if (outcome.refused === 'not_found') throw new HttpError(404, { error: 'not_found', message: 'No such application of this form' });
    const allowed = (flow.moves[outcome.current] ?? []).filter((m) => m.by === 'caseworker').map((m) => m.to);
    throw new HttpError(409, { error: 'not_allowed', message: `An application "${outcome.current}" cannot move to "${decision.to}"`, current: outcome.current, allowed });
  }];
}
