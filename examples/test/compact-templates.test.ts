// The build's compaction of Lit templates (rollup.config.js): indentation between tags goes, words and attribute
// values are left as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: rollup.config.js is plain JavaScript without declarations.
import { compactHtml } from '../../rollup.config.js';

const compact = (...quasis: string[]) => (compactHtml as (q: string[]) => string[])(quasis);

test('indentation between tags and bindings goes: no whitespace text node is cloned for it', () => {
  assert.deepEqual(compact('<div part="field">\n      <label for="input">', '</label>\n      ', ' ', '\n      <div class="control">\n      <input\n        id="input"\n        type=', '\n      />\n    </div>'), [
    '<div part="field"><label for="input">', '</label>', ' ', '<div class="control"><input id="input" type=', ' /></div>',
  ]);
});

test('a line break between words, or between a tag and a word, is still a space; a space on one line stays as it was', () => {
  assert.deepEqual(compact('<p>First line\n  second line</p>\n  text after', ' <span class="optional">', '</span>'), ['<p>First line second line</p> text after', ' <span class="optional">', '</span>']);
});

test('quoted attribute values keep their whitespace, even across a binding', () => {
  assert.deepEqual(compact('<p title="a\n  b" class="x ', '\n  y">\n  ', '</p>'), ['<p title="a\n  b" class="x ', '\n  y">', '</p>']);
});

test('a less-than sign in text does not open a tag', () => {
  assert.deepEqual(compact('<p>1 < 2\n  and 3 > 2</p>'), ['<p>1 < 2 and 3 > 2</p>']);
});
