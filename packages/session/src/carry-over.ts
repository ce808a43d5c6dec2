/**
 * A draft saved under one version of a form, opened under another: every answer whose field still exists and
 * whose value the new version still accepts is kept; the others are named to the citizen by their label (the
 * old version's, kept with the draft), never silently dropped.
 */
import { parsePointer, patternOf } from '@formosa/schema';
import type { Data, FormEngine } from '@formosa/engine';
import type { Labels } from './ports.js';

/** An answer the new version could not take, with the label it had. */
export interface DroppedAnswer {
  readonly path: string;
  readonly label?: Readonly<Record<string, string>>;
}

/** The answers a version of the form can take from `answers`, and the ones it cannot. */
export function carryOver(engine: FormEngine, answers: Data, labels: Labels | undefined): { values: Data; dropped: DroppedAnswer[] } {
  const answered = new Set<string>();
  const dropped: string[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (pointer !== '' && engine.model.field(pointer)) return void answered.add(pointer);
    if (Array.isArray(node) && engine.model.repeat(pointer)) return node.forEach((entry, i) => walk(entry, `${pointer}/${i}`));
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node)) walk(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      return;
    }
    if (node !== undefined && node !== null && node !== '') dropped.push(pointer);
  };
  walk(answers, '');
  /** The answer an error is about: its path, or the nearest answered pointer above it (an item of a list). */
  const answerAt = (path: string): string | undefined => {
    for (let p = path; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) if (answered.has(p)) return p;
    return undefined;
  };
  // An answer the new version's checks refuse (a retyped field, a narrower list) cannot be carried over either.
  const refused = new Set(
    engine.validate(engine.init(without(answers, dropped)))
      .filter((e) => e.code !== 'required')
      .map((e) => answerAt(e.path))
      .filter((p): p is string => p !== undefined),
  );
  const values = refused.size ? without(answers, [...dropped, ...refused]) : without(answers, dropped);
  return {
    values,
    dropped: [...dropped, ...refused].map((path) => {
      const label = labels?.[patternOf(path)];
      return label ? { path, label } : { path };
    }),
  };
}

/** A copy of `answers` without the values at `pointers` (one copy, whatever the number of answers). */
function without(answers: Data, pointers: readonly string[]): Data {
  if (pointers.length === 0) return answers;
  const copy = structuredClone(answers) as Record<string, unknown>;
  // Last first, so removing an item of a list never shifts one still to remove.
  for (const pointer of [...pointers].reverse()) {
    const segments = parsePointer(pointer);
    let node: unknown = copy;
    for (const segment of segments.slice(0, -1)) node = node !== null && typeof node === 'object' && Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
    const last = segments.at(-1)!;
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, last)) delete (node as Record<string, unknown>)[last];
  }
  return copy;
}
