// The field catalogue (docs/fields.md) shows definitions the loader accepts, each with its picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { formatProblem, loadDefinition } from '@formosa/schema';
import { exampleDefinition, fieldExamples } from '../../../scripts/docs/field-examples.js';

const pictures = new URL('../../../docs/images/fields/', import.meta.url);

test('every example of docs/fields.md loads without a problem or a warning', () => {
  const examples = fieldExamples();
  assert.ok(examples.length >= 15, `${examples.length} examples`);
  for (const example of examples) {
    const result = loadDefinition(JSON.stringify(exampleDefinition(example)));
    const problems = result.ok ? result.warnings : result.problems;
    assert.deepEqual(problems.map((p) => formatProblem(p)), [], example.name);
  }
});

test('each example has its picture, and every picture has its example', () => {
  const names = fieldExamples().map((e) => e.name);
  assert.equal(new Set(names).size, names.length, 'two examples share a picture');
  const missing = names.filter((n) => !existsSync(new URL(`${n}.png`, pictures)));
  assert.deepEqual(missing, [], 'take them with scripts/docs/field-pictures.ts (see docs/fields.md)');
  const stray = readdirSync(pictures).filter((f) => !names.includes(f.replace(/\.png$/, '')));
  assert.deepEqual(stray, [], 'pictures no example shows');
});

test('an example the loader refuses is reported with its name', () => {
  const [example] = fieldExamples('```json\n{"schema": {"a": {"type": "string", "format": "tw-natonal-id"}}, "items": [{"field": "/a", "label": {"zh-Hant-TW": "甲", "en": "A"}}], "values": {}}\n```\n![a](images/fields/a.png)\n');
  const result = loadDefinition(JSON.stringify(exampleDefinition(example!)));
  assert.equal(result.ok, false);
});
