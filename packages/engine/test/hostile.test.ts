// The engine on hostile input: bounded work before anything is walked, no write through an inherited property,
// numbers only as people write them, no invisible or direction-changing characters in an answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormEngine, getAt, setAt, decimalNumber, MAX_ERRORS, type Data } from '@formosa/engine';
import { createAjv } from '@formosa/schema/node';
import { example } from '../../../examples/fixtures.js';

const definition = example('rent-subsidy');
const rent = new FormEngine(definition, { validator: createAjv().compile(definition.schema as object) });

test('a repeat far longer than its maxItems is refused before any entry is looked at', () => {
  // 100,000 entries in a 196 KB body (the schema allows 10): one error, found in one pass over the body.
  const members = Array.from({ length: 100_000 }, () => ({}));
  const errors = rent.bounds({ household: { composition: 'with-family', members } });
  assert.deepEqual(errors, [{ path: '/household/members', code: 'maxItems', params: { limit: 10 } }]);
});

test('texts longer than their maxLength, too many values, and answers no field asks for are refused up front', () => {
  assert.deepEqual(rent.bounds({ applicant: { name: 'x'.repeat(51) } }), [{ path: '/applicant/name', code: 'maxLength', params: { limit: 50 } }]);
  const wide = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, i]));
  assert.equal(rent.bounds({ applicant: wide }).length, MAX_ERRORS, 'at most 100 errors, then the pass stops');
  const many = Array.from({ length: 60_000 }, () => 1);
  assert.deepEqual(rent.bounds({ rental: { leaseCopy: [{ id: 'x', name: 'a.pdf' }] }, household: { members: [{ name: many as unknown as string }] } }), []);
  assert.deepEqual(rent.bounds({ applicant: { nmae: '林小美' } }), [{ path: '/applicant/nmae', code: 'unexpected', params: {} }]);
  let deep: unknown = 'x';
  for (let i = 0; i < 10_000; i++) deep = { a: deep };
  assert.equal(rent.bounds({ applicant: deep as Data })[0]?.path, '/applicant/a', 'a deep unknown branch stops at its first step');
  assert.deepEqual(rent.bounds({ applicant: { name: '林小美' }, household: { members: [{ name: '林大同' }] } }), []);
});

test('no value is read or written through an inherited property', () => {
  assert.equal(getAt({}, '/constructor'), undefined);
  assert.equal(getAt({ a: {} }, '/a/toString'), undefined);
  assert.throws(() => setAt({}, '/__proto__/polluted', 'yes'), /reserved/);
  assert.throws(() => setAt({}, '/a/constructor/prototype', 'yes'), /reserved/);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  // Submitted data with such keys is refused as unknown answers, never walked.
  const body = JSON.parse('{"__proto__": {"polluted": true}, "applicant": {"constructor": {"prototype": {"polluted": true}}}}') as Data;
  assert.deepEqual(rent.bounds(body).map((e) => e.path), ['/__proto__', '/applicant/constructor']);
  const state = rent.init(body);
  rent.validate(state);
  rent.data(state);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('numbers are read only as people write them: decimal, with commas and full-width digits, never 0x0A, 0b11 or 1e1', () => {
  for (const [typed, read] of [['12,000', 12000], ['１２０００', 12000], ['-3.5', -3.5], [' 42 ', 42], ['0x0A', undefined], ['0b11', undefined], ['1e1', undefined], ['Infinity', undefined], ['', undefined], ['.5', 0.5]] as const) {
    assert.equal(decimalNumber(typed), read, typed);
  }
  const state = rent.change(rent.init(), '/rental/monthlyRent', '0x10');
  assert.equal(getAt(rent.data(state), '/rental/monthlyRent'), '0x10', 'left as text, so the schema says it is not a number');
  assert.ok(rent.validate(state, { step: 'rental' }).some((e) => e.path === '/rental/monthlyRent' && e.code === 'type'));
});

test('an answer with control, bidi or zero-width characters is refused; text is stored in NFC', () => {
  const reasons = (name: string) => rent.validate(rent.change(rent.init(), '/applicant/name', name), { step: 'applicant' }).filter((e) => e.path === '/applicant/name');
  assert.deepEqual(reasons('林\u0000小美'), [{ path: '/applicant/name', code: 'characters', params: { reason: 'control' } }]);
  assert.deepEqual(reasons('林小美\u202Egnp.exe'), [{ path: '/applicant/name', code: 'characters', params: { reason: 'bidi' } }]);
  assert.deepEqual(reasons('林\u200B小美'), [{ path: '/applicant/name', code: 'characters', params: { reason: 'invisible' } }]);
  assert.deepEqual(reasons('林小美'), []);
  const decomposed = 'Nguye\u0302\u0303n';
  assert.equal(getAt(rent.data(rent.change(rent.init(), '/applicant/name', decomposed)), '/applicant/name'), decomposed.normalize('NFC'));
});
