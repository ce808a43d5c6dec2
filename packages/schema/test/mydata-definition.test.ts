import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblem, MYDATA_DATASETS, myDataDataset, type Problem } from '@formosa/schema';
import { prefilled, problemsOf, type Draft } from './mydata-fixture.js';

test('a definition with a full mydata block loads without a problem', () => {
  const problems = problemsOf(prefilled());
  assert.deepEqual(problems.map((p) => formatProblem(p)), []);
});

test('the meta-schema accepts every transform form', () => {
  const d = prefilled();
  d.mydata.map.push(
    { field: '/applicant/id', from: ['API.AbAYGIjoYw:cityname', 'API.AbAYGIjoYw:addr'], transform: { join: { separator: ' ' } } },
  );
  d.mydata.map[4].transform = { present: { yes: 'low', no: null } };
  d.mydata.map[5].fields[2].transform = 'masked-id';
  const shape = problemsOf(d).filter((p) => !p.code.startsWith('mydata_'));
  assert.deepEqual(shape.map((p) => formatProblem(p)), []);
});

const refused: [string, (d: Draft) => void, Partial<Problem>][] = [
  ['a lock that is not locked or editable', (d) => (d.mydata.map[0].lock = 'readonly'),
    { path: '/mydata/map/0/lock', code: 'wrong_value', message: 'must be one of "locked", "editable"' }],
  ['an unknown transform name', (d) => (d.mydata.map[1].transform = 'roc-dates'),
    { path: '/mydata/map/1/transform', code: 'wrong_value' }],
  ['an unknown transform object', (d) => (d.mydata.map[4].transform = { joins: {} }),
    { path: '/mydata/map/4/transform/joins', code: 'unknown_property', message: 'unknown property "joins" (did you mean "join"?)' }],
  ['present without "no"', (d) => (d.mydata.map[4].transform = { present: { yes: true } }),
    { path: '/mydata/map/4/transform/present', code: 'missing_property', message: 'missing required property "no"' }],
  ['an enum table with an object value', (d) => (d.mydata.map[4].transform = { enum: { 低收入戶: { x: 1 } } }),
    { path: '/mydata/map/4/transform/enum/低收入戶', code: 'wrong_type' }],
  ['a relative field at top level', (d) => (d.mydata.map[0].field = 'applicant/name'),
    { path: '/mydata/map/0/field', code: 'wrong_format' }],
  ['an absolute field inside a repeat mapping', (d) => (d.mydata.map[5].fields[0].field = '/name'),
    { path: '/mydata/map/5/fields/0/field', code: 'wrong_format' }],
  ['a repeat mapping without fields', (d) => delete d.mydata.map[5].fields,
    { path: '/mydata/map/5', code: 'missing_property', message: 'missing required property "fields"' }],
  ['no purpose', (d) => delete d.mydata.purpose, { path: '/mydata', code: 'missing_property', message: 'missing required property "purpose"' }],
  ['a misspelt property', (d) => (d.mydata.dataset = d.mydata.datasets),
    { path: '/mydata/dataset', code: 'unknown_property', message: 'unknown property "dataset" (did you mean "datasets"?)' }],
  ['keepMinutes of zero', (d) => (d.mydata.keepMinutes = 0), { path: '/mydata/keepMinutes', code: 'too_small' }],
  ['a mapping with no from', (d) => delete d.mydata.map[0].from, { path: '/mydata/map/0', code: 'missing_property', message: 'missing required property "from"' }],
];

for (const [name, breakIt, expected] of refused) {
  test(`the meta-schema refuses ${name}`, () => {
    const d = prefilled();
    breakIt(d);
    const problems = problemsOf(d);
    const match = problems.find((p) => p.path === expected.path && p.code === expected.code);
    assert.ok(match, `expected ${JSON.stringify(expected)}, got:\n${problems.map((p) => formatProblem(p)).join('\n')}`);
    if (expected.message) assert.equal(match.message, expected.message);
    assert.equal(match.severity, 'error');
    assert.ok(match.line && match.column, 'located in the text');
  });
}

test('the catalogue: every JSON dataset has fields, every PDF none, each has both languages', () => {
  for (const [resource, info] of Object.entries(MYDATA_DATASETS)) {
    assert.match(resource, /^API\.[A-Za-z0-9]+$/);
    assert.ok(info.name['zh-Hant-TW'] && info.name.en && info.agency['zh-Hant-TW'] && info.agency.en, resource);
    if (info.format === 'json') assert.ok(info.fields.length > 0, resource);
    else assert.equal(info.fields.length, 0, resource);
    const inferred = info.inferred === 'all' ? [] : (info.inferred ?? []);
    for (const path of inferred) assert.ok(info.fields.includes(path), `${resource}: inferred ${path} is a field`);
  }
  assert.ok(MYDATA_DATASETS['API.UDauDOLyZg']!.fields.includes('householdBasicData21.householdAddress.village'));
  assert.equal(MYDATA_DATASETS['API.nyhnLM1fve']!.inferred, 'all');
  assert.equal(myDataDataset('constructor'), undefined);
  assert.equal(myDataDataset('API.syWqjr4flJ')?.format, 'pdf');
});
