import { test } from 'node:test';
import assert from 'node:assert/strict';
import { select, SELECT_LIMITS } from '../src/mapping/index.js';
import { household, lowIncome, SUBJECT } from './mapping-fixtures.js';

test('a dotted path reads nested objects; a missing one reads undefined', () => {
  assert.equal(select(household, 'householdBasicData21.household_head_name', SUBJECT), '王大明');
  assert.equal(select(household, 'API.UDauDOLyZg:householdBasicData21.householdAddress.village', SUBJECT), '大安里');
  assert.deepEqual(select(household, 'householdBasicData21.householdAddress', SUBJECT), household.householdBasicData21.householdAddress);
  assert.equal(select(household, 'householdBasicData21.nothing', SUBJECT), undefined);
  assert.equal(select(household, 'nothing.at.all', SUBJECT), undefined);
  assert.equal(select(null, 'a', SUBJECT), undefined);
  assert.equal(select('text', 'length', SUBJECT), undefined);
});

test('an index picks one element; a last segment naming an array reads the array', () => {
  assert.equal(select(household, 'personHouseholdData21[1].person_name', SUBJECT), '林美華');
  assert.equal(select(household, 'personHouseholdData21[9].person_name', SUBJECT), undefined);
  assert.equal(select(household, 'householdBasicData21[0]', SUBJECT), undefined);
  assert.equal(select(household, 'personHouseholdData21', SUBJECT), household.personHouseholdData21);
});

test('filters: = and != against $subject or a literal, in order', () => {
  assert.deepEqual(select(household, 'personHouseholdData21[person_id=$subject].person_name', SUBJECT), ['王大明']);
  assert.deepEqual(select(household, 'personHouseholdData21[person_id=$subject].person_name', 'a123456789'), ['王大明']);
  assert.deepEqual(select(household, 'personHouseholdData21[person_id=$subject].person_name', 'ａ１２３４５６７８９'), ['王大明']);
  assert.deepEqual(select(household, 'personHouseholdData21[person_id!=$subject].person_name', SUBJECT), ['林美華', '王小明', '王小華']);
  assert.deepEqual(select(household, "personHouseholdData21[relationship='配偶'].person_name", SUBJECT), ['林美華']);
  assert.deepEqual(select(household, "personHouseholdData21[relationship = '配偶'].person_name", SUBJECT), ['林美華']);
  assert.deepEqual(select(household, "personHouseholdData21[relationship='岳父'].person_name", SUBJECT), []);
  assert.deepEqual(select(household, "personHouseholdData21[person_id='Z999999999']", SUBJECT), []);
});

test('~= matches a masked ID against $subject', () => {
  assert.deepEqual(select(lowIncome, 'lowtypefam[id_no~=$subject].position', SUBJECT), ['本人']);
  assert.deepEqual(select(lowIncome, 'lowtypefam[id_no~=$subject].position', 'B223456781'), ['配偶']);
  assert.deepEqual(select(lowIncome, 'lowtypefam[id_no~=$subject].position', 'C123456789'), []);
  assert.deepEqual(select(lowIncome, "lowtypefam[id_no~='B22****781'].cnameh", SUBJECT), ['林美華']);
});

test('crossing an array without a filter reads every element; a filter keeps one object as a list of one', () => {
  assert.deepEqual(select(lowIncome, 'lowtypefam.cnameh', SUBJECT), ['王大明', '林美華']);
  assert.deepEqual(select({ a: { k: 'x', v: 1 } }, "a[k='x'].v", SUBJECT), [1]);
  assert.deepEqual(select({ a: 'x' }, "a[k='x']", SUBJECT), []);
});

test('!= keeps an element without the key; = and ~= do not', () => {
  const data = { list: [{ id: 'A123456789' }, { name: 'no id' }, 'not an object'] };
  assert.deepEqual(select(data, 'list[id!=$subject]', SUBJECT), [{ name: 'no id' }, 'not an object']);
  assert.deepEqual(select(data, "list[id='A123456789']", SUBJECT), [{ id: 'A123456789' }]);
  assert.deepEqual(select(data, 'list[id~=$subject]', SUBJECT), [{ id: 'A123456789' }]);
});

test('only own properties are read: prototype names select nothing', () => {
  const parsed = JSON.parse('{"a": {"b": 1}, "__proto__": {"polluted": "yes"}}') as unknown;
  assert.equal(select(parsed, 'a.b', SUBJECT), 1);
  assert.equal(select({ a: {} }, 'a.toString', SUBJECT), undefined);
  assert.equal(select({ a: {} }, 'a.hasOwnProperty', SUBJECT), undefined);
  assert.equal(select([1, 2], 'length', SUBJECT), undefined);
  assert.equal(select(Object.create({ inherited: 'x' }), 'inherited', SUBJECT), undefined);
  for (const path of ['__proto__.polluted', 'a.constructor', 'prototype', "a[__proto__='x']"]) {
    assert.throws(() => select(parsed, path, SUBJECT), /reserved|not a name/, path);
  }
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('bad path syntax is refused with a reason', () => {
  const bad = ['', 'a..b', 'a.', '.a', 'a[', 'a]', 'a[1][2]', 'a[b=c]', "a[b='c]", 'a[b==$subject]', 'a[b=$someone]', '1abc', 'a b', 'a[-1]', 'API.x:'];
  for (const path of bad) assert.throws(() => select({}, path, SUBJECT), /Bad MyData path/, JSON.stringify(path));
});

test('hostile data: huge arrays, deep paths and fan-out are bounded', () => {
  const huge = { list: Array.from({ length: SELECT_LIMITS.arrayLength + 1 }, (_, i) => ({ id: String(i) })) };
  assert.equal(select(huge, "list[id='5'].id", SUBJECT), undefined);
  assert.equal(select(huge, 'list.id', SUBJECT), undefined);
  // 200 × 200 elements would make 40,000 selections: refused once past the limit, quickly.
  const wide = { a: Array.from({ length: 200 }, () => ({ b: Array.from({ length: 200 }, () => ({ c: 1 })) })) };
  const started = performance.now();
  assert.equal(select(wide, 'a.b.c', SUBJECT), undefined);
  assert.ok(performance.now() - started < 500);
  assert.throws(() => select({}, Array.from({ length: 17 }, () => 'a').join('.'), SUBJECT), /more than 16 segments/);
  assert.throws(() => select({}, 'a'.repeat(501), SUBJECT), /longer than 500/);
  // A deep document costs nothing: only the path's own segments are walked.
  let deep: unknown = 'bottom';
  for (let i = 0; i < 10_000; i++) deep = { a: deep };
  assert.equal(typeof select(deep, 'a.a.a', SUBJECT), 'object');
});
