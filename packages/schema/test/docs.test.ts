import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDefinition, formatProblem } from '@formosa/schema';

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
