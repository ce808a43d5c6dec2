/** Arity of each operator of the expression language; the engine implements them, the loader checks them. */
export interface OperatorSignature {
  readonly min: number;
  readonly max: number;
}

const many = Number.POSITIVE_INFINITY;

/**
 * The operators of the rule language (JSON Logic-like). `var` reads a value by path:
 * a leading `/` is absolute, otherwise the path is relative to the enclosing repeat item.
 * @example
 * OPERATORS['=='] // { min: 2, max: 2 }
 */
export const OPERATORS: Readonly<Record<string, OperatorSignature>> = {
  var: { min: 1, max: 1 },
  '==': { min: 2, max: 2 },
  '!=': { min: 2, max: 2 },
  '<': { min: 2, max: 2 },
  '<=': { min: 2, max: 2 },
  '>': { min: 2, max: 2 },
  '>=': { min: 2, max: 2 },
  and: { min: 1, max: many },
  or: { min: 1, max: many },
  not: { min: 1, max: 1 },
  if: { min: 3, max: many },
  in: { min: 2, max: 2 },
  '+': { min: 1, max: many },
  '-': { min: 1, max: 2 },
  '*': { min: 2, max: many },
  '/': { min: 2, max: 2 },
  min: { min: 1, max: many },
  max: { min: 1, max: many },
  round: { min: 1, max: 2 },
  count: { min: 1, max: 1 },
  sum: { min: 1, max: 2 },
  empty: { min: 1, max: 1 },
  cat: { min: 1, max: many },
  /** Taiwan: the 3-digit postal code of [county code, district name], e.g. ['TPE', '中正區'] → '100'. */
  postalCode: { min: 2, max: 2 },
};

/** The operator of an expression node, or `undefined` for a literal or an array. */
export function operatorOf(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const keys = Object.keys(node);
  return keys.length === 1 ? keys[0] : undefined;
}

/** The argument list of an operator node: a single argument may be written without brackets. */
export function argumentsOf(node: object, operator: string): readonly unknown[] {
  const raw = (node as Record<string, unknown>)[operator];
  return Array.isArray(raw) ? raw : [raw];
}

/** Every `var` path an expression reads, in order of appearance. */
export function varsOf(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) varsOf(child, into);
    return into;
  }
  const op = operatorOf(node);
  if (op === undefined) return into;
  const args = argumentsOf(node as object, op);
  if (op === 'var') {
    if (typeof args[0] === 'string') into.push(args[0]);
    return into;
  }
  for (const arg of args) varsOf(arg, into);
  return into;
}
