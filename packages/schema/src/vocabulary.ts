/**
 * The data schema's closed vocabulary: the JSON Schema 2020-12 keywords a definition may use, each with the kind
 * of value it takes. Anything else is refused with "did you mean", so a typo (`requried`, `minlength`) never
 * silently makes an answer optional or unchecked, and no validator is ever asked to compile what it cannot.
 */
import type { Problem } from './problem.js';
import { didYouMean } from './problem.js';
import { formatPointer, isIndexSegment } from './pointer.js';
import { KNOWN_FORMATS } from './formats.js';
import { compilePattern, PatternError } from './pattern.js';
import { parsePointer } from './pointer.js';

type Report = (path: string, code: string, message: string) => void;

/** What a keyword's value must be. */
type Kind = 'schema' | 'schemas' | 'schemaMap' | 'type' | 'count' | 'number' | 'positive' | 'string' | 'strings' | 'boolean' | 'any' | 'array' | 'format' | 'pattern' | 'ref' | 'dependentRequired';

/**
 * The keywords the format supports, by JSON Schema 2020-12 vocabulary. Left out on purpose: remote and dynamic
 * references (`$id`, `$anchor`, `$dynamicRef`), keywords whose work grows with the data in ways a form never needs
 * (`patternProperties`, `propertyNames`, `unevaluated*`, `contains`, `dependentSchemas`), and tuple forms.
 */
export const DATA_SCHEMA_KEYWORDS: Readonly<Record<string, Kind>> = {
  // core
  $ref: 'ref', $defs: 'schemaMap', $comment: 'string', $schema: 'string',
  // applicator
  properties: 'schemaMap', additionalProperties: 'schema', items: 'schema',
  allOf: 'schemas', anyOf: 'schemas', oneOf: 'schemas', not: 'schema', if: 'schema', then: 'schema', else: 'schema',
  // validation
  type: 'type', enum: 'array', const: 'any',
  multipleOf: 'positive', maximum: 'number', exclusiveMaximum: 'number', minimum: 'number', exclusiveMinimum: 'number',
  maxLength: 'count', minLength: 'count', pattern: 'pattern',
  maxItems: 'count', minItems: 'count', uniqueItems: 'boolean',
  maxProperties: 'count', minProperties: 'count', required: 'strings', dependentRequired: 'dependentRequired',
  // format annotation (checked by the engine)
  format: 'format',
  // meta-data
  title: 'string', description: 'string', default: 'any', deprecated: 'boolean', readOnly: 'boolean', writeOnly: 'boolean', examples: 'array',
};

/** How deep schemas may nest, counting each `$ref` followed as a level. */
export const MAX_SCHEMA_DEPTH = 128;

const TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Every problem of the data schema's vocabulary, at its path in the definition (`/schema/...`).
 * Runs on any input (it is part of the definition gate), whatever the rest of the definition looks like.
 * @example
 * dataSchemaProblems({ type: 'object', properties: { name: { type: 'string', minlength: 2 } } })
 * // [{ path: '/schema/properties/name/minlength', code: 'unknown_keyword', message: 'unknown keyword "minlength" (did you mean "minLength"?)', … }]
 */
export function dataSchemaProblems(schema: unknown): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, code, message) => problems.push({ severity: 'error', path, code, message });
  if (!isObject(schema)) {
    report('/schema', 'wrong_type', 'the data schema must be an object ({"type": "object", "properties": {…}})');
    return problems;
  }
  if (schema['type'] !== 'object') report('/schema/type', 'wrong_value', 'the data schema describes the submitted answers: its "type" must be "object"');
  if (!isObject(schema['properties'])) report('/schema/properties', 'missing_property', 'the data schema needs "properties", the answers the fields are bound to');
  walkSchema(schema, '/schema', report);
  if (problems.length === 0) checkReferences(schema, report);
  return problems;
}

/** The node a local reference names, or undefined. */
function resolveRef(root: unknown, ref: string): unknown {
  let node: unknown = root;
  for (const segment of parsePointer(decodeURIComponent(ref.slice(1)))) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * Every `$ref` names a schema of this data schema, and no schema contains itself, directly or through references
 * (`"$ref": "#"`, A → B → A, a property referring to its ancestor): the data a form asks for is finite, and so
 * is every walk over its schema. Depth first over containment and references, in time linear in the schema.
 */
function checkReferences(root: Record<string, unknown>, report: Report): void {
  const state = new Map<object, 'open' | 'done'>();
  const visit = (node: unknown, path: string, depth: number): void => {
    if (node === null || typeof node !== 'object') return;
    const seen = state.get(node);
    if (seen === 'done') return;
    if (seen === 'open') return report(path, 'ref_cycle', 'the data schema contains itself here (through "$ref"): the data a form asks for must be finite');
    if (depth > MAX_SCHEMA_DEPTH) return report(path, 'too_deep', `schemas nest (through "$ref" too) more than ${MAX_SCHEMA_DEPTH} levels deep here`);
    state.set(node, 'open');
    for (const [key, child] of Object.entries(node)) {
      if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
      if (key === '$ref' && typeof child === 'string') {
        const target = resolveRef(root, child);
        if (target === undefined || (typeof target !== 'object' && typeof target !== 'boolean')) report(path + '/$ref', 'unknown_ref', `"${child}" names nothing in the data schema`);
        else visit(target, path + '/$ref', depth + 1);
      } else visit(child, path + formatPointer([key]), depth + 1);
    }
    state.set(node, 'done');
  };
  visit(root, '/schema', 0);
}

function walkSchema(node: unknown, path: string, report: Report): void {
  if (typeof node === 'boolean') return;
  if (!isObject(node)) return report(path, 'wrong_type', 'a schema must be an object (or true / false)');
  for (const [keyword, value] of Object.entries(node)) {
    const at = path + formatPointer([keyword]);
    const kind = DATA_SCHEMA_KEYWORDS[keyword];
    if (!kind) {
      const hint = didYouMean(keyword, Object.keys(DATA_SCHEMA_KEYWORDS));
      report(at, 'unknown_keyword', `unknown keyword "${keyword}"${hint || `; the data schema supports ${Object.keys(DATA_SCHEMA_KEYWORDS).join(', ')}`}`);
      continue;
    }
    checkValue(keyword, kind, value, at, report);
  }
}

function checkValue(keyword: string, kind: Kind, value: unknown, at: string, report: Report): void {
  const wrong = (expected: string) => report(at, 'wrong_type', `"${keyword}" must be ${expected}`);
  switch (kind) {
    case 'schema':
      return walkSchema(value, at, report);
    case 'schemas':
      if (!Array.isArray(value) || value.length === 0) return wrong('a non-empty array of schemas');
      return value.forEach((child, i) => walkSchema(child, `${at}/${i}`, report));
    case 'schemaMap':
      if (!isObject(value)) return wrong('an object of schemas');
      for (const [name, child] of Object.entries(value)) {
        if (keyword === 'properties' && isIndexSegment(name)) report(at + formatPointer([name]), 'numeric_property', `property names must not be only digits ("${name}")`);
        walkSchema(child, at + formatPointer([name]), report);
      }
      return;
    case 'type': {
      const types = Array.isArray(value) ? value : [value];
      if (types.length === 0 || new Set(types).size !== types.length) return wrong('a type or a list of different types');
      for (const type of types) {
        if (typeof type !== 'string' || !TYPES.includes(type)) report(at, 'wrong_value', `unknown type ${JSON.stringify(type)}${typeof type === 'string' ? didYouMean(type, TYPES) : ''}; types: ${TYPES.join(', ')}`);
      }
      return;
    }
    case 'count':
      if (!Number.isSafeInteger(value) || (value as number) < 0) wrong('a whole number, 0 or more');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) wrong('a number');
      return;
    case 'positive':
      if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) wrong('a number greater than 0');
      return;
    case 'string':
      if (typeof value !== 'string') wrong('a string');
      return;
    case 'strings':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return wrong('a list of property names');
      if (new Set(value).size !== value.length) report(at, 'duplicate', `"${keyword}" names a property twice`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') wrong('true or false');
      return;
    case 'array':
      if (!Array.isArray(value)) wrong('an array');
      else if (keyword === 'enum' && value.length === 0) report(at, 'too_few', '"enum" must list at least one value');
      return;
    case 'any':
      return;
    case 'format':
      if (typeof value !== 'string') return wrong('a string');
      if (!(KNOWN_FORMATS as readonly string[]).includes(value)) report(at, 'unknown_format', `unknown format "${value}"${didYouMean(value, KNOWN_FORMATS)}; known formats: ${KNOWN_FORMATS.join(', ')}`);
      return;
    case 'pattern':
      if (typeof value !== 'string') return wrong('a regular expression, as a string');
      try {
        compilePattern(value);
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        report(at, 'bad_pattern', `the pattern cannot be used: ${error.message} (at character ${error.offset + 1})`);
      }
      return;
    case 'ref':
      if (typeof value !== 'string') return wrong('a string such as "#/$defs/address"');
      if (!value.startsWith('#')) report(at, 'remote_ref', `only references inside this definition's data schema are followed ("#/$defs/…"), not "${value}"`);
      else {
        try {
          decodeURIComponent(value.slice(1));
        } catch {
          report(at, 'bad_ref', `"${value}" has a malformed %-escape`);
        }
      }
      return;
    case 'dependentRequired':
      if (!isObject(value) || Object.values(value).some((v) => !Array.isArray(v) || v.some((name) => typeof name !== 'string'))) wrong('an object of property-name lists');
      return;
  }
}
