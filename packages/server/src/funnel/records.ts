/**
 * The journey records `<formosa-form analytics="…">` sends (packages/elements/src/components/form/analytics.ts),
 * checked strictly and turned into counts. A batch with anything unexpected — another key, an unknown kind, a step
 * or a field pointer the form does not have, a code that is not a check's name, a length out of bounds — is refused
 * whole: nothing a page did not make this way is counted, and no value can ride along in a path or a code.
 */
import { patternOf } from '@formosa/schema';
import type { ServedForm } from '../forms.js';
import type { FunnelCount, FunnelKind } from '../store/funnel.js';

export const KINDS: readonly FunnelKind[] = ['step-reached', 'step-left', 'error-shown', 'abandoned', 'submitted'];
/** A beacon: at most 50 records in at most 16 KB (what the element sends). */
export const MAX_RECORDS = 50;
export const MAX_BYTES = 16 * 1024;
/** The steps every form has besides its own. */
const OWN_STEPS = ['consent', 'review', 'receipt'];
const KEYS = new Set(['kind', 'formId', 'formVersion', 'step', 'journey', 'at', 'errors', 'ms']);
const JOURNEY = /^[0-9a-f-]{16,40}$/;
/** A check's name (`required`, `maxLength`, `nationalId`): letters only, so no number or name can pass as one. */
const CODE = /^[a-z][A-Za-z]{0,39}$/;
/** The longest time on a step counted (a day): more is a tab left open. */
const MAX_MS = 86_400_000;

export class BadRecords extends Error {
  override readonly name = 'BadRecords';
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The pattern of a field or repeat of the form a pointer names, else undefined. */
function patternIn(form: ServedForm, path: unknown): string | undefined {
  if (typeof path !== 'string' || path.length > 300 || !path.startsWith('/')) return undefined;
  const pattern = patternOf(path);
  if (form.engine.model.field(pattern)) return pattern;
  return form.engine.model.repeat(pattern) ? pattern : undefined;
}

/**
 * The counts of a beacon's body for `form`, or throws BadRecords saying what is wrong (for the operator's logs; the
 * page never reads the answer).
 * @example
 * countsOf(form, '{"records":[{"kind":"step-reached", …}]}')
 */
export function countsOf(form: ServedForm, text: string): FunnelCount[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRecords('not JSON');
  }
  if (!isObject(body) || Object.keys(body).length !== 1 || !Array.isArray(body['records'])) throw new BadRecords('the body is { "records": [...] } and nothing else');
  const records = body['records'] as unknown[];
  if (!records.length || records.length > MAX_RECORDS) throw new BadRecords(`1 to ${MAX_RECORDS} records`);
  const { definition } = form;
  const steps = new Set([...definition.steps.map((s) => s.id), ...OWN_STEPS]);
  const counts = new Map<string, { -readonly [K in keyof FunnelCount]: FunnelCount[K] }>();
  const add = (kind: FunnelKind, step: string, ms = 0, path = '', code = '') => {
    const key = [kind, step, path, code].join('\u0000');
    const count = counts.get(key) ?? { formVersion: definition.version, kind, step, path, code, count: 0, ms: 0 };
    count.count++;
    count.ms += ms;
    counts.set(key, count);
  };
  for (const [i, record] of records.entries()) {
    const fail = (why: string) => new BadRecords(`record ${i}: ${why}`);
    if (!isObject(record)) throw fail('not an object');
    const extra = Object.keys(record).filter((k) => !KEYS.has(k));
    if (extra.length) throw fail(`unknown keys ${extra.join(', ').slice(0, 100)}`);
    const { kind, formId, formVersion, step, journey, at, errors, ms } = record;
    if (!KINDS.includes(kind as FunnelKind)) throw fail('unknown kind');
    if (formId !== definition.id) throw fail('another form');
    if (formVersion !== definition.version) throw fail('another version of the form');
    if (typeof step !== 'string' || !steps.has(step)) throw fail('not a step of the form');
    if (typeof journey !== 'string' || !JOURNEY.test(journey)) throw fail('journey is a random id');
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > 8.64e15) throw fail('at is a time in ms');
    if (ms !== undefined && (kind !== 'step-left' || typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0)) throw fail('ms is a whole number of ms, for step-left only');
    if (errors !== undefined && kind !== 'error-shown') throw fail('errors are for error-shown only');
    add(kind as FunnelKind, step, Math.min(MAX_MS, (ms as number | undefined) ?? 0));
    if (kind !== 'error-shown') continue;
    if (!Array.isArray(errors) || errors.length > 100) throw fail('errors is a list of at most 100');
    for (const error of errors as unknown[]) {
      if (!isObject(error) || Object.keys(error).length !== 2) throw fail('an error is { path, code }');
      const pattern = patternIn(form, error['path']);
      if (pattern === undefined) throw fail('an error names a field the form does not have');
      if (typeof error['code'] !== 'string' || !CODE.test(error['code'])) throw fail("an error's code is a check's name");
      add('error-shown', step, 0, pattern, error['code']);
    }
  }
  return [...counts.values()];
}
