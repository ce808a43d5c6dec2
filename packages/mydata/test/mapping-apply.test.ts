import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MyDataSpec } from '@formosa/schema';
import { applyMapping, SUBJECT_RESOURCE } from '../src/mapping/index.js';
import { content, household, lowIncome, spec, SUBJECT } from './mapping-fixtures.js';

const RETRIEVED = '2026-12-06T10:00:00.000Z';

test('fields and repeat entries are mapped, each with its provenance and lock', () => {
  const result = applyMapping(spec, [content('API.UDauDOLyZg', household), content('API.AbAYGIjoYw', lowIncome)], SUBJECT);
  assert.deepEqual(result.values, {
    '/applicant/id': 'A123456789',
    '/applicant/name': '王大明',
    '/applicant/birthDate': '1967-09-14',
    '/applicant/county': 'TPE',
    '/applicant/street': '大安里5鄰信義路三段100號',
    '/applicant/status': 'low',
    '/applicant/since': '2018-01-01',
    '/household/members/0/name': '林美華',
    '/household/members/0/birthDate': '1969-11-03',
    '/household/members/0/relationship': '配偶',
    '/household/members/1/name': '王小明',
    '/household/members/1/relationship': '子',
    '/household/members/2/name': '王小華',
    '/household/members/2/birthDate': '2009-05-20',
    '/household/members/2/relationship': '女',
  });
  // 095/02/30 does not exist: not mapped, reported, and the other fields of the entry still are.
  assert.deepEqual(result.problems, [{ field: '/household/members/1/birthDate', code: 'malformed', detail: 'not a date of the 民國 calendar (yyyMMdd, yyy年MM月dd日, yy/MM/dd, …) or a day that does not exist' }]);
  assert.deepEqual(result.provenance['/applicant/name'], { resource: 'API.UDauDOLyZg', retrievedAt: RETRIEVED, locked: true });
  assert.deepEqual(result.provenance['/applicant/county'], { resource: 'API.UDauDOLyZg', retrievedAt: RETRIEVED, locked: false });
  assert.deepEqual(result.provenance['/applicant/status'], { resource: 'API.AbAYGIjoYw', retrievedAt: RETRIEVED, locked: true });
  assert.deepEqual(result.provenance['/household/members/0/relationship'], { resource: 'API.UDauDOLyZg', retrievedAt: RETRIEVED, locked: false });
  assert.deepEqual(result.provenance['/applicant/id'], { resource: SUBJECT_RESOURCE, retrievedAt: RETRIEVED, locked: true });
  assert.deepEqual(Object.keys(result.provenance).sort(), Object.keys(result.values).sort());
});

test('an unverified dataset maps nothing: each of its fields is reported not_verified', () => {
  const result = applyMapping(spec, [content('API.UDauDOLyZg', household), content('API.AbAYGIjoYw', lowIncome, false)], SUBJECT);
  assert.equal(result.values['/applicant/status'], undefined);
  assert.equal(result.values['/applicant/since'], undefined);
  assert.equal(result.values['/applicant/name'], '王大明');
  assert.deepEqual(result.problems.filter((p) => p.code === 'not_verified').map((p) => p.field), ['/applicant/status', '/applicant/since']);
  for (const pointer of Object.keys(result.values)) assert.notEqual(result.provenance[pointer]?.resource, 'API.AbAYGIjoYw');
});

test('nothing verified: nothing mapped, not even the subject', () => {
  const result = applyMapping(spec, [content('API.UDauDOLyZg', household, false), content('API.AbAYGIjoYw', lowIncome, false)], SUBJECT);
  assert.deepEqual(result.values, {});
  assert.deepEqual(result.provenance, {});
  assert.deepEqual(result.problems.map((p) => p.field), ['/applicant/name', '/applicant/birthDate', '/applicant/county', '/applicant/street', '/applicant/status', '/applicant/since', '/household/members']);
  assert.ok(result.problems.every((p) => p.code === 'not_verified'));
});

test('a dataset not delivered, or delivered but not declared, maps nothing', () => {
  const result = applyMapping(spec, [content('API.UDauDOLyZg', household), content('API.nyhnLM1fve', { person_id: SUBJECT })], SUBJECT);
  assert.deepEqual(result.problems.map((p) => [p.field, p.code]), [['/applicant/status', 'unmapped'], ['/applicant/since', 'unmapped'], ['/household/members/1/birthDate', 'malformed']]);
  const undeclared: MyDataSpec = { ...spec, map: [{ field: '/x', from: 'API.nyhnLM1fve:person_id' }] };
  const r = applyMapping(undeclared, [content('API.nyhnLM1fve', { person_id: SUBJECT }), content('API.UDauDOLyZg', household)], SUBJECT);
  assert.equal(r.values['/x'], undefined);
  assert.deepEqual(r.problems, [{ field: '/x', code: 'unmapped', detail: 'API.nyhnLM1fve was not delivered (or is not declared)' }]);
});

test('a missing value is unmapped; a value the transform cannot read is malformed and not mapped', () => {
  const broken = { ...lowIncome, lic_title: '一般戶', app_date: '107年13月01日' };
  const result = applyMapping(spec, [content('API.UDauDOLyZg', { personHouseholdData21: [] }), content('API.AbAYGIjoYw', broken)], SUBJECT);
  assert.deepEqual(result.problems.map((p) => [p.field, p.code]), [
    ['/applicant/name', 'unmapped'], ['/applicant/birthDate', 'unmapped'], ['/applicant/county', 'unmapped'], ['/applicant/street', 'unmapped'],
    ['/applicant/status', 'malformed'], ['/applicant/since', 'malformed'],
  ]);
  assert.deepEqual(Object.keys(result.values), ['/applicant/id']);
  // The problem never repeats the value (problems are logged; values are personal data).
  assert.ok(result.problems.every((p) => !p.detail?.includes('一般戶') && !p.detail?.includes('107年')));
});

test('a repeat whose list is missing, or is no list, is reported once; an empty list maps no entry', () => {
  const noList = applyMapping(spec, [content('API.UDauDOLyZg', { householdBasicData21: household.householdBasicData21 }), content('API.AbAYGIjoYw', lowIncome)], SUBJECT);
  assert.deepEqual(noList.problems.filter((p) => p.field.startsWith('/household')), [{ field: '/household/members', code: 'unmapped', detail: 'the path selects no list' }]);
  const alone = { ...household, personHouseholdData21: [household.personHouseholdData21[0]] };
  const result = applyMapping(spec, [content('API.UDauDOLyZg', alone), content('API.AbAYGIjoYw', lowIncome)], SUBJECT);
  assert.ok(!Object.keys(result.values).some((p) => p.startsWith('/household/')));
  const unfiltered: MyDataSpec = { ...spec, map: [{ repeat: '/people', from: 'API.UDauDOLyZg:householdBasicData21', fields: [{ field: 'name', from: 'x' }] }] };
  assert.deepEqual(applyMapping(unfiltered, [content('API.UDauDOLyZg', household)], SUBJECT).problems, [{ field: '/people', code: 'unmapped', detail: 'the path selects no list' }]);
});

test('an unfiltered array fills a repeat; join and present read their selections', () => {
  const mapping: MyDataSpec = {
    ...spec,
    map: [
      { repeat: '/family', from: 'API.AbAYGIjoYw:lowtypefam', fields: [{ field: 'id', from: 'id_no', transform: 'masked-id' }, { field: 'born', from: 'birthday', transform: 'roc-date' }] },
      { field: '/address', from: ['API.AbAYGIjoYw:cityname', 'API.AbAYGIjoYw:townname', 'API.AbAYGIjoYw:addr'], transform: { join: { separator: '' } } },
      { field: '/isListed', from: 'API.AbAYGIjoYw:lowtypefam[id_no~=$subject]', transform: { present: { yes: true, no: false } } },
      { field: '/spouseListed', from: "API.AbAYGIjoYw:lowtypefam[position='子女']", transform: { present: { yes: true, no: false } } },
      { field: '/broken', from: ['API.AbAYGIjoYw:cityname', 'API.AbAYGIjoYw:nothing'], transform: { join: { separator: '' } } },
    ],
  };
  const result = applyMapping(mapping, [content('API.AbAYGIjoYw', lowIncome)], SUBJECT);
  assert.equal(result.values['/family/0/id'], 'A12****789');
  assert.equal(result.values['/family/1/id'], 'B22****781');
  assert.equal(result.values['/family/1/born'], '1969-11-03');
  assert.equal(result.values['/address'], '臺北市大安區信義路三段100號');
  assert.equal(result.values['/isListed'], true);
  assert.equal(result.values['/spouseListed'], false);
  assert.equal(result.values['/broken'], undefined);
  assert.deepEqual(result.problems, [{ field: '/broken', code: 'malformed', detail: 'part 2 of 2 is missing' }]);
});

test('repeat entries with nested relative fields and escaped pointers', () => {
  const mapping: MyDataSpec = { ...spec, map: [{ repeat: '/a~1b/list', from: 'API.AbAYGIjoYw:lowtypefam', fields: [{ field: 'who/name', from: 'cnameh' }] }] };
  const result = applyMapping(mapping, [content('API.AbAYGIjoYw', lowIncome)], SUBJECT);
  assert.deepEqual(Object.keys(result.values), ['/applicant/id', '/a~1b/list/0/who/name', '/a~1b/list/1/who/name']);
});
