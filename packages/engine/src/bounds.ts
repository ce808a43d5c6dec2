/**
 * Bounded work per request: one pass over submitted data, before the engine walks anything, that refuses what is
 * larger than the definition allows (a repeat's `maxItems`, a text's `maxLength`, or the gate's defaults when the
 * schema sets none) and what no field asks for. It stops after a fixed number of values or errors, so a
 * hostile body costs time proportional to its size, never to what the engine would make of it.
 */
import { LIMITS, formatPointer, isIndexSegment, type SchemaNode } from '@formosa/schema';
import type { FieldError } from './form-engine.js';
import type { FormModel } from './model.js';
import type { Data } from './values.js';

/** At most this many errors are reported (and returned by the server). */
export const MAX_ERRORS = 100;
/** At most this many values are looked at in one submission. */
export const MAX_VALUES = 50_000;

/** What may sit at a data pattern. */
type Slot = { kind: 'object' } | { kind: 'list'; limit: number } | { kind: 'value'; limit: number; parts: number; nested: boolean } | { kind: 'files'; limit: number };

const ATTACHMENT_KEYS = new Set(['id', 'name', 'type', 'size', 'url', 'token']);

/** The slots of a definition's data, by pattern (`*` for an entry of a list), built once per engine. */
export function slotsOf(model: FormModel): ReadonlyMap<string, Slot> {
  const slots = new Map<string, Slot>([['', { kind: 'object' }]]);
  const containers = (pattern: string) => {
    const segments = pattern.split('/').slice(1, -1);
    for (let n = 1; n <= segments.length; n++) {
      const prefix = '/' + segments.slice(0, n).join('/');
      if (!slots.has(prefix)) slots.set(prefix, { kind: 'object' });
    }
  };
  const limit = (schema: SchemaNode, keyword: string, fallback: number) => (typeof schema[keyword] === 'number' ? (schema[keyword] as number) : fallback);
  for (const repeat of model.repeats) {
    containers(repeat.pointer);
    slots.set(repeat.pointer, { kind: 'list', limit: limit(repeat.schema, 'maxItems', LIMITS.entries) });
    slots.set(`${repeat.pointer}/*`, { kind: 'object' });
  }
  for (const field of model.fields) {
    containers(field.pattern);
    slots.set(field.pattern, field.file ? { kind: 'files', limit: limit(field.schema, 'maxItems', LIMITS.entries) } : { kind: 'value', limit: limit(field.schema, 'maxLength', LIMITS.textLength), parts: partsOf(field.schema), nested: field.schema['type'] === 'array' || field.schema['type'] === 'object' });
  }
  return slots;
}

/** How many values an answer made of values holds (a group of checkboxes): its items or properties. */
function partsOf(schema: SchemaNode): number {
  if (schema['type'] === 'array') {
    const items = schema['items'] as SchemaNode | undefined;
    const choices = Array.isArray(items?.['enum']) ? (items['enum'] as unknown[]).length : LIMITS.entries;
    return typeof schema['maxItems'] === 'number' ? (schema['maxItems'] as number) : choices;
  }
  const properties = schema['properties'];
  return schema['type'] === 'object' && properties && typeof properties === 'object' ? Object.keys(properties).length : 0;
}

/**
 * The size errors of submitted data, in one bounded pass.
 * @example
 * boundsOf(slots, { household: { members: Array(100_000).fill({}) } }) // [{ path: '/household/members', code: 'maxItems', params: { limit: 10 } }]
 */
export function boundsOf(slots: ReadonlyMap<string, Slot>, data: Data): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string, string][] = [[data, '', '']];
  let values = 0;
  while (stack.length && errors.length < MAX_ERRORS) {
    const [value, pointer, pattern] = stack.pop()!;
    if (++values > MAX_VALUES) return [{ path: '', code: 'tooLarge', params: { limit: MAX_VALUES } }];
    const slot = slots.get(pattern);
    if (!slot) {
      errors.push({ path: pointer, code: 'unexpected', params: {} });
      continue;
    }
    if (slot.kind === 'value') {
      if (typeof value === 'string' && value.length > slot.limit) errors.push({ path: pointer, code: 'maxLength', params: { limit: slot.limit } });
      continue;
    }
    if (slot.kind === 'list' || slot.kind === 'files') {
      if (!Array.isArray(value)) continue; // the schema says what it should be
      if (value.length > slot.limit) {
        errors.push({ path: pointer, code: 'maxItems', params: { limit: slot.limit } });
        continue;
      }
      if (slot.kind === 'files') {
        value.forEach((file, i) => {
          if (file === null || typeof file !== 'object') return;
          for (const key of Object.keys(file)) if (!ATTACHMENT_KEYS.has(key)) errors.push({ path: `${pointer}/${i}${formatPointer([key])}`, code: 'unexpected', params: {} });
          values += Object.keys(file).length;
        });
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${pointer}/${i}`, `${pattern}/*`]);
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    // Unasked-for keys are reported as they are met, so an object of 90,000 of them costs 100 lookups, not 90,000.
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const childPattern = isIndexSegment(key) ? `${pattern}/${key}` : pattern + formatPointer([key]);
      if (slots.has(childPattern)) stack.push([(value as Record<string, unknown>)[key], pointer + formatPointer([key]), childPattern]);
      else if (errors.push({ path: pointer + formatPointer([key]), code: 'unexpected', params: {} }) >= MAX_ERRORS) break;
    }
  }
  return errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).slice(0, MAX_ERRORS);
}

/** The most values and the deepest nesting any data of a definition can have (see `shapeOf`). */
export interface DataShape {
  readonly values: number;
  readonly depth: number;
}

/**
 * The most values (containers and leaves) and the deepest nesting that data fitting the slots can have, so a body
 * can be refused by a scan of its text before it is parsed at all (parsing 1 MB of keys costs 100 ms).
 * A file is an object of at most the attachment keys.
 */
export function shapeOf(slots: ReadonlyMap<string, Slot>): DataShape {
  const children = new Map<string, string[]>();
  for (const pattern of slots.keys()) {
    if (pattern === '') continue;
    const parent = pattern.slice(0, pattern.lastIndexOf('/'));
    const siblings = children.get(parent);
    if (siblings) siblings.push(pattern);
    else children.set(parent, [pattern]);
  }
  const measure = (pattern: string): DataShape => {
    const slot = slots.get(pattern)!;
    if (slot.kind === 'value') return { values: 1 + slot.parts, depth: slot.nested ? 1 : 0 };
    if (slot.kind === 'files') return { values: 1 + slot.limit * (1 + ATTACHMENT_KEYS.size), depth: 2 };
    if (slot.kind === 'list') {
      const entry = measure(`${pattern}/*`);
      return { values: 1 + slot.limit * entry.values, depth: 1 + entry.depth };
    }
    let values = 1;
    let depth = 0;
    for (const child of children.get(pattern) ?? []) {
      const inner = measure(child);
      values += inner.values;
      depth = Math.max(depth, inner.depth);
    }
    return { values, depth: 1 + depth };
  };
  const whole = measure('');
  return { values: Math.min(whole.values, MAX_VALUES), depth: whole.depth };
}
