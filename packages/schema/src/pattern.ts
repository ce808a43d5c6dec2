/**
 * Regular expressions in linear time, for the data schema's `pattern`. A pattern is parsed into an automaton and
 * run by simulating every path at once (Thompson's construction, Pike's VM), so its cost grows with the length of
 * the answer times the size of the pattern, never exponentially: `^(a+)+$` against 10,000 characters is as
 * cheap as `^a+$`. JSON Schema patterns are ECMA-262 with the `u` flag; what cannot be matched this way
 * (backreferences, lookaround) is refused by the definition gate with the reason, and so is a pattern whose
 * automaton would be too large (`{1000}` repeats).
 *
 * Each single-character atom (`a`, `[^/]`, `\d`, `\p{Script=Han}`, `.`) is tested with the platform's own
 * RegExp against one character at a time, which cannot backtrack, so classes behave exactly as in JavaScript.
 */

/** Why a pattern is refused, at which offset. */
export class PatternError extends Error {
  override name = 'PatternError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The largest automaton a pattern may compile to (states); bounded repeats are expanded, so `{n}` counts. */
export const MAX_PATTERN_STATES = 2_000;

type Node =
  | { kind: 'char'; test: (c: string) => boolean }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

/** Automaton instructions. */
type Op =
  | { op: 'char'; test: (c: string) => boolean; next: number }
  | { op: 'split'; a: number; b: number }
  | { op: 'jump'; to: number }
  | { op: 'start'; next: number }
  | { op: 'end'; next: number }
  | { op: 'match' };

const LINE_TERMINATORS = new Set(['\n', '\r', '\u2028', '\u2029']);

class Parser {
  private i = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.source.length) this.fail(this.source[this.i] === ')' ? 'unmatched ")"' : `unexpected "${this.source[this.i]}"`);
    return node;
  }

  private fail(message: string, at = this.i): never {
    throw new PatternError(message, at);
  }

  private peek(): string | undefined {
    return this.source[this.i];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.source.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    return { kind: 'seq', items };
  }

  private quantified(): Node {
    const at = this.i;
    const atom = this.atom();
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{' && /^\{\d+(,\d*)?\}/.test(this.source.slice(this.i))) {
      const [, lo, comma, hi] = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i))!;
      min = Number(lo);
      max = comma === undefined ? min : hi === '' || hi === undefined ? Infinity : Number(hi);
      if (max < min) this.fail('numbers out of order in {} quantifier');
      this.i += this.source.slice(this.i).indexOf('}');
    } else return atom;
    if (atom.kind === 'start' || atom.kind === 'end') this.fail('nothing to repeat', at);
    this.i++;
    if (this.peek() === '?') this.i++; // lazy: the same set of matches
    return { kind: 'repeat', node: atom, min, max };
  }

  private atom(): Node {
    const start = this.i;
    const c = this.source[this.i++]!;
    switch (c) {
      case '^':
        return { kind: 'start' };
      case '$':
        return { kind: 'end' };
      case '.':
        return { kind: 'char', test: (ch) => !LINE_TERMINATORS.has(ch) };
      case '(': {
        if (this.source.startsWith('?:', this.i)) this.i += 2;
        else if (this.source.startsWith('?<', this.i) && !/^\?<[=!]/.test(this.source.slice(this.i))) {
          const close = this.source.indexOf('>', this.i);
          if (close < 0) this.fail('unterminated group name');
          this.i = close + 1;
        } else if (this.peek() === '?') this.fail('lookahead and lookbehind ((?=, (?!, (?<=, (?<!) cannot be checked in linear time', start);
        const inner = this.alternation();
        if (this.peek() !== ')') this.fail('missing ")"', start);
        this.i++;
        return inner;
      }
      case '[':
        return this.charClass(start);
      case '\\':
        return this.escape(start);
      case ')':
        return this.fail('unmatched ")"', start);
      case '*':
      case '+':
      case '?':
        return this.fail('nothing to repeat', start);
      case '{':
      case '}':
      case ']':
        // Under the u flag these must be escaped.
        return this.fail(`a literal "${c}" must be escaped (\\${c})`, start);
      default: {
        // A whole code point, so an astral character is one atom.
        const point = String.fromCodePoint(this.source.codePointAt(start)!);
        this.i = start + point.length;
        return literal(point);
      }
    }
  }

  private escape(start: number): Node {
    const c = this.source[this.i];
    if (c === undefined) this.fail('"\\" at the end of the pattern', start);
    if (/[1-9]/.test(c) || c === 'k') this.fail('backreferences cannot be checked in linear time', start);
    if (c === 'b' || c === 'B') this.fail('word boundaries (\\b, \\B) are not supported', start);
    let end = this.i + 1;
    if (c === 'p' || c === 'P') {
      const close = this.source.indexOf('}', this.i);
      if (this.source[this.i + 1] !== '{' || close < 0) this.fail('\\p needs a property in braces, e.g. \\p{Script=Han}', start);
      end = close + 1;
    } else if (c === 'u' && this.source[this.i + 1] === '{') {
      end = this.source.indexOf('}', this.i) + 1;
      if (end === 0) this.fail('unterminated \\u{…}', start);
    } else if (c === 'u') end = this.i + 5;
    else if (c === 'x') end = this.i + 3;
    else if (c === 'c') end = this.i + 2;
    this.i = end;
    return { kind: 'char', test: single(this.source.slice(start, end), start) };
  }

  private charClass(start: number): Node {
    // Find the closing bracket, stepping over escapes; the class itself is checked by the platform.
    let k = this.i;
    if (this.source[k] === '^') k++;
    for (; k < this.source.length && this.source[k] !== ']'; k++) {
      if (this.source[k] === '\\') k++;
      else if (this.source[k] === '[') this.fail('a "[" inside a class must be escaped (\\[)', k);
    }
    if (k >= this.source.length) this.fail('missing "]"', start);
    this.i = k + 1;
    return { kind: 'char', test: single(this.source.slice(start, this.i), start) };
  }
}

function literal(point: string): Node {
  return { kind: 'char', test: (ch) => ch === point };
}

/** A one-character matcher from a class or escape, checked (and its syntax validated) by the platform. */
function single(atom: string, offset: number): (c: string) => boolean {
  let native: RegExp;
  try {
    native = new RegExp(`^${atom}$`, 'u');
  } catch (error) {
    throw new PatternError(error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/u: /, '') : 'invalid', offset);
  }
  const seen = new Map<string, boolean>();
  return (c) => {
    let result = seen.get(c);
    if (result === undefined) {
      result = native.test(c);
      if (seen.size < 4096) seen.set(c, result);
    }
    return result;
  };
}

class Compiler {
  readonly ops: Op[] = [];

  private emit(op: Op): number {
    if (this.ops.length >= MAX_PATTERN_STATES) throw new PatternError(`the pattern is too complex to check (over ${MAX_PATTERN_STATES} states; large {n} repeats count n times)`, 0);
    this.ops.push(op);
    return this.ops.length - 1;
  }

  /** Compiles `node` so that it continues at the returned hole indices, patched by the caller. */
  compile(node: Node): number[] {
    switch (node.kind) {
      case 'char':
        return [this.emit({ op: 'char', test: node.test, next: -1 })];
      case 'start':
        return [this.emit({ op: 'start', next: -1 })];
      case 'end':
        return [this.emit({ op: 'end', next: -1 })];
      case 'seq': {
        let holes: number[] = [];
        for (const item of node.items) {
          const begin = this.ops.length;
          const next = this.compile(item);
          this.patch(holes, begin);
          holes = next;
        }
        if (node.items.length === 0) holes = [this.emit({ op: 'jump', to: -1 })];
        return holes;
      }
      case 'alt': {
        const holes: number[] = [];
        let split = -1;
        node.options.forEach((option, index) => {
          if (index < node.options.length - 1) {
            const here = this.emit({ op: 'split', a: this.ops.length + 1, b: -1 });
            if (split >= 0) (this.ops[split] as { b: number }).b = here;
            split = here;
          } else if (split >= 0) (this.ops[split] as { b: number }).b = this.ops.length;
          holes.push(...this.compile(option));
        });
        return holes;
      }
      case 'repeat': {
        let holes: number[] = [];
        for (let k = 0; k < node.min; k++) {
          const begin = this.ops.length;
          const next = this.compile(node.node);
          this.patch(holes, begin);
          holes = next;
        }
        if (node.max === Infinity) {
          const loop = this.emit({ op: 'split', a: this.ops.length + 1, b: -1 });
          this.patch(holes, loop);
          this.patch(this.compile(node.node), loop);
          return [loop];
        }
        const exits: number[] = [];
        for (let k = node.min; k < node.max; k++) {
          const split = this.emit({ op: 'split', a: this.ops.length + 1, b: -1 });
          this.patch(holes, split);
          exits.push(split);
          holes = this.compile(node.node);
        }
        return [...holes, ...exits];
      }
    }
  }

  /** Points every hole (an unfinished `next`/`to`/split's `b`) at `target`. */
  patch(holes: readonly number[], target: number): void {
    for (const index of holes) {
      const op = this.ops[index]!;
      if (op.op === 'split') op.b = target;
      else if (op.op === 'jump') op.to = target;
      else if (op.op !== 'match') op.next = target;
    }
  }
}

/** A compiled pattern: `test` has RegExp's shape, so ajv can use it (its `code.regExp` option). */
export interface LinearPattern {
  readonly source: string;
  test(text: string): boolean;
  toString(): string;
}

/**
 * Compiles a pattern for linear-time matching, or throws a {@link PatternError} saying why it cannot be.
 * @example
 * compilePattern('^(a+)+$').test('a'.repeat(10_000) + 'b') // false, in about a millisecond
 */
export function compilePattern(source: string): LinearPattern {
  const tree = new Parser(source).parse();
  const compiler = new Compiler();
  const holes = compiler.compile(tree);
  const match = compiler.ops.length;
  compiler.ops.push({ op: 'match' });
  compiler.patch(holes, match);
  const machine = new Machine(compiler.ops);
  return { source, test: (text) => machine.test(text), toString: () => `/${source}/u` };
}

/** A set of automaton threads after reading some text: the states waiting for a character or for the end. */
interface Threads {
  readonly states: readonly number[];
  /** A thread has reached the match. */
  readonly matched: boolean;
  /** The threads after each ASCII character, by code, worked out once (a lazily built DFA). */
  readonly ascii: (Threads | undefined)[];
  /** The same for every other character, by code point. */
  readonly after: Map<number, Threads>;
}

/** The most sets of threads remembered per pattern; past it, steps are worked out each time (still linear). */
const MAX_CACHED_SETS = 1_000;

/**
 * Runs the automaton by following every thread at once (Pike's VM), remembering each set of threads and where
 * each character leads (a DFA built as it is needed): each character of the answer costs one lookup once seen.
 */
class Machine {
  private readonly anchored: boolean;
  private readonly sets = new Map<string, Threads>();
  private readonly initial: Threads;
  private readonly mark: Int32Array;
  private generation = 0;

  constructor(private readonly ops: readonly Op[]) {
    this.anchored = ops[0]!.op === 'start';
    this.mark = new Int32Array(ops.length).fill(-1);
    this.initial = this.closure([0], true);
  }

  test(text: string): boolean {
    let threads = this.initial;
    // By code unit, not `for…of`: one lookup per character and no string made for it (10× faster on 1 MB).
    for (let i = 0; i < text.length; i++) {
      if (threads.matched) return true;
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      let next = code < 128 ? threads.ascii[code] : threads.after.get(code);
      if (!next) {
        next = this.step(threads, String.fromCodePoint(code));
        if (this.sets.size < MAX_CACHED_SETS) {
          if (code < 128) threads.ascii[code] = next;
          else threads.after.set(code, next);
        }
      }
      threads = next;
      if (threads.matched) return true;
      if (threads.states.length === 0 && this.anchored) return false;
    }
    return threads.matched || this.endsHere(threads, text.length === 0);
  }

  private step(threads: Threads, c: string): Threads {
    const seeds: number[] = [];
    for (const s of threads.states) {
      const op = this.ops[s]!;
      if (op.op === 'char' && op.test(c)) seeds.push(op.next);
    }
    // An unanchored search: a new thread starts at every position.
    if (!this.anchored) seeds.push(0);
    return this.closure(seeds, false);
  }

  /** Follows every thread as far as it goes without reading a character. */
  private closure(seeds: readonly number[], atStart: boolean, atEnd = false): Threads {
    const generation = ++this.generation;
    const states: number[] = [];
    const stack = [...seeds].reverse();
    let matched = false;
    while (stack.length) {
      const s = stack.pop()!;
      if (this.mark[s] === generation) continue;
      this.mark[s] = generation;
      const op = this.ops[s]!;
      if (op.op === 'match') matched = true;
      else if (op.op === 'split') stack.push(op.b, op.a);
      else if (op.op === 'jump') stack.push(op.to);
      else if (op.op === 'start') {
        if (atStart) stack.push(op.next);
      } else if (op.op === 'end' && atEnd) stack.push(op.next);
      else states.push(s);
    }
    if (atEnd) return { states, matched, ascii: [], after: new Map() };
    const key = `${matched ? 1 : 0}:${states.join(',')}`;
    const known = this.sets.get(key);
    if (known) return known;
    const threads: Threads = { states, matched, ascii: new Array<Threads | undefined>(128), after: new Map() };
    if (this.sets.size < MAX_CACHED_SETS) this.sets.set(key, threads);
    return threads;
  }

  /** At the end of the text, the threads waiting on `$` go on. */
  private endsHere(threads: Threads, atStart: boolean): boolean {
    const seeds = threads.states.filter((s) => this.ops[s]!.op === 'end').map((s) => (this.ops[s] as { next: number }).next);
    return seeds.length > 0 && this.closure(seeds, atStart, true).matched;
  }
}

/**
 * ajv's `code.regExp`: the engine ajv runs patterns with, here and in precompiled validators (whose code
 * imports this module by the `code` snippet set by the compiler).
 */
export function linearRegExp(source: string): LinearPattern {
  return compilePattern(source);
}
