/**
 * The back office's delivery routes (scope `admin`): the log — `GET /api/backoffice/deliveries?state=&before=&limit=`,
 * newest first, a page at a time, without bodies (they hold citizens' answers) — and
 * `POST /api/backoffice/deliveries/:id/replay`, which sends a parked or delivered delivery again, now, under the
 * same event id (the receiver de-duplicates), with a full schedule of retries.
 */
import type { IncomingMessage } from 'node:http';
import type { Route } from '../route.js';
import { HttpError, sendJson } from '../http.js';
import type { Store } from '../store/index.js';
import { DELIVERY_STATES, type DeliveryState } from '../store/deliveries.js';
import { authenticate } from '../backoffice/auth.js';

export interface DeliveryRoutesContext {
  readonly store: Store;
  /** The clock of replays (the worker's). */
  readonly now: () => number;
}

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A query parameter that must be a whole number in range, or absent. */
function wholeNumber(params: URLSearchParams, name: string, max: number): number | undefined {
  const text = params.get(name);
  if (text === null) return undefined;
  const value = Number(text);
  if (!/^\d{1,16}$/.test(text) || value < 1 || value > max) throw new HttpError(400, { error: 'bad_query', message: `${name} must be a whole number from 1 to ${max}` });
  return value;
}

function listQuery(req: IncomingMessage) {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const state = params.get('state');
  if (state !== null && !DELIVERY_STATES.includes(state as DeliveryState)) throw new HttpError(400, { error: 'bad_query', message: `state is one of ${DELIVERY_STATES.join(', ')}` });
  const before = wholeNumber(params, 'before', Number.MAX_SAFE_INTEGER), limit = wholeNumber(params, 'limit', 100);
  return { ...(state ? { state: state as DeliveryState } : {}), ...(before ? { before } : {}), ...(limit ? { limit } : {}) };
}

/**
 * The delivery routes, for app.ts's list.
 * @example
 * const routes: Route[] = [...deliveryRoutes({ store, now: Date.now })];
 */
export function deliveryRoutes(ctx: DeliveryRoutesContext): Route[] {
  return [
    ['GET', /^\/api\/backoffice\/deliveries$/, async (req, res) => {
      await authenticate(req, ctx.store, 'admin');
      sendJson(res, 200, await ctx.store.deliveries.list(listQuery(req)));
    }],
    // No capture group: a first one would be taken for a form id by the router.
    ['POST', new RegExp(`^/api/backoffice/deliveries/${ID.source}/replay$`), async (req, res) => {
      req.resume();
      await authenticate(req, ctx.store, 'admin');
      const id = ID.exec(req.url ?? '')![0];
      const replayed = await ctx.store.deliveries.replay(id, new Date(ctx.now()));
      if (!replayed) throw new HttpError(404, { error: 'not_found', message: 'No such delivery' });
      if (replayed === 'pending') throw new HttpError(409, { error: 'pending', message: 'This delivery is queued already: it is tried on its schedule' });
      sendJson(res, 202, replayed);
    }],
  ];
}
