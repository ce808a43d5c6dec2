import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern, PatternError } from '@formosa/schema';

/** Patterns forms use, and tricky ones; each judged against JavaScript's own engine on many strings. */
const PATTERNS = [
  '^[0-9]{3}$', '^[A-Z]{3}$', 'abc', '^abc', 'abc$', '^(a+)+$', '^(a|b)*c$', '^\\p{Script=Han}{2,4}$', '^/?[^/]+(/[^/]+)*$',
  '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', 'x?', '^$', '^.{2,4}$', '^(?:ab|cd){2}$', '^(?<year>\\d{4})-\\d\\d$', 'a{2,}', '^a{0,3}b?$',
  '^\\d+(\\.\\d{1,2})?$', '^09\\d{8}$', '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', '(a|ab)(c|bcd)(d*)', '^(a*)*$', '^(|a)+$', '^\\u0041\\x42\\u{43}$',
  '^[\\u4e00-\\u9fff]+$', '^[A-Z][12]\\d{8}$', '.', '^\\S+$', '^[\\w-]+$', 'ab|cd|ef', '^(?:x|y|)z$', '^😀+$',
];
const ALPHABET = ['a', 'b', 'c', 'd', 'x', 'y', 'z', '0', '9', '1', '-', '/', '.', '@', ' ', '\n', 'A', 'Z', '王', '😀', 'é'];

function* strings(seed: number): Generator<string> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  yield '';
  for (let n = 0; n < 400; n++) {
    const length = Math.floor(random() * 12);
    yield Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
  }
  for (const s of ['106', 'TPE', '2024-05', 'abcd', 'zh-Hant-TW', '/a/b', '0912345678', 'a@b.co', '12.50', 'A123456789', '王小明', 'aaaa']) yield s;
}

test('every pattern judges every string exactly as JavaScript\'s own RegExp (u flag) does', () => {
  for (const [index, source] of PATTERNS.entries()) {
    const linear = compilePattern(source);
    const native = new RegExp(source, 'u');
    for (const text of strings(index + 1)) assert.equal(linear.test(text), native.test(text), `/${source}/u on ${JSON.stringify(text)}`);
  }
});

test('a catastrophic pattern costs linear time: ^(a+)+$ against 10,000 characters and against 100,000', () => {
  const pattern = compilePattern('^(a+)+$');
  const short = 'a'.repeat(10_000) + 'b';
  const long = 'a'.repeat(100_000) + 'b';
  assert.equal(pattern.test(short), false);
  assert.equal(pattern.test(long), false);
  assert.equal(pattern.test('a'.repeat(100_000)), true);
  // No time is asserted here (figures come from `npm run bench:hostile`); a backtracking engine would not return at all.
});

test('what cannot be matched in linear time, or is not a pattern, is refused with the reason and where', () => {
  const refused = (source: string) => {
    try {
      compilePattern(source);
      return 'accepted';
    } catch (error) {
      assert.ok(error instanceof PatternError);
      return `${error.offset}: ${error.message}`;
    }
  };
  assert.equal(refused('(a)\\1'), '3: backreferences cannot be checked in linear time');
  assert.match(refused('a(?=b)'), /^1: lookahead and lookbehind/);
  assert.match(refused('(?<!a)b'), /^0: lookahead and lookbehind/);
  assert.equal(refused('(a'), '0: missing ")"');
  assert.equal(refused('[a'), '0: missing "]"');
  assert.equal(refused('*a'), '0: nothing to repeat');
  assert.equal(refused('a{3,1}'), '1: numbers out of order in {} quantifier');
  assert.match(refused('\\p{NotAProperty}'), /^0: /);
  assert.match(refused('(a{1000}){1000}'), /too complex/);
  assert.match(refused('\\bword'), /word boundaries/);
});
