import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonSource, JsonSyntaxError } from '@formosa/schema';

test('records the line and column of every member key and array element', () => {
  const source = parseJsonSource('{\n  "id": "a",\n  "steps": [\n    {"x": 1},\n    2\n  ]\n}');
  assert.deepEqual(source.value, { id: 'a', steps: [{ x: 1 }, 2] });
  assert.deepEqual(source.positions.get('/id'), { line: 2, column: 3 });
  assert.deepEqual(source.positions.get('/steps/0'), { line: 4, column: 5 });
  assert.deepEqual(source.positions.get('/steps/0/x'), { line: 4, column: 6 });
  assert.deepEqual(source.positions.get('/steps/1'), { line: 5, column: 5 });
});

test('escapes ~ and / in pointers and keeps __proto__ as a plain key', () => {
  const source = parseJsonSource('{"a/b": {"c~d": 1}, "__proto__": {"polluted": true}}');
  assert.deepEqual(source.positions.get('/a~1b/c~0d'), { line: 1, column: 10 });
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.deepEqual(Object.keys(source.value as object), ['a/b', '__proto__']);
});

test('reports keys written twice in one object', () => {
  const source = parseJsonSource('{\n "a": 1,\n "a": 2\n}');
  assert.deepEqual(source.duplicateKeys, [{ pointer: '/a', position: { line: 3, column: 2 } }]);
});

for (const [text, message, line, column] of [
  ['{"a": 1,}', 'Trailing comma before }', 1, 9],
  ['{\n  "a": [1, 2,]\n}', 'Trailing comma before ]', 2, 14],
  ["{'a': 1}", 'Expected a property name in double quotes', 1, 2],
  ['{"a" 1}', 'Expected ":" after the property name', 1, 6],
  ['{"a": 1 "b": 2}', 'Expected "," or "}" after a property value', 1, 9],
  ['{"a": "x\ny"}', 'Unterminated string or invalid escape', 1, 7],
  ['{"a": tru}', 'Unexpected character "t"', 1, 7],
  ['{"a": 1} x', 'Unexpected text after the end of the JSON document', 1, 10],
  ['', 'Unexpected end of the JSON document', 1, 1],
] as const) {
  test(`syntax error "${message}" points at ${line}:${column}`, () => {
    assert.throws(() => parseJsonSource(text), (error: unknown) => {
      assert.ok(error instanceof JsonSyntaxError);
      assert.ok(error.message.startsWith(message), error.message);
      assert.deepEqual(error.position, { line, column });
      return true;
    });
  });
}

test('parses what JSON.parse parses', () => {
  const text = JSON.stringify({ s: 'é\u2028"\\', n: [-1.5e3, 0, 12], b: [true, false, null], o: {} });
  assert.deepEqual(parseJsonSource(text).value, JSON.parse(text));
});
