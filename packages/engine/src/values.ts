/**
 * Reading and writing form data by JSON pointer, without mutating the input (structural sharing). Only own
 * properties are read, and no value is ever written under a name that reaches a prototype.
 */
import { FormosaError, parsePointer } from '@formosa/schema';

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function writable(key: string): string {
  if (RESERVED.has(key)) throw new FormosaError('reserved_name', `"${key}" is reserved and cannot name an answer`);
  return key;
}

/** Form data: a JSON object. */
export type Data = { readonly [key: string]: unknown };

/**
 * The value at `pointer`, or `undefined`.
 * @example
 * getAt({ applicant: { name: '林小美' } }, '/applicant/name') // '林小美'
 */
export function getAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * A copy of `data` with `value` at `pointer` (missing objects are created; `undefined` removes the key).
 * Only the objects along the path are copied.
 * @example
 * setAt({}, '/applicant/name', '林小美') // { applicant: { name: '林小美' } }
 */
export function setAt(data: Data, pointer: string, value: unknown): Data {
  return setIn(data, parsePointer(pointer), 0, value) as Data;
}

function setIn(node: unknown, segments: readonly string[], i: number, value: unknown): unknown {
  if (i === segments.length) return value;
  const key = writable(segments[i]!);
  const container = node !== null && typeof node === 'object' ? node : /^\d+$/.test(key) ? [] : {};
  if (Array.isArray(container)) {
    const copy = container.slice();
    const index = Number(key);
    if (value === undefined && i === segments.length - 1) copy.splice(index, 1);
    else copy[index] = setIn(copy[index], segments, i + 1, value);
    return copy;
  }
  const source = container as Record<string, unknown>;
  const child = setIn(Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined, segments, i + 1, value);
  const copy: Record<string, unknown> = { ...source };
  if (child === undefined) delete copy[key];
  else copy[key] = child;
  return copy;
}

/** Writes into a mutable tree being built (used where copying per write would cost O(n²)). */
export function assignAt(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = writable(segments[i]!);
    const nextIsIndex = /^\d+$/.test(segments[i + 1]!);
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[writable(segments[segments.length - 1]!)] = value;
}

/** Whether a value counts as "not answered": undefined, null, blank string, or empty array. */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}
