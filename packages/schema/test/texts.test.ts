import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachText } from '@formosa/schema';
import { example } from '../../../examples/fixtures.js';

test('every translatable text is visited, error overrides named like rule slots (required) included', () => {
  const paths: string[] = [];
  forEachText(example('rent-subsidy'), (_text, path) => paths.push(path));
  assert.ok(paths.includes('/steps/6/items/2/errors/required'), 'the declaration\'s own "required" message');
  assert.ok(paths.includes('/steps/4/items/0/options/2/label'));
  assert.ok(paths.includes('/steps/1/items/1/itemTitle'));
  assert.ok(!paths.some((p) => p.includes('/visibleWhen') || p.includes('/schema/')), 'rules and the data schema hold no texts');
  assert.equal(new Set(paths).size, paths.length);
});
