/**
 * The path syntax of a MyData mapping's `from`: `resource:segment.segment…`, a segment being `name`, `name[3]` or
 * `name[key OP value]` (OP `=`, `!=`, `~=`; value `$subject` or `'literal'`). One parser for the linter and the
 * runtime, so the two never disagree on what a path means.
 */

/** A filter on an array's elements: keep those whose `key` compares to the value. */
export interface MyDataFilter {
  readonly key: string;
  /** `=` equal, `!=` not equal (or absent), `~=` equal where either side's `*` stands for any one character. */
  readonly op: '=' | '!=' | '~=';
  /** `subject`: the verified citizen's national ID; otherwise the literal. */
  readonly value: { readonly subject: true } | { readonly literal: string };
}

/** One step of a path. */
export interface MyDataPathSegment {
  readonly name: string;
  readonly index?: number;
  readonly filter?: MyDataFilter;
}

/** A parsed path, or where and why it does not parse. */
export type MyDataPathResult =
  | { readonly ok: true; readonly resource?: string; readonly segments: readonly MyDataPathSegment[] }
  | { readonly ok: false; readonly reason: string };

/** Bounds on a path: far above any real dataset (the deepest known value is 3 segments down). */
export const MYDATA_PATH_LIMITS = { chars: 500, segments: 16 } as const;

const RESOURCE = /^[A-Za-z0-9._-]+$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const SEGMENT = /^([^[\]]+)(?:\[(.*)\])?$/;
const FILTER = /^\s*([^\s!~=]+)\s*(=|!=|~=)\s*(\$subject|'[^']*')\s*$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses `resource:path` (with `resource: true`) or a path relative to a repeat's entry.
 * @example
 * parseMyDataPath('API.UDauDOLyZg:personHouseholdData21[person_id=$subject].person_name', { resource: true })
 * // { ok: true, resource: 'API.UDauDOLyZg', segments: [{ name: 'personHouseholdData21', filter: { key: 'person_id', op: '=', value: { subject: true } } }, { name: 'person_name' }] }
 */
export function parseMyDataPath(text: string, options: { resource?: boolean } = {}): MyDataPathResult {
  if (text.length > MYDATA_PATH_LIMITS.chars) return { ok: false, reason: `longer than ${MYDATA_PATH_LIMITS.chars} characters` };
  let body = text;
  let resource: string | undefined;
  if (options.resource) {
    const colon = text.indexOf(':');
    if (colon < 0) return { ok: false, reason: 'write "resource:path", e.g. "API.UDauDOLyZg:householdBasicData21.household_id"' };
    resource = text.slice(0, colon);
    body = text.slice(colon + 1);
    if (!RESOURCE.test(resource)) return { ok: false, reason: `"${resource}" is not a resource id (such as "API.UDauDOLyZg")` };
  }
  if (body === '') return { ok: false, reason: 'the path after the resource is empty' };
  // Split on dots outside brackets: a literal may hold a dot.
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "'" && depth === 1) {
      const end = body.indexOf("'", i + 1);
      if (end < 0) return { ok: false, reason: 'a quoted value is not closed' };
      i = end;
    } else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '.' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
    if (depth < 0 || depth > 1) return { ok: false, reason: 'brackets do not pair' };
  }
  if (depth !== 0) return { ok: false, reason: 'a bracket is not closed' };
  parts.push(body.slice(start));
  if (parts.length > MYDATA_PATH_LIMITS.segments) return { ok: false, reason: `more than ${MYDATA_PATH_LIMITS.segments} segments` };
  const segments: MyDataPathSegment[] = [];
  for (const part of parts) {
    const segment = parseSegment(part);
    if (typeof segment === 'string') return { ok: false, reason: segment };
    segments.push(segment);
  }
  return resource === undefined ? { ok: true, segments } : { ok: true, resource, segments };
}

function parseSegment(part: string): MyDataPathSegment | string {
  if (part === '') return 'a segment is empty (two dots, or a dot at an end)';
  const match = SEGMENT.exec(part);
  if (!match) return `"${part}" is not a segment: write name, name[3] or name[key='value']`;
  const name = match[1]!;
  const inside = match[2];
  if (!NAME.test(name)) return `"${name}" is not a name (letters, digits, _ and -)`;
  if (RESERVED.has(name)) return `"${name}" is reserved`;
  if (inside === undefined) return { name };
  if (/^(0|[1-9]\d{0,5})$/.test(inside)) return { name, index: Number(inside) };
  const filter = FILTER.exec(inside);
  if (!filter) return `"[${inside}]" is neither an index nor a filter such as [person_id=$subject] or [relationship='配偶']`;
  const key = filter[1]!;
  if (!NAME.test(key) || RESERVED.has(key)) return `"${key}" is not a name to filter on`;
  const raw = filter[3]!;
  const value = raw === '$subject' ? { subject: true as const } : { literal: raw.slice(1, -1) };
  return { name, filter: { key, op: filter[2] as MyDataFilter['op'], value } };
}
