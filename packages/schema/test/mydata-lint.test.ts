import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblem, type Problem } from '@formosa/schema';
import { prefilled, problemsOf, type Draft } from './mydata-fixture.js';

/**
 * One case per lint rule: the break, the exact problem, and a piece of the line it must point at (the definition is
 * loaded as text, pretty-printed, so each value sits on its own line).
 */
const cases: [string, (d: Draft) => void, Partial<Problem>, string, number?][] = [
  ['a subject that is no field', (d) => (d.mydata.subject = '/applicant/idd'),
    { path: '/mydata/subject', code: 'mydata_unknown_field', message: '"/applicant/idd" is not a field of the form: the subject is the field where the citizen gives their national ID (did you mean "/applicant/id"?)' },
    '"subject": "/applicant/idd"'],
  ['a dataset not in the catalogue', (d) => {
    d.mydata.datasets[1].resource = 'API.AbAYGIjoYW';
    d.mydata.map[4].from = 'API.AbAYGIjoYW:lic_title';
  },
    { path: '/mydata/datasets/1/resource', code: 'mydata_unknown_dataset', message: '"API.AbAYGIjoYW" is not a dataset Formosa knows (MYDATA_DATASETS) (did you mean "API.AbAYGIjoYw"?)' },
    '"resource": "API.AbAYGIjoYW"'],
  ['a dataset declared twice', (d) => d.mydata.datasets.push({ ...d.mydata.datasets[0] }),
    { path: '/mydata/datasets/2/resource', code: 'mydata_duplicate_dataset', message: '"API.UDauDOLyZg" is declared twice' }, '"resource": "API.UDauDOLyZg"'],
  ['a PDF dataset declared', (d) => d.mydata.datasets.push({ resource: 'API.syWqjr4flJ', why: { 'zh-Hant-TW': '所得', en: 'Income' } }),
    { path: '/mydata/datasets/2/resource', code: 'mydata_not_mappable', message: '"API.syWqjr4flJ" (Personal income) is a PDF document: nothing in it can fill a field' }, '"resource": "API.syWqjr4flJ"'],
  ['a mapping reading a PDF dataset', (d) => {
    d.mydata.datasets.push({ resource: 'API.UZQkKbsOpz', why: { 'zh-Hant-TW': '勞保', en: 'Insurance' } });
    d.mydata.map[0].from = 'API.UZQkKbsOpz:name';
  }, { path: '/mydata/map/0/from', code: 'mydata_not_mappable', message: '"API.UZQkKbsOpz" is a PDF document: nothing in it can fill a field' }, '"from": "API.UZQkKbsOpz:name"', 2],
  ['a mapping reading an undeclared dataset', (d) => (d.mydata.map[0].from = 'API.nyhnLM1fve:person_name'),
    { path: '/mydata/map/0/from', code: 'mydata_undeclared_dataset', message: '"API.nyhnLM1fve" is not declared in "datasets": a form reads only the datasets it asks the citizen for' },
    '"from": "API.nyhnLM1fve:person_name"'],
  ['a misspelt declared resource in a mapping', (d) => (d.mydata.map[4].from = 'API.AbAYGIjoYW:lic_title'),
    { path: '/mydata/map/4/from', code: 'mydata_undeclared_dataset', message: '"API.AbAYGIjoYW" is not declared in "datasets": a form reads only the datasets it asks the citizen for (did you mean "API.AbAYGIjoYw"?)' },
    '"from": "API.AbAYGIjoYW:lic_title"', 2],
  ['a path the dataset does not have', (d) => (d.mydata.map[0].from = 'API.UDauDOLyZg:personHouseholdData21[person_id=$subject].person_nmae'),
    { path: '/mydata/map/0/from', code: 'mydata_unknown_path', message: 'API.UDauDOLyZg has no "personHouseholdData21.person_nmae" (did you mean "person_name"?)' }, 'person_nmae'],
  ['a top-level name the dataset does not have', (d) => (d.mydata.map[2].from = 'API.UDauDOLyZg:householdBasicData.county_name'),
    { path: '/mydata/map/2/from', code: 'mydata_unknown_path', message: 'API.UDauDOLyZg has no "householdBasicData" (did you mean "householdBasicData21"?)' }, 'householdBasicData.county_name'],
  ['a filter key the elements do not have', (d) => (d.mydata.map[0].from = 'API.UDauDOLyZg:personHouseholdData21[personid=$subject].person_name'),
    { path: '/mydata/map/0/from', code: 'mydata_unknown_path', message: 'the elements of "personHouseholdData21" have no "personid" to filter on (did you mean "person_id"?)' }, 'personid'],
  ['a filter on what is not a list', (d) => (d.mydata.map[2].from = "API.UDauDOLyZg:householdBasicData21[county_name='臺北市'].county_name"),
    { path: '/mydata/map/2/from', code: 'mydata_unknown_path', message: '"householdBasicData21" is not a list: an index or a filter applies to lists' }, 'householdBasicData21['],
  ['a repeat field reading what the elements do not have', (d) => (d.mydata.map[5].fields[0].from = 'name'),
    { path: '/mydata/map/5/fields/0/from', code: 'mydata_unknown_path', message: 'API.UDauDOLyZg has no "personHouseholdData21.name"' }, '"from": "name"'],
  ['bad path syntax', (d) => (d.mydata.map[1].from = 'API.UDauDOLyZg:personHouseholdData21[person_id=subject].birth_yyymmdd'),
    { path: '/mydata/map/1/from', code: 'mydata_bad_path' }, 'person_id=subject'],
  ['bad path syntax inside a repeat', (d) => (d.mydata.map[5].fields[1].from = 'birth..yyymmdd'),
    { path: '/mydata/map/5/fields/1/from', code: 'mydata_bad_path', message: '"birth..yyymmdd": a segment is empty (two dots, or a dot at an end)' }, '"from": "birth..yyymmdd"'],
  ['a top-level path without its resource', (d) => (d.mydata.map[0].from = 'person_name'),
    { path: '/mydata/map/0/from', code: 'mydata_bad_path', message: '"person_name": write "resource:path", e.g. "API.UDauDOLyZg:householdBasicData21.household_id"' }, '"from": "person_name"'],
  ['a field the form does not have', (d) => (d.mydata.map[0].field = '/applicant/nmae'),
    { path: '/mydata/map/0/field', code: 'mydata_unknown_field', message: '"/applicant/nmae" is not a field of the form (did you mean "/applicant/name"?)' }, '"field": "/applicant/nmae"'],
  ['a field inside a repeat, mapped at top level', (d) => (d.mydata.map[0].field = '/members/0/name'),
    { path: '/mydata/map/0/field', code: 'mydata_unknown_field' }, '"field": "/members/0/name"'],
  ['a repeat the form does not have', (d) => (d.mydata.map[5].repeat = '/member'),
    { path: '/mydata/map/5/repeat', code: 'mydata_unknown_field', message: '"/member" is not a repeat of the form (did you mean "/members"?)' }, '"repeat": "/member"'],
  ['a repeat field the entries do not have', (d) => (d.mydata.map[5].fields[0].field = 'nmae'),
    { path: '/mydata/map/5/fields/0/field', code: 'mydata_unknown_field', message: '"nmae" is not a field of the repeat "/members" (did you mean "name"?)' }, '"field": "nmae"'],
  ['a repeat filled from no list', (d) => (d.mydata.map[5].from = 'API.UDauDOLyZg:householdBasicData21'),
    { path: '/mydata/map/5/from', code: 'mydata_not_a_list' }, '"from": "API.UDauDOLyZg:householdBasicData21"'],
  ['join with a single from', (d) => (d.mydata.map[0].transform = { join: { separator: '' } }),
    { path: '/mydata/map/0/from', code: 'mydata_bad_join', message: 'join reads several values: give "from" a list of two or more paths' }, '"from": "API.UDauDOLyZg:personHouseholdData21[person_id=$subject].person_name"'],
  ['several froms without join', (d) => (d.mydata.map[0].from = ['API.AbAYGIjoYw:cityname', 'API.AbAYGIjoYw:addr']),
    { path: '/mydata/map/0/from', code: 'mydata_bad_join' }, '"from": ['],
  ['a path of a join the dataset does not have', (d) => {
    d.mydata.map[4] = { field: '/applicant/status', from: ['API.AbAYGIjoYw:cityname', 'API.AbAYGIjoYw:adr'], transform: { join: {} } };
  }, { path: '/mydata/map/4/from/1', code: 'mydata_unknown_path', message: 'API.AbAYGIjoYw has no "adr" (did you mean "addr"?)' }, '"API.AbAYGIjoYw:adr"'],
  ['a field filled twice', (d) => d.mydata.map.push({ field: '/applicant/name', from: 'API.AbAYGIjoYw:lowtypefam[id_no~=$subject].cnameh' }),
    { path: '/mydata/map/6/field', code: 'mydata_duplicate_field', message: '"/applicant/name" is already filled by the mapping at /mydata/map/0/field' }, '"field": "/applicant/name"'],
  ['a dataset no mapping reads', (d) => d.mydata.map.splice(4, 1),
    { path: '/mydata/datasets/1', code: 'mydata_unused_dataset', message: 'no mapping reads "API.AbAYGIjoYw": ask the citizen only for the data the form uses' }, '{'],
  ['a purpose without its default-locale text', (d) => (d.mydata.purpose = { en: 'Eligibility' }),
    { path: '/mydata/purpose', code: 'missing_default_text' }, '"purpose": {'],
  ['a reason without its translation', (d) => (d.mydata.datasets[0].why = { 'zh-Hant-TW': '家屬' }),
    { path: '/mydata/datasets/0/why', code: 'missing_translation', severity: 'warning' }, '"why": {'],
];

for (const [name, breakIt, expected, needle, count = 1] of cases) {
  test(`lint: ${name}`, () => {
    const d = prefilled();
    breakIt(d);
    const text = JSON.stringify(d, null, 2);
    const problems = problemsOf(text);
    const mine = problems.filter((p) => p.path.startsWith('/mydata'));
    const listed = problems.map((p) => formatProblem(p)).join('\n');
    assert.equal(mine.length, count, `${count} problem(s) expected, got:\n${listed}`);
    const problem = mine.find((p) => p.path === expected.path && p.code === expected.code);
    assert.ok(problem, `expected ${expected.code} at ${expected.path}, got:\n${listed}`);
    if (expected.message) assert.equal(problem.message, expected.message);
    assert.equal(problem.severity, expected.severity ?? 'error');
    // line:column of the very place: the line holds the offending text, the column is where its member starts.
    const line = text.split('\n')[problem.line! - 1]!;
    assert.ok(line.includes(needle), `line ${problem.line} is ${JSON.stringify(line)}, expected it to hold ${needle}`);
    assert.equal(problem.column, line.length - line.trimStart().length + 1);
  });
}

test('lint: the checks of a broken block do not throw, and a definition without mydata is untouched', () => {
  const d = prefilled();
  d.mydata.map[0].from = 42;
  d.mydata.datasets = 'nope';
  const problems = problemsOf(d);
  assert.ok(problems.some((p) => p.path === '/mydata/datasets' && p.code === 'wrong_type'));
  const without = prefilled();
  delete without.mydata;
  assert.deepEqual(problemsOf(without).filter((p) => p.path.startsWith('/mydata')), []);
});

test('lint: a repeat mapping whose list is unknown still checks the syntax of its fields', () => {
  const d = prefilled();
  d.mydata.map[5].from = 'API.UDauDOLyZg:people[person_id!=$subject]';
  d.mydata.map[5].fields[0].from = 'a[';
  const problems = problemsOf(d).filter((p) => p.path.startsWith('/mydata'));
  assert.deepEqual(problems.map((p) => [p.path, p.code]), [['/mydata/map/5/from', 'mydata_unknown_path'], ['/mydata/map/5/fields/0/from', 'mydata_bad_path']]);
});

test('lint: a hostile block costs little — thousands of bad mappings, or too many', () => {
  const d = prefilled();
  d.mydata.map = Array.from({ length: 5_000 }, (_, i) => ({ field: `/applicant/nothing${i}`, from: `API.UDauDOLyZg:householdBasicData21.nothing${i}` }));
  const started = performance.now();
  const problems = problemsOf(d);
  assert.ok(performance.now() - started < 3_000, `${performance.now() - started} ms`);
  assert.equal(problems.filter((p) => p.code === 'mydata_unknown_field').length, 5_000);
  d.mydata.map.push(d.mydata.map[0]);
  assert.deepEqual(problemsOf(d).filter((p) => p.path.startsWith('/mydata')).map((p) => p.code), ['too_large']);
});
