/**
 * A resubmission may change only the steps the caseworker reopened: every answer of another step must be the one
 * the latest version holds (files compared by id: the server's metadata replaces what the page sends).
 */
import { isDeepStrictEqual } from 'node:util';
import { getAt, type Data, type FormEngine } from '@formosa/engine';

/** The concrete pointers of a pattern with any number of `*` (`/members/*\/jobs/*\/name`) in either data. */
function instances(pattern: string, data: Data): string[] {
  const star = pattern.indexOf('/*');
  if (star < 0) return [pattern];
  const items = getAt(data, pattern.slice(0, star));
  if (!Array.isArray(items)) return [];
  return items.flatMap((_, i) => instances(`${pattern.slice(0, star)}/${i}${pattern.slice(star + 2)}`, data));
}

const comparable = (value: unknown, file: boolean) => (file && Array.isArray(value) ? value.map((f) => (f as { id?: unknown } | null)?.id) : value);

/**
 * The pointers of the answers outside `reopened` steps that differ between `before` and `after` (a repeat's length
 * counts: an entry added or removed outside them is a change).
 * @example
 * changedOutside(engine, ['rental'], latest.data, judged.data) // ['/applicant/phone']
 */
export function changedOutside(engine: FormEngine, reopened: readonly string[], before: Data, after: Data): string[] {
  const open = new Set(reopened);
  const changed = new Set<string>();
  for (const repeat of engine.model.repeats) {
    if (open.has(repeat.stepId)) continue;
    for (const pointer of new Set([...instances(repeat.pointer, before), ...instances(repeat.pointer, after)])) {
      const length = (data: Data) => (Array.isArray(getAt(data, pointer)) ? (getAt(data, pointer) as unknown[]).length : 0);
      if (length(before) !== length(after)) changed.add(pointer);
    }
  }
  for (const field of engine.model.fields) {
    if (open.has(field.stepId)) continue;
    for (const pointer of new Set([...instances(field.pattern, before), ...instances(field.pattern, after)])) {
      if (!isDeepStrictEqual(comparable(getAt(before, pointer), field.file), comparable(getAt(after, pointer), field.file))) changed.add(pointer);
    }
  }
  return [...changed];
}
