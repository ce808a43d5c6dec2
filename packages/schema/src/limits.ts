/**
 * The definition gate's limits. A definition comes from an agency's CMS, which can be compromised or simply wrong;
 * whatever it holds, loading it and running it must cost a bounded amount of work, in the browser and on the
 * server. Each limit has a stable problem code; the format docs (docs/definition-format.md) list them.
 */
import type { Expression, FormDefinition } from './types.js';
import type { Problem } from './problem.js';
import { forEachItem, isField, optionsOf } from './layout.js';
import { forEachExpression } from './semantic.js';
import { operatorOf, argumentsOf } from './expression.js';
import { formatPointer, parsePointer } from './pointer.js';
import { MAX_JSON_DEPTH } from './json-source.js';
import { computedGraph } from './computed.js';

/**
 * Far above any honest form (the rent subsidy has 7 steps, 40 fields, 39 choices in its longest list, rules 4
 * deep), far below what freezes a phone.
 */
export const LIMITS = {
  /** Characters of a definition's JSON text. */
  documentChars: 4_000_000,
  /** Nesting of arrays and objects. */
  depth: MAX_JSON_DEPTH,
  steps: 100,
  /** Fields, counting each field of a repeat once. */
  fields: 5_000,
  /** Choices of one list: a field's `options`, an option set, or an `enum`. */
  options: 1_000,
  /** Nesting of one rule's operators. */
  expressionDepth: 32,
  /** Operators and values of every rule together. */
  expressionNodes: 100_000,
  /** Computed values that each read the one before. */
  computedChain: 16,
  /** Entries of a repeat (a list) whose data schema sets no `maxItems`. */
  entries: 500,
  /** Characters of a text answer whose data schema sets no `maxLength`. */
  textLength: 10_000,
} as const;

/** Names that would reach an object's prototype if a value were ever written under them. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
/** Properties whose string values are paths into the data. */
const PATH_KEYS = new Set(['field', 'repeat', 'var', 'county', '$ref']);

type Report = (path: string, code: string, message: string) => void;

/**
 * Problems of the document as a tree, found before anything else reads it: nesting too deep, and reserved names
 * (`__proto__`, `constructor`, `prototype`) as a key anywhere or a segment of any path. `fatal` problems stop
 * the gate there, since the later checks would walk what is refused.
 * @example
 * documentProblems(JSON.parse('{"schema": {"properties": {"__proto__": {}}}}')).problems[0].code // 'reserved_name'
 */
export function documentProblems(document: unknown): { problems: Problem[]; fatal: boolean } {
  const problems: Problem[] = [];
  const report: Report = (path, code, message) => problems.push({ severity: 'error', path, code, message });
  let fatal = false;
  // Iterative, so no input can exhaust the stack here; counted, so an object (not JSON) that shares or loops ends.
  // A node's path is spelled out only when a problem needs it (5,000 fields make 400,000 nodes).
  type Entry = { readonly node: unknown; readonly parent: Entry | undefined; readonly key: string; readonly depth: number };
  const pathOf = (entry: Entry): string => {
    const segments: string[] = [];
    for (let at: Entry | undefined = entry; at?.parent; at = at.parent) segments.push(at.key);
    return formatPointer(segments.reverse());
  };
  const stack: Entry[] = [{ node: document, parent: undefined, key: '', depth: 0 }];
  let budget = LIMITS.documentChars / 2;
  while (stack.length) {
    const entry = stack.pop()!;
    const { node, key, depth } = entry;
    if (--budget < 0) {
      report('', 'too_large', 'the definition holds too many values');
      return { problems, fatal: true };
    }
    if (typeof node === 'string') {
      if (!PATH_KEYS.has(key)) continue;
      const segments = node.startsWith('#') ? safeSegments(node.slice(1)) : parsePointer(node);
      const reserved = segments.find((s) => RESERVED.has(s));
      if (reserved) report(pathOf(entry), 'reserved_name', `"${reserved}" cannot name an answer or a schema: it is reserved`);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= LIMITS.depth) {
      report(pathOf(entry), 'too_deep', `arrays and objects nest more than ${LIMITS.depth} levels deep here`);
      fatal = true;
      continue;
    }
    for (const childKey in node) {
      if (!Object.hasOwn(node, childKey)) continue;
      const child: Entry = { node: (node as Record<string, unknown>)[childKey], parent: entry, key: childKey, depth: depth + 1 };
      if (RESERVED.has(childKey)) {
        report(pathOf(child), 'reserved_name', `"${childKey}" cannot be used as a name: it is reserved`);
        fatal = true;
        continue;
      }
      stack.push(child);
    }
  }
  if (problems.some((p) => p.code === 'reserved_name')) fatal = true;
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { problems, fatal };
}

function safeSegments(pointer: string): string[] {
  try {
    return parsePointer(decodeURIComponent(pointer));
  } catch {
    return [];
  }
}

/**
 * The limits of a definition whose shape is right: steps, fields, choices, rules and computed chains. Checked
 * before the meaning, whose checks are as large as these.
 */
export function limitProblems(definition: FormDefinition): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, code, message) => problems.push({ severity: 'error', path, code, message });
  if (definition.steps.length > LIMITS.steps) report('/steps', 'too_many_steps', `${definition.steps.length} steps; a form may have at most ${LIMITS.steps}`);
  let fields = 0;
  forEachItem(definition, (item, { path }) => {
    if (!isField(item)) return;
    fields++;
    const options = optionsOf(definition, item);
    if (Array.isArray(item.options) && options && options.length > LIMITS.options) report(`${path}/options`, 'too_many_options', `${options.length} choices; a list may have at most ${LIMITS.options} (use a shipped list such as tw-districts, or a text field)`);
  });
  if (fields > LIMITS.fields) report('/steps', 'too_many_fields', `${fields} fields; a form may have at most ${LIMITS.fields}`);
  for (const [name, list] of Object.entries(definition.optionSets ?? {})) {
    if (list.length > LIMITS.options) report(`/optionSets/${name}`, 'too_many_options', `${list.length} choices; a list may have at most ${LIMITS.options}`);
  }
  checkEnums(definition.schema, '/schema', report);
  let nodes = 0;
  forEachExpression(definition, (expression, path) => {
    const depth = expressionDepth(expression);
    nodes += expressionSize(expression);
    if (depth > LIMITS.expressionDepth) report(path, 'expression_too_deep', `this rule nests ${depth} levels deep; at most ${LIMITS.expressionDepth}`);
  });
  if (nodes > LIMITS.expressionNodes) report('/steps', 'too_many_rules', `the rules hold ${nodes} operators and values; at most ${LIMITS.expressionNodes} in all`);
  const { longest } = computedGraph(definition);
  if (longest && longest.length > LIMITS.computedChain) {
    report(`${longest.path}/computed`, 'computed_chain_too_long', `${longest.length} computed values each read the one before (${longest.chain.slice(0, 4).join(' → ')} → …); at most ${LIMITS.computedChain}`);
  }
  return problems;
}

function checkEnums(node: unknown, path: string, report: Report): void {
  const stack: [unknown, string][] = [[node, path]];
  while (stack.length) {
    const [current, at] = stack.pop()!;
    if (current === null || typeof current !== 'object' || Array.isArray(current)) continue;
    for (const [key, child] of Object.entries(current)) {
      if (key === 'enum' && Array.isArray(child) && child.length > LIMITS.options) report(`${at}/enum`, 'too_many_options', `${child.length} values; an enum may have at most ${LIMITS.options}`);
      else if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') stack.push([child, at + formatPointer([key])]);
    }
  }
}

/** How deep an expression's operators nest (iterative: a hostile rule may nest thousands deep). */
function expressionDepth(expression: Expression): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[expression, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (Array.isArray(node)) {
      for (const child of node) stack.push([child, depth]);
      continue;
    }
    const op = operatorOf(node);
    if (op === undefined) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > LIMITS.expressionDepth) return deepest;
    for (const child of argumentsOf(node as object, op)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function expressionSize(expression: Expression): number {
  let size = 0;
  const stack: unknown[] = [expression];
  while (stack.length) {
    const node = stack.pop();
    size++;
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === 'object') stack.push(...Object.values(node));
  }
  return size;
}
