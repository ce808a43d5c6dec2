/**
 * The anonymous funnel: `POST /api/forms/:id/analytics` takes the element's beacons (text/plain, as sendBeacon sends
 * them without a preflight; ≤ 16 KB, ≤ 50 records, checked by records.ts) and adds their counts, answering 204;
 * `GET /api/backoffice/forms/:id/funnel` (scope read) shows them: per step how many reached it, left it (and the
 * average time), gave up on it, and the check codes citizens met most. Nothing else is kept: no journey id, no
 * value, no address (the per-address rate limit lives in memory, for a minute).
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { authenticate } from '../backoffice/auth.js';
import { instantOf, onlyKnown, paramsOf } from '../backoffice/query.js';
import type { ServedForm } from '../forms.js';
import { HttpError, readBytes, sendJson } from '../http.js';
import { SlidingWindow } from '../rate-limit.js';
import type { Route } from '../route.js';
import type { Store } from '../store/index.js';
import type { FunnelCount } from '../store/funnel.js';
import { BadRecords, countsOf, MAX_BYTES } from './records.js';

export interface FunnelContext {
  readonly store: Store;
  readonly addressOf: (req: IncomingMessage) => string;
  /** Beacons per address (a page sends a few per journey): 60 a minute by default. */
  readonly beacons?: { readonly requests: number; readonly seconds: number };
  readonly now?: () => number;
}

const TYPES = /^(text\/plain|application\/json)\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
/** How many error codes the funnel shows. */
const TOP_ERRORS = 20;

/** A day as the funnel counts it: the date in Taipei. */
export const taipeiDay = (time: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date(time));

/** The funnel of one version of a form, from its counters. */
export function funnelOf(form: ServedForm, version: string, counts: readonly FunnelCount[]) {
  const mine = counts.filter((c) => c.formVersion === version);
  const sum = (kind: FunnelCount['kind'], step?: string, field: 'count' | 'ms' = 'count') => mine.filter((c) => c.kind === kind && (step === undefined || c.step === step) && c.path === '').reduce((n, c) => n + c[field], 0);
  const steps = ['consent', ...form.definition.steps.map((s) => s.id), 'review', 'receipt'].filter((id, i, all) => all.indexOf(id) === i);
  return {
    formId: form.definition.id,
    version,
    versions: [...new Set(counts.map((c) => c.formVersion))],
    steps: steps.map((id) => {
      const left = sum('step-left', id);
      return { id, title: form.definition.steps.find((s) => s.id === id)?.title ?? null, reached: sum('step-reached', id), left, abandoned: sum('abandoned', id), errorsShown: sum('error-shown', id), averageMs: left ? Math.round(sum('step-left', id, 'ms') / left) : null };
    }).filter((s) => s.reached || s.title),
    submitted: sum('submitted'),
    topErrors: mine.filter((c) => c.kind === 'error-shown' && c.path !== '').sort((a, b) => b.count - a.count).slice(0, TOP_ERRORS).map(({ step, path, code, count }) => ({ step, path, code, count })),
  };
}

/**
 * The funnel's routes, for app.ts's list.
 * @example
 * const routes: Route[] = [...funnelRoutes({ store, addressOf })];
 */
export function funnelRoutes(ctx: FunnelContext): Route[] {
  const now = ctx.now ?? Date.now;
  const limit = ctx.beacons ?? { requests: 60, seconds: 60 };
  const beacons = new SlidingWindow(limit.requests, limit.seconds, now);
  return [
    ['POST', /^\/api\/forms\/([a-z0-9-]+)\/analytics$/, async (req, res, form) => {
      const wait = beacons.take(ctx.addressOf(req));
      if (wait) {
        req.resume();
        throw new HttpError(429, { error: 'rate_limited', message: 'Too many analytics beacons from this address', retryAfter: wait }, { 'retry-after': String(wait) });
      }
      if (!TYPES.test(req.headers['content-type'] ?? '')) {
        req.resume();
        throw new HttpError(415, { error: 'unsupported_media_type', message: 'Send the records as text/plain or application/json (UTF-8)' });
      }
      const body = await readBytes(req, MAX_BYTES);
      if (!isUtf8(body)) throw new HttpError(400, { error: 'bad_encoding', message: 'The body is not valid UTF-8' });
      let counts: FunnelCount[];
      try {
        counts = countsOf(form!, body.toString('utf8'));
      } catch (error) {
        if (error instanceof BadRecords) throw new HttpError(400, { error: 'bad_records', message: `Nothing was counted: ${error.message}` });
        throw error;
      }
      await ctx.store.funnel.add(form!.definition.id, taipeiDay(now()), counts);
      res.writeHead(204).end();
    }],
    ['GET', /^\/api\/backoffice\/forms\/([a-z0-9-]+)\/funnel$/, async (req, res, form) => {
      await authenticate(req, ctx.store, 'read', form!.definition.id);
      const params = paramsOf(req);
      onlyKnown(params, ['from', 'to', 'version']);
      const day = (name: 'from' | 'to') => {
        const instant = instantOf(name, params.get(name));
        return instant && taipeiDay(Date.parse(instant));
      };
      const from = day('from'), to = day('to');
      const counts = await ctx.store.funnel.counts(form!.definition.id, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
      const version = params.get('version') ?? form!.definition.version;
      if (version.length > 64) throw new HttpError(400, { error: 'bad_query', message: 'version is a form version' });
      sendJson(res, 200, funnelOf(form!, version, counts));
    }],
  ];
}
