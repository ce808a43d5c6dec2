import { FormosaError } from './errors.js';
import { formatPointer } from './pointer.js';

/** A place in a JSON text, 1-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Where each JSON pointer of a text sits, worked out when asked (a definition's problems are few, its values many). */
export interface PositionIndex {
  get(pointer: string): SourcePosition | undefined;
}

/** A JSON text parsed with the position of every value, so problems can point at a line. */
export interface JsonSource {
  readonly value: unknown;
  /** Position of each JSON pointer: an object member's key, or an array element's value. */
  readonly positions: PositionIndex;
  /** Keys written twice in the same object (JSON.parse would silently keep the last). */
  readonly duplicateKeys: readonly { pointer: string; position: SourcePosition }[];
}

/** Thrown for text that is not JSON; carries the line and column. */
export class JsonSyntaxError extends FormosaError {
  override name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly position: SourcePosition,
    /** `json_syntax`, or `too_deep` for nesting beyond the parser's limit. */
    readonly problem: 'json_syntax' | 'too_deep' = 'json_syntax',
  ) {
    super(problem, `${message} at line ${position.line}, column ${position.column}`);
  }
}

/** How deep arrays and objects may nest: deeper text is refused before it can exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses JSON text, recording where each value sits.
 * @example
 * const source = parseJsonSource('{\n  "id": 1\n}');
 * source.positions.get('/id') // { line: 2, column: 3 }
 */
export function parseJsonSource(text: string): JsonSource {
  return new Parser(text).run();
}

class Parser {
  private i = 0;
  /** The offset of each pointer; lines and columns are computed only for the pointers asked about. */
  readonly offsets = new Map<string, number>();
  private readonly duplicateKeys: { pointer: string; position: SourcePosition }[] = [];
  private readonly lineStarts: number[] = [0];

  /** With `record`, the offset of every pointer is kept (a second pass, made only when a position is asked for). */
  constructor(
    private readonly text: string,
    private readonly record = false,
  ) {
    for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) this.lineStarts.push(k + 1);
  }

  run(): JsonSource {
    if (this.text.charCodeAt(0) === 0xfeff) this.i = 1;
    this.skipSpace();
    this.offsets.set('', this.i);
    const value = this.value('', 0);
    this.skipSpace();
    if (this.i < this.text.length) this.fail('Unexpected text after the end of the JSON document');
    let recorded: Parser | undefined;
    const positions: PositionIndex = {
      get: (pointer) => {
        if (!recorded) {
          recorded = this.record ? this : new Parser(this.text, true);
          if (recorded !== this) recorded.run();
        }
        const offset = recorded.offsets.get(pointer);
        return offset === undefined ? undefined : this.position(offset);
      },
    };
    return { value, positions, duplicateKeys: this.duplicateKeys };
  }

  private position(offset: number): SourcePosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  private fail(message: string, offset = this.i): never {
    throw new JsonSyntaxError(message, this.position(offset));
  }

  private skipSpace(): void {
    while (this.i < this.text.length) {
      const c = this.text.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  /** The value at `pointer` (its JSON pointer), `depth` arrays and objects deep. */
  private value(pointer: string, depth: number): unknown {
    const c = this.text[this.i];
    if ((c === '{' || c === '[') && depth >= MAX_JSON_DEPTH) {
      throw new JsonSyntaxError(`Arrays and objects nest more than ${MAX_JSON_DEPTH} levels deep here`, this.position(this.i), 'too_deep');
    }
    if (c === '{') return this.object(pointer, depth + 1);
    if (c === '[') return this.array(pointer, depth + 1);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, val] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return val;
      }
    }
    if (c === undefined) this.fail('Unexpected end of the JSON document');
    if (c === "'") this.fail('Strings must use double quotes (")');
    return this.fail(`Unexpected character ${JSON.stringify(c)}`);
  }

  private object(path: string, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === '}') {
      this.i++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] !== '"') this.fail(this.text[this.i] === '}' ? 'Trailing comma before }' : 'Expected a property name in double quotes');
      const keyOffset = this.i;
      const key = this.string();
      const pointer = path + formatPointer([key]);
      if (Object.prototype.hasOwnProperty.call(result, key)) this.duplicateKeys.push({ pointer, position: this.position(keyOffset) });
      if (this.record) this.offsets.set(pointer, keyOffset);
      this.skipSpace();
      if (this.text[this.i] !== ':') this.fail('Expected ":" after the property name');
      this.i++;
      this.skipSpace();
      const child = this.value(pointer, depth);
      // An own property even for "__proto__" (which assignment would take as the prototype).
      if (key === '__proto__') Object.defineProperty(result, key, { value: child, enumerable: true, writable: true, configurable: true });
      else result[key] = child;
      this.skipSpace();
      const next = this.text[this.i++];
      if (next === '}') return result;
      if (next !== ',') this.fail('Expected "," or "}" after a property value', this.i - 1);
    }
  }

  private array(path: string, depth: number): unknown[] {
    const result: unknown[] = [];
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === ']') {
      this.i++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] === ']') this.fail('Trailing comma before ]');
      const pointer = `${path}/${result.length}`;
      if (this.record) this.offsets.set(pointer, this.i);
      result.push(this.value(pointer, depth));
      this.skipSpace();
      const next = this.text[this.i++];
      if (next === ']') return result;
      if (next !== ',') this.fail('Expected "," or "]" after an array element', this.i - 1);
    }
  }

  private string(): string {
    const start = this.i;
    const end = scanString(this.text, start);
    if (end < 0) this.fail('Unterminated string or invalid escape', start);
    this.i = end;
    const inner = this.text.slice(start + 1, end - 1);
    return inner.includes('\\') ? (JSON.parse(this.text.slice(start, end)) as string) : inner;
  }

  private number(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 64));
    if (!match) this.fail('Invalid number');
    this.i += match[0].length;
    return Number(match[0]);
  }
}

/** Offset just past the closing quote of the string starting at `start`, or -1. */
function scanString(text: string, start: number): number {
  for (let k = start + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) return k + 1;
    if (c < 32) return -1;
    if (c === 92) {
      const e = text[k + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) return -1;
        k += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) k++;
      else return -1;
    }
  }
  return -1;
}
