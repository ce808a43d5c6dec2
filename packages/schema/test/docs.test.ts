import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDefinition, formatProblem, DATA_SCHEMA_KEYWORDS } from '@formosa/schema';

test('every definition shown in docs/definition-format.md loads without a problem', () => {
  const text = readFileSync(new URL('../../../docs/definition-format.md', import.meta.url), 'utf8');
  const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => b.includes('"formatVersion"'));
  assert.ok(blocks.length >= 1);
  for (const block of blocks) {
    const result = loadDefinition(block);
    const problems = result.ok ? result.warnings : result.problems;
    assert.deepEqual(problems.map((p) => formatProblem(p)), []);
  }
});

test('the data-schema vocabulary in docs/definition-format.md is the one the loader enforces', () => {
  const text = readFileSync(new URL('../../../docs/definition-format.md', import.meta.url), 'utf8');
  const table = text.slice(text.indexOf('| vocabulary | keywords |'), text.indexOf('Left out on purpose'));
  const documented = [...table.matchAll(/`([$\w]+)`/g)].map((m) => m[1]!);
  assert.deepEqual([...new Set(documented)].sort(), Object.keys(DATA_SCHEMA_KEYWORDS).sort());
});
