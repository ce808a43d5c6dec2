/** Turns the datasets a transaction delivered into the form's values, each with where it came from and its lock. */
import { formatPointer, LIMITS, parseMyDataPath, parsePointer, type JsonValue, type MyDataFieldMapping, type MyDataPathSegment, type MyDataRepeatMapping, type MyDataSpec } from '@formosa/schema';
import { evaluate, type Selection } from './select.js';
import { transform } from './transforms.js';
import { subjectId } from './masked-id.js';
import { isPresent } from './text.js';

/** One dataset as the connector delivers it; `verified: false` when its digest, signature or certificate failed. */
export interface MyDataDatasetContent {
  resource: string;
  data: unknown;
  /** ISO 8601. */
  retrievedAt: string;
  verified: boolean;
}

/** Where a prefilled value came from, and whether the citizen may change it. */
export interface Provenance {
  resource: string;
  retrievedAt: string;
  locked: boolean;
}

/** Why a mapped field got no value. */
export interface MappingProblem {
  /** The field's JSON pointer (a repeat's, when the whole list could not be read). */
  field: string;
  /** `malformed`: the value is there but the transform cannot read it; `unmapped`: no value; `not_verified`: its dataset failed verification. */
  code: 'malformed' | 'unmapped' | 'not_verified';
  /** For the log and the developer; never holds the value. */
  detail?: string;
}

export interface MappingResult {
  /** JSON pointer → value; repeat entries as `/household/members/0/name`. */
  values: Record<string, JsonValue>;
  /** The same pointers. */
  provenance: Record<string, Provenance>;
  problems: MappingProblem[];
}

/**
 * The resource name given to the subject's own field, locked because the platform verified who the citizen is
 * (it ends the transaction with 409 otherwise).
 */
export const SUBJECT_RESOURCE = 'MyData';

/**
 * Applies a definition's `mydata` block to the datasets delivered for `subject` (the national ID the platform
 * verified). Values of an unverified dataset are never mapped; neither is one a transform cannot read.
 * @example
 * const { values, provenance, problems } = applyMapping(definition.mydata, result.datasets, result.subject);
 */
export function applyMapping(spec: MyDataSpec, datasets: readonly MyDataDatasetContent[], subject: string): MappingResult {
  // Keys are JSON pointers (they start with '/'): no key can reach a prototype.
  const result: MappingResult = { values: {}, provenance: {}, problems: [] };
  const declared = new Set(spec.datasets.map((d) => d.resource));
  const delivered = new Map<string, MyDataDatasetContent>();
  for (const content of datasets) if (declared.has(content.resource) && !delivered.has(content.resource)) delivered.set(content.resource, content);
  const verified = [...delivered.values()].filter((d) => d.verified);
  if (verified.length > 0) {
    const earliest = verified.map((d) => d.retrievedAt).sort()[0]!;
    result.values[spec.subject] = subjectId(subject);
    result.provenance[spec.subject] = { resource: SUBJECT_RESOURCE, retrievedAt: earliest, locked: true };
  }
  const context: Context = { delivered, subject, result };
  for (const mapping of spec.map) {
    if ('repeat' in mapping) mapRepeat(mapping, context);
    else mapField(mapping, context);
  }
  return result;
}

interface Context {
  readonly delivered: ReadonlyMap<string, MyDataDatasetContent>;
  readonly subject: string;
  readonly result: MappingResult;
}

/** The dataset a `resource:path` reads, parsed, or the problem that stops it. */
function source(from: string, field: string, context: Context): { content: MyDataDatasetContent; segments: readonly MyDataPathSegment[] } | undefined {
  const path = parseMyDataPath(from, { resource: true });
  const problem = (code: MappingProblem['code'], detail: string) => (context.result.problems.push({ field, code, detail }), undefined);
  if (!path.ok) return problem('unmapped', `bad path: ${path.reason}`);
  const content = context.delivered.get(path.resource!);
  if (!content) return problem('unmapped', `${path.resource} was not delivered (or is not declared)`);
  if (!content.verified) return problem('not_verified', `${path.resource} failed verification`);
  return { content, segments: path.segments };
}

function mapField(mapping: MyDataFieldMapping, context: Context): void {
  const field = mapping.field;
  const sources = [];
  for (const from of fromsOf(mapping)) {
    const found = source(from, field, context);
    if (!found) return;
    sources.push(found);
  }
  const selections = sources.map(({ content, segments }) => evaluate(content.data, segments, context.subject));
  const first = sources[0]!.content;
  record(mapping, field, selections, { resource: first.resource, retrievedAt: first.retrievedAt }, context.result);
}

function mapRepeat(mapping: MyDataRepeatMapping, context: Context): void {
  const found = source(mapping.from, mapping.repeat, context);
  if (!found) return;
  const selection = evaluate(found.content.data, found.segments, context.subject);
  const entries = selection?.many ? selection.nodes : Array.isArray(selection?.nodes[0]) ? (selection.nodes[0] as unknown[]) : undefined;
  const problems = context.result.problems;
  if (!entries) return void problems.push({ field: mapping.repeat, code: 'unmapped', detail: 'the path selects no list' });
  if (entries.length > LIMITS.entries) return void problems.push({ field: mapping.repeat, code: 'unmapped', detail: `more than ${LIMITS.entries} entries` });
  const origin = { resource: found.content.resource, retrievedAt: found.content.retrievedAt };
  // Parsed once for the whole list; a bad path is still a problem of each entry's field.
  const repeat = parsePointer(mapping.repeat);
  const fields = mapping.fields.map((fieldMapping) => {
    const paths = [];
    for (const from of fromsOf(fieldMapping)) {
      const path = parseMyDataPath(from);
      if (!path.ok) return { fieldMapping, pointer: parsePointer(fieldMapping.field), bad: path.reason };
      paths.push(path.segments);
    }
    return { fieldMapping, pointer: parsePointer(fieldMapping.field), paths };
  });
  entries.forEach((entry, index) => {
    for (const { fieldMapping, pointer, paths, bad } of fields) {
      const field = formatPointer([...repeat, index, ...pointer]);
      if (bad !== undefined) problems.push({ field, code: 'unmapped', detail: `bad path: ${bad}` });
      else record(fieldMapping, field, paths!.map((segments) => evaluate(entry, segments, context.subject)), origin, context.result);
    }
  });
}

function fromsOf(mapping: MyDataFieldMapping): readonly string[] {
  return typeof mapping.from === 'string' ? [mapping.from] : mapping.from;
}

/** Transforms what was selected and records the value, or the reason there is none. */
function record(mapping: MyDataFieldMapping, field: string, selections: readonly (Selection | undefined)[], origin: { resource: string; retrievedAt: string }, result: MappingResult): void {
  const name = mapping.transform ?? 'text';
  const firstOf = (s: Selection | undefined) => s?.nodes[0];
  let input: unknown;
  if (typeof name === 'object' && 'present' in name) input = selections[0]?.many ? selections[0].nodes : firstOf(selections[0]);
  else if (typeof name === 'object' && 'join' in name) input = selections.map(firstOf);
  else input = firstOf(selections[0]);
  const joining = typeof name === 'object' && ('join' in name || 'present' in name);
  if (!joining && !isPresent(input)) return void result.problems.push({ field, code: 'unmapped', detail: 'not in the dataset' });
  const outcome = transform(name, input);
  if ('problem' in outcome) return void result.problems.push({ field, code: 'malformed', detail: outcome.problem });
  result.values[field] = outcome.value;
  result.provenance[field] = { ...origin, locked: (mapping.lock ?? 'locked') === 'locked' };
}
