/** Turns the meta-schema validator's errors into designer-readable problems. */
import type { ErrorObject } from 'ajv';
import type { Problem } from './problem.js';
import { didYouMean } from './problem.js';
import { formatPointer, parsePointer } from './pointer.js';

type Node = Record<string, unknown>;

/** The validator is compiled with `verbose`, so each error carries the schema that failed and its parent. */
type VerboseError = ErrorObject & { schema?: unknown; parentSchema?: Node; propertyName?: string };

function valueAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const segment of parsePointer(pointer)) node = node && typeof node === 'object' ? (node as Node)[segment] : undefined;
  return node;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'an object', array: 'an array', null: 'null',
};

/** Keeps, at each `anyOf`, only the errors of the branch matching the value's JSON type; the others are noise. */
function pruneAnyOf(errors: readonly VerboseError[], document: unknown): VerboseError[] {
  let result = [...errors];
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = (Array.isArray(anyOf.schema) ? anyOf.schema : []) as Node[];
    const actual = jsonType(valueAt(document, anyOf.instancePath));
    const matching = branches.findIndex((branch) => {
      const types = ([] as unknown[]).concat(branch['type'] ?? []);
      return types.includes(actual) || branch['$ref'] !== undefined;
    });
    const branchOf = (e: VerboseError) => (e.instancePath === anyOf.instancePath && e.schemaPath.startsWith(`${anyOf.schemaPath}/`) ? Number(e.schemaPath.slice(anyOf.schemaPath.length + 1).split('/')[0]) : -1);
    result = result.filter((e) => (e === anyOf ? matching < 0 : branchOf(e) < 0 || branchOf(e) === matching));
  }
  return result;
}

function describe(error: VerboseError, document: unknown): { path: string; code: string; message: string } {
  const p = error.params as Record<string, unknown>;
  const at = error.instancePath;
  const description = typeof error.parentSchema?.['description'] === 'string' ? ` — ${error.parentSchema['description']}` : '';
  switch (error.keyword) {
    case 'required':
      if (error.parentSchema?.['$comment'] === 'unknown-item')
        return { path: at, code: 'unknown_item', message: 'an item needs one of the properties "field", "section", "repeat" or "content"' };
      return { path: at, code: 'missing_property', message: `missing required property "${String(p['missingProperty'])}"` };
    case 'additionalProperties': {
      const name = String(p['additionalProperty']);
      const allowed = Object.keys((error.parentSchema?.['properties'] as Node | undefined) ?? {});
      return { path: at + formatPointer([name]), code: 'unknown_property', message: `unknown property "${name}"${didYouMean(name, allowed)}` };
    }
    case 'type':
      return { path: at, code: 'wrong_type', message: `must be ${([] as unknown[]).concat(p['type']).map((t) => TYPE_NAMES[String(t)] ?? t).join(' or ')}` };
    case 'const':
      return { path: at, code: 'wrong_value', message: `must be ${JSON.stringify(p['allowedValue'])}` };
    case 'enum': {
      const allowedValues = p['allowedValues'] as unknown[];
      const value = valueAt(document, at);
      const hint = typeof value === 'string' ? didYouMean(value, allowedValues.map(String)) : '';
      return { path: at, code: 'wrong_value', message: `must be one of ${allowedValues.map((v) => JSON.stringify(v)).join(', ')}${hint}` };
    }
    case 'pattern':
      return { path: at, code: 'wrong_format', message: `${JSON.stringify(valueAt(document, at))} is not in the expected form${description}` };
    case 'minLength':
      return { path: at, code: 'empty', message: 'must not be empty' };
    case 'minItems':
      return { path: at, code: 'too_few', message: `must have at least ${String(p['limit'])} item${p['limit'] === 1 ? '' : 's'}` };
    case 'minProperties':
      return { path: at, code: 'too_few', message: `must have at least ${String(p['limit'])} entr${p['limit'] === 1 ? 'y' : 'ies'}` };
    case 'maxProperties':
      return { path: at, code: 'too_many', message: 'must have exactly one operator, e.g. {"==": [a, b]}' };
    case 'uniqueItems':
      return { path: at, code: 'duplicate', message: `items ${String(p['j'])} and ${String(p['i'])} are the same` };
    case 'anyOf':
      return { path: at, code: 'wrong_type', message: 'is not one of the allowed forms' };
    case 'minimum':
      return { path: at, code: 'too_small', message: `must be at least ${String(p['limit'])}` };
    default:
      // The precompiled validator carries no message texts (smaller): the keyword names the rule broken.
      return { path: at, code: error.keyword, message: `does not satisfy "${error.keyword}"` };
  }
}

/** A failed `propertyNames`: the key itself is wrong. Operators and locale tags are the two kinds of keys checked. */
function describeKey(error: VerboseError): { path: string; code: string; message: string } {
  const key = error.propertyName!;
  const operators = error.keyword === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : undefined;
  if (operators?.includes('var')) {
    return { path: error.instancePath + formatPointer([key]), code: 'unknown_operator', message: `unknown operator "${key}"${didYouMean(key, operators.map(String))}` };
  }
  return { path: error.instancePath + formatPointer([key]), code: 'bad_key', message: `"${key}" is not allowed here${error.keyword === 'pattern' ? description(error) : ''}` };
}

function description(error: VerboseError): string {
  return typeof error.parentSchema?.['description'] === 'string' ? ` — ${error.parentSchema['description']}` : '';
}

/**
 * Converts ajv errors from the meta-schema into problems: branch noise removed, one problem per place and reason.
 * @example
 * metaProblems(validate.errors ?? [], document)
 */
export function metaProblems(errors: readonly ErrorObject[], document: unknown): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of pruneAnyOf(errors as VerboseError[], document)) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    const described = error.propertyName !== undefined ? describeKey(error) : describe(error, document);
    const key = `${described.path}\u0000${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ severity: 'error', ...described });
  }
  return problems;
}
