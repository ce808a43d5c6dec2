/** The interpreter of the rule language: a JSON tree in, a value out. No code strings, no eval. */
import { argumentsOf, FormosaError, operatorOf, type Expression } from '@formosa/schema';
import { isEmpty } from './values.js';
import { postalCodeOf } from './taiwan.js';
import { decimalNumber } from './formats.js';

/** Reads a value by the path written in a `var` (relative paths are resolved by the reader). */
export type Reader = (path: string) => unknown;

/** A number, or NaN when the value is not one (numeric strings count, for text answers). */
function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return decimalNumber(value) ?? Number.NaN;
  return Number.NaN;
}

function truthy(value: unknown): boolean {
  return !isEmpty(value) && value !== false && value !== 0 && !Number.isNaN(value);
}

function equal(a: unknown, b: unknown): boolean {
  if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
  return a === b;
}

function compare(a: unknown, b: unknown, test: (x: number | string, y: number | string) => boolean): boolean {
  if (typeof a === 'string' && typeof b === 'string') return test(a, b);
  const x = num(a);
  const y = num(b);
  return !Number.isNaN(x) && !Number.isNaN(y) && test(x, y);
}

/** NaN and infinities become `undefined`: an incomputable value is an unanswered one. */
function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

/** Thrown (and caught by {@link compute}) when a computed value reads an answer not given yet. */
const MISSING = Symbol('missing answer');

/** Operators that give a meaning to a missing answer (an empty list counts 0, a missing part is left out of a join). */
const TOLERANT = new Set(['empty', 'cat', 'count', 'sum']);

/**
 * Evaluates an expression. A missing answer reads as `undefined` (falsy, not a number): right for conditions.
 * @example
 * evaluate({ '>': [{ var: '/rent' }, 10000] }, (p) => ({ '/rent': 12000 })[p]) // true
 */
export function evaluate(expression: Expression | unknown, read: Reader): unknown {
  return run(expression, read, false);
}

/**
 * Evaluates a computed value: `undefined` while an answer it needs is missing, so nothing is shown before what it
 * depends on is answered (no "5 alarms" for an unanswered number of bedrooms). Answers read only by `empty`,
 * `cat`, `count` or `sum`, and branches `if`, `and` and `or` do not take, are not needed.
 * @example
 * compute({ '+': [{ var: '/bedrooms' }, 1] }, () => undefined) // undefined
 */
export function compute(expression: Expression | unknown, read: Reader): unknown {
  try {
    return run(expression, read, true);
  } catch (error) {
    if (error === MISSING) return undefined;
    throw error;
  }
}

function run(expression: Expression | unknown, read: Reader, strict: boolean): unknown {
  const op = operatorOf(expression);
  if (op === undefined) {
    return Array.isArray(expression) ? expression.map((e) => run(e, read, strict)) : expression;
  }
  const raw = argumentsOf(expression as object, op);
  if (op === 'var') {
    const value = read(String(raw[0]));
    if (strict && (value === undefined || value === null)) throw MISSING;
    return value;
  }
  // `and`, `or` and `if` evaluate lazily; the others take evaluated arguments.
  switch (op) {
    case 'and':
      return raw.every((e) => truthy(run(e, read, strict)));
    case 'or':
      return raw.some((e) => truthy(run(e, read, strict)));
    case 'if': {
      let i = 0;
      for (; i + 1 < raw.length; i += 2) if (truthy(run(raw[i], read, strict))) return run(raw[i + 1], read, strict);
      return i < raw.length ? run(raw[i], read, strict) : undefined;
    }
  }
  const args = raw.map((e) => run(e, read, strict && !TOLERANT.has(op)));
  const numbers = () => args.map(num);
  switch (op) {
    case '==': return equal(args[0], args[1]);
    case '!=': return !equal(args[0], args[1]);
    case '<': return compare(args[0], args[1], (x, y) => x < y);
    case '<=': return compare(args[0], args[1], (x, y) => x <= y);
    case '>': return compare(args[0], args[1], (x, y) => x > y);
    case '>=': return compare(args[0], args[1], (x, y) => x >= y);
    case 'not': return !truthy(args[0]);
    case 'in': return Array.isArray(args[1]) ? args[1].some((v) => equal(v, args[0])) : typeof args[1] === 'string' && typeof args[0] === 'string' && args[1].includes(args[0]);
    case '+': return finite(numbers().reduce((a, b) => a + b, 0));
    case '-': return finite(args.length === 1 ? -num(args[0]) : num(args[0]) - num(args[1]));
    case '*': return finite(numbers().reduce((a, b) => a * b, 1));
    case '/': return finite(num(args[0]) / num(args[1]));
    case 'min': case 'max': {
      const values = numbers().filter((n) => !Number.isNaN(n));
      return values.length ? Math[op](...values) : undefined;
    }
    case 'round': {
      const factor = 10 ** (args.length > 1 ? num(args[1]) : 0);
      return finite(Math.round(num(args[0]) * factor) / factor);
    }
    case 'count': return Array.isArray(args[0]) ? args[0].length : 0;
    case 'sum': {
      if (!Array.isArray(args[0])) return 0;
      const key = args[1];
      return args[0].reduce((total: number, item: unknown) => {
        const value = num(typeof key === 'string' && item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : item);
        return Number.isNaN(value) ? total : total + value;
      }, 0);
    }
    case 'empty': return isEmpty(args[0]);
    case 'cat': return args.filter((a) => a !== undefined && a !== null).join('');
    case 'postalCode': return postalCodeOf(args[0], args[1]);
    default:
      throw new FormosaError('unknown_operator', `Unknown operator "${op}"`);
  }
}

export { truthy as isTruthy };
