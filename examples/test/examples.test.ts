import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { loadDefinition, formatProblem } from '@formosa/schema';

const root = new URL('../../', import.meta.url).pathname;
const definitions = [
  ...readdirSync(`${root}examples/forms`).filter((f) => f.endsWith('.json')).map((f) => `examples/forms/${f}`),
  'packages/elements/src/components/form/showcase.json',
];

for (const file of definitions) {
  test(`${file} loads without a problem and is complete in zh-Hant-TW, en, vi and id`, () => {
    const result = loadDefinition(readFileSync(`${root}${file}`, 'utf8'));
    assert.ok(result.ok, result.ok ? '' : result.problems.map((p) => formatProblem(p, file)).join('\n'));
    for (const locale of ['zh-Hant-TW', 'en', 'vi', 'id']) assert.ok(result.definition.locales.includes(locale), `${locale} declared`);
    assert.deepEqual(result.warnings.map((p) => formatProblem(p, file)), [], 'no missing or unused translation');
  });
}
