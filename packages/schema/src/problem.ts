import type { PositionIndex } from './json-source.js';

/**
 * Something wrong (or doubtful) in a definition, with the JSON pointer of the place and a plain reason.
 * @example
 * const p: Problem = { severity: 'error', path: '/steps/0/items/1/field', code: 'unknown_data_property', message: 'no property "/applicant/nmae" in the data schema (did you mean "/applicant/name"?)' };
 */
export interface Problem {
  readonly severity: 'error' | 'warning';
  /** JSON pointer into the definition document; `''` is the whole document. */
  readonly path: string;
  /** Stable code, for programs and documentation. */
  readonly code: string;
  /** A plain English reason, written for the form designer. */
  readonly message: string;
  /** Where the path sits in the definition's text, when the text was given. */
  readonly line?: number;
  readonly column?: number;
}

/** Formats a problem on one line, e.g. `rent-subsidy.json:12:7 error /steps/0/id: …`. */
export function formatProblem(problem: Problem, file = ''): string {
  const where = problem.line ? `${file}:${problem.line}:${problem.column}` : file;
  return `${where ? where + ' ' : ''}${problem.severity} ${problem.path || '(document)'}: ${problem.message} [${problem.code}]`;
}

/** Adds line and column to problems from a map of pointer positions, falling back to the nearest ancestor. */
export function locateProblems(problems: readonly Problem[], positions: PositionIndex): Problem[] {
  return problems.map((problem) => {
    let pointer = problem.path;
    for (;;) {
      const position = positions.get(pointer);
      if (position) return { ...problem, line: position.line, column: position.column };
      if (pointer === '') return problem;
      pointer = pointer.slice(0, pointer.lastIndexOf('/'));
    }
  });
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}

/** ` (did you mean "x"?)` for the closest candidate, or `''` when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  let best = '';
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}
