import type { ErrorObject } from 'ajv';
import type { FormDefinition } from './types.js';
import { FormosaError } from './errors.js';
import { JsonSyntaxError, parseJsonSource, type PositionIndex } from './json-source.js';
import { locateProblems, type Problem } from './problem.js';
import { metaProblems } from './meta-errors.js';
import { semanticProblems } from './semantic.js';
import { dataSchemaProblems } from './vocabulary.js';
import { isWithin } from './pointer.js';
import { documentProblems, limitProblems, LIMITS } from './limits.js';
import { migrate, MIGRATIONS, type Migration } from './migrations.js';
import validateShape from './generated/definition-validator.js';

/** The outcome of loading a definition: the definition and its warnings, or every problem found. */
export type LoadResult =
  | { readonly ok: true; readonly definition: FormDefinition; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface LoadOptions {
  /** Migrations to apply to older format versions (defaults to the SDK's own). */
  readonly migrations?: ReadonlyMap<number, Migration>;
}

/**
 * Parses (when given text), migrates and checks a definition, reporting every problem with its JSON
 * pointer and, for text input, its line and column. Runs without `eval` (the meta-schema is precompiled).
 * @example
 * const result = loadDefinition(await (await fetch('/forms/rent-subsidy.json')).text());
 * if (!result.ok) for (const p of result.problems) console.error(formatProblem(p));
 */
export function loadDefinition(input: unknown, options: LoadOptions = {}): LoadResult {
  let document = input;
  let positions: PositionIndex = new Map();
  const problems: Problem[] = [];
  if (typeof input === 'string') {
    if (input.length > LIMITS.documentChars) {
      return { ok: false, problems: [{ severity: 'error', path: '', code: 'too_large', message: `the definition is ${input.length.toLocaleString('en')} characters long; at most ${LIMITS.documentChars.toLocaleString('en')}` }] };
    }
    try {
      const source = parseJsonSource(input);
      document = source.value;
      positions = source.positions;
      for (const { pointer } of source.duplicateKeys) {
        problems.push({ severity: 'error', path: pointer, code: 'duplicate_key', message: 'this property is written twice in the same object; only one is kept' });
      }
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      return { ok: false, problems: [{ severity: 'error', path: '', code: error.problem, message: error.message, ...error.position }] };
    }
  }
  // Before anything reads the document: nothing too deep, no name that reaches a prototype.
  const tree = documentProblems(document);
  problems.push(...tree.problems);
  if (tree.fatal) return { ok: false, problems: locateProblems(problems, positions) };
  const migrated = migrate(document, options.migrations ?? MIGRATIONS);
  problems.push(...migrated.problems);
  if (migrated.problems.length === 0) problems.push(...checkDocument(migrated.document));
  const located = locateProblems(problems, positions);
  const errors = located.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: located };
  return { ok: true, definition: migrated.document as FormDefinition, warnings: located };
}

/**
 * Every problem of a migrated document, in one run: its shape (the meta-schema), its data schema's vocabulary,
 * and what neither can express (bindings, rules, texts). A shape problem does not hide the others: the semantic
 * checks still run, and only what they find inside a part already reported as malformed is left out.
 */
function checkDocument(document: unknown): Problem[] {
  const shapeOk = validateShape(document);
  const shape = shapeOk ? [] : metaProblems((validateShape.errors ?? []) as ErrorObject[], document);
  const data = document !== null && typeof document === 'object' && 'schema' in document ? dataSchemaProblems((document as { schema: unknown }).schema) : [];
  // A schema that contains itself, or nests too deep, would never end a walk over it; one that is not an object
  // with properties leaves nothing to bind a field to.
  if (data.some((p) => p.code === 'ref_cycle' || p.code === 'too_deep' || p.path === '/schema' || p.path === '/schema/properties')) return [...shape, ...data];
  if (shapeOk) {
    // Past a limit, the meaning's checks would cost as much as the limit exists to prevent.
    const limits = limitProblems(document as FormDefinition);
    if (limits.length) return [...data, ...limits];
    return [...data, ...semanticProblems(document as FormDefinition)];
  }
  const malformed = shape.map((p) => p.path);
  const inside = (path: string) => malformed.some((m) => isWithin(path, m));
  return [...shape, ...data, ...semanticProblems(document as FormDefinition, { tolerant: true }).filter((p) => !inside(p.path))];
}

/** Thrown by {@link requireDefinition}; `problems` lists everything wrong. */
export class DefinitionError extends FormosaError {
  override name = 'DefinitionError';
  constructor(readonly problems: readonly Problem[]) {
    super('invalid_definition', `The form definition has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => `${p.path || '(document)'}: ${p.message}`).join('; ')}`);
  }
}

/**
 * Like {@link loadDefinition} but returns the definition or throws a {@link DefinitionError}.
 * @example
 * const definition = requireDefinition(JSON.parse(readFileSync('rent-subsidy.json', 'utf8')));
 */
export function requireDefinition(input: unknown, options: LoadOptions = {}): FormDefinition {
  const result = loadDefinition(input, options);
  if (!result.ok) throw new DefinitionError(result.problems.filter((p) => p.severity === 'error'));
  return result.definition;
}
