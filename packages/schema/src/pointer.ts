/** JSON Pointer (RFC 6901) helpers, and the relative paths used inside repeatable items. */

/**
 * Splits a JSON pointer into its unescaped segments.
 * @example
 * parsePointer('/applicant/name') // ['applicant', 'name']
 */
export function parsePointer(pointer: string): string[] {
  const cached = parsed.get(pointer);
  if (cached) return cached.slice();
  if (pointer === '' || pointer === '/') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  const segments = body.split('/').map((s) => (s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s));
  // Forms read the same few thousand pointers on every change: remember them (bounded).
  if (parsed.size > 20_000) parsed.clear();
  parsed.set(pointer, segments);
  return segments.slice();
}

const parsed = new Map<string, string[]>();

/**
 * Joins segments into a JSON pointer, escaping `~` and `/`.
 * @example
 * formatPointer(['household', 0, 'name']) // '/household/0/name'
 */
export function formatPointer(segments: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) {
    const text = String(segment);
    // Most segments need no escaping: skip the two replacements (the gate formats one per key of a definition).
    pointer += '/' + (NEEDS_ESCAPE.test(text) ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text);
  }
  return pointer;
}

const NEEDS_ESCAPE = /[~/]/;

/**
 * Resolves a path written in a definition: a leading `/` is absolute, otherwise it is relative to `scope`.
 * @example
 * resolvePath('name', '/household/2') // '/household/2/name'
 * resolvePath('/applicant/name', '/household/2') // '/applicant/name'
 */
export function resolvePath(path: string, scope = ''): string {
  if (path.startsWith('/')) return path;
  return path === '' ? scope : `${scope}/${path}`;
}

/** Whether a segment addresses an array element. Data property names must not be all digits. */
export function isIndexSegment(segment: string): boolean {
  return /^(0|[1-9]\d*)$/.test(segment) || segment === '*';
}

/**
 * The pattern of a concrete pointer: array indices become `*`.
 * @example
 * patternOf('/household/3/name') // '/household/* /name' (without the space)
 */
export function patternOf(pointer: string): string {
  return formatPointer(parsePointer(pointer).map((s) => (isIndexSegment(s) ? '*' : s)));
}

/** Whether `ancestor` is `pointer` itself or one of its ancestors. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return ancestor === '' || pointer === ancestor || pointer.startsWith(ancestor + '/');
}
