/**
 * Reads a dataset along a mapping's path. The dataset comes from outside (an agency, through the platform): only own
 * properties are read, and the work is bounded whatever the sizes, so a hostile or broken package costs little.
 */
import { parseMyDataPath, type MyDataFilter, type MyDataPathSegment } from '@formosa/schema';
import { maskedMatch, subjectId } from './masked-id.js';
import { normalizeText, textOf } from './text.js';

/** Far above any household (the largest known arrays list a family's members). */
export const SELECT_LIMITS = { arrayLength: 10_000, selected: 10_000 } as const;

/**
 * What a path selects: one value (`many: false`, `nodes` of at most one), or, once a filter or an array on the way
 * was crossed, every match in order.
 */
export interface Selection {
  readonly many: boolean;
  readonly nodes: readonly unknown[];
}

/**
 * Evaluates parsed segments; `undefined` when the data is too large to read within the limits.
 * @example
 * evaluate({ a: [{ b: 1 }, { b: 2 }] }, [{ name: 'a' }, { name: 'b' }], '') // { many: true, nodes: [1, 2] }
 */
export function evaluate(data: unknown, segments: readonly MyDataPathSegment[], subject: string): Selection | undefined {
  let nodes: unknown[] = [data];
  let many = false;
  const target = subjectId(subject);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    const next: unknown[] = [];
    for (const node of nodes) {
      const value = ownChild(node, segment.name);
      if (value === undefined) continue;
      if (segment.index !== undefined) {
        if (Array.isArray(value) && segment.index < value.length) next.push(value[segment.index]);
      } else if (segment.filter) {
        // A provider that sends one object where a list was expected has sent a list of one.
        const list: readonly unknown[] = Array.isArray(value) ? value : isRecord(value) ? [value] : [];
        if (list.length > SELECT_LIMITS.arrayLength) return undefined;
        for (const element of list) if (matches(element, segment.filter, target)) next.push(element);
        many = true;
      } else if (Array.isArray(value) && !last) {
        if (value.length > SELECT_LIMITS.arrayLength) return undefined;
        next.push(...value);
        many = true;
      } else {
        next.push(value);
      }
      if (next.length > SELECT_LIMITS.selected) return undefined;
    }
    nodes = next;
  }
  return { many, nodes };
}

/**
 * The value a path selects in one dataset (`resource:` in front is allowed and ignored): the value, or the list of
 * matches once a filter (or an array on the way) is crossed; `undefined` when missing.
 * @example
 * select(household, 'personHouseholdData21[person_id=$subject].person_name', 'A123456789') // ['王大明']
 * select(household, 'householdBasicData21.household_head_name', 'A123456789') // '王大明'
 */
export function select(data: unknown, path: string, subject: string): unknown {
  const parsed = parseMyDataPath(path, { resource: /^[A-Za-z0-9._-]+:/.test(path) });
  if (!parsed.ok) throw new TypeError(`Bad MyData path "${path}": ${parsed.reason}`);
  const selection = evaluate(data, parsed.segments, subject);
  if (!selection) return undefined;
  return selection.many ? selection.nodes : selection.nodes[0];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function ownChild(node: unknown, name: string): unknown {
  return isRecord(node) && Object.hasOwn(node, name) ? node[name] : undefined;
}

/**
 * `=` compares normalised text (IDs against `$subject` ignoring case); `!=` is its negation, so an element without
 * the key is kept; `~=` is the masked match, which a missing key never passes.
 */
function matches(element: unknown, filter: MyDataFilter, subject: string): boolean {
  const text = textOf(ownChild(element, filter.key));
  const isSubject = 'subject' in filter.value;
  const target = isSubject ? subject : normalizeText(filter.value.literal);
  if (filter.op === '~=') return text !== undefined && maskedMatch(text, target);
  const equal = text !== undefined && (isSubject ? text.toUpperCase() === target : text === target);
  return filter.op === '=' ? equal : !equal;
}
