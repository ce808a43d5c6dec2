import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '@formosa/engine';

const data: Record<string, unknown> = {
  '/rent': 12000, '/type': 'company', '/members': [{ income: 100 }, { income: '250' }, { income: null }], '/start': '2025-01-01', '/end': '2026-01-01', '/text': '12',
};
const read = (path: string) => data[path];

for (const [expression, expected] of [
  [{ '==': [{ var: '/type' }, 'company'] }, true],
  [{ '!=': [{ var: '/missing' }, null] }, false],
  [{ '>': [{ var: '/rent' }, 10000] }, true],
  [{ '>': [{ var: '/end' }, { var: '/start' }] }, true],
  [{ '<': [{ var: '/missing' }, 1] }, false],
  [{ '>=': [{ var: '/text' }, 12] }, true],
  [{ and: [true, { '==': [1, 1] }] }, true],
  [{ and: [true, 0] }, false],
  [{ or: [false, ''] }, false],
  [{ not: { var: '/missing' } }, true],
  [{ if: [false, 'a', { '>': [{ var: '/rent' }, 1] }, 'b', 'c'] }, 'b'],
  [{ if: [false, 'a'] }, undefined],
  [{ in: [{ var: '/type' }, ['person', 'company']] }, true],
  [{ in: ['pan', 'company'] }, true],
  [{ '+': [1, { var: '/rent' }, '2'] }, 12003],
  [{ '+': [1, { var: '/missing' }] }, undefined],
  [{ '-': [10, 4] }, 6],
  [{ '-': [4] }, -4],
  [{ '*': [3, 4, 0.5] }, 6],
  [{ '/': [1, 0] }, undefined],
  [{ min: [3, 'x', 1] }, 1],
  [{ max: [] as unknown[] }, undefined],
  [{ round: [2.345, 2] }, 2.35],
  [{ count: { var: '/members' } }, 3],
  [{ count: { var: '/missing' } }, 0],
  [{ sum: [{ var: '/members' }, 'income'] }, 350],
  [{ sum: [[1, 2, '3']] }, 6],
  [{ empty: { var: '/missing' } }, true],
  [{ empty: [[]] }, true],
  [{ cat: ['NT$', { var: '/rent' }, { var: '/missing' }] }, 'NT$12000'],
  [[1, { var: '/rent' }], [1, 12000]],
] as const) {
  test(`${JSON.stringify(expression)} → ${JSON.stringify(expected)}`, () => {
    assert.deepEqual(evaluate(expression as never, read), expected);
  });
}

test('an unknown operator fails loudly', () => {
  assert.throws(() => evaluate({ eval: ['alert(1)'] }, read), /Unknown operator "eval"/);
});
