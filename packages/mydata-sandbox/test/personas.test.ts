/** The synthetic people: valid IDs, the contract's shapes, ROC dates in every form, masked IDs that match someone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNationalId } from '@formosa/engine';
import { PERSONAS } from '../src/index.js';

type Json = Record<string, unknown>;
const data = (personaId: string, resource: string): Json => PERSONAS.find((p) => p.id === personaId)!.data[resource] as Json;
const household = (personaId: string) => data(personaId, 'API.UDauDOLyZg') as { householdBasicData21: Json & { householdAddress: Json }; personHouseholdData21: Json[] };

/** A ROC date in any of the platform's forms → [year, month, day] (Gregorian year), checked to exist. */
function rocDate(text: string): [number, number, number] {
  const m = /^(\d{3})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{2,3})年(\d{1,2})月(\d{1,2})日$/.exec(text) ?? /^(\d{2,3})\/(\d{2})\/(\d{2})$/.exec(text);
  assert.ok(m, `a ROC date: ${text}`);
  const [y, mo, d] = [Number(m[1]) + 1911, Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  assert.deepEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()], [y, mo, d], `${text} exists`);
  return [y, mo, d];
}

test('every national ID passes the checksum (personas, household members, the disability record)', () => {
  const ids = new Set<string>();
  for (const p of PERSONAS) {
    ids.add(p.nationalId);
    for (const m of household(p.id).personHouseholdData21) ids.add(m['person_id'] as string);
  }
  assert.ok(ids.size >= 12);
  for (const id of ids) assert.equal(checkNationalId(id), undefined, id);
  assert.equal(checkNationalId('A125001238'), 'checksum', 'the checker does refuse a wrong digit');
});

test('whole household, personal record, low income and disability have exactly the contract\'s keys', () => {
  const h = household('household-head');
  assert.deepEqual(Object.keys(h.householdBasicData21).sort(), ['county_name', 'householdAddress', 'household_head_id', 'household_head_name', 'household_id', 'town_name']);
  assert.deepEqual(Object.keys(h.householdBasicData21.householdAddress).sort(), ['from_site_id', 'neighbor', 'neighbor_char', 'street_doorplate', 'village']);
  assert.deepEqual(Object.keys(h.personHouseholdData21[0]!).sort(), ['birth_yyymmdd', 'father_name', 'gender', 'mother_name', 'move_in_yyymmdd', 'name_romanization', 'person_id', 'person_name', 'relationship']);
  const personal = data('household-head', 'API.7QovE2Gev6');
  assert.deepEqual(Object.keys(personal).sort(), ['birth_yyymmdd', 'county_name', 'gender', 'householdAddress', 'person_id', 'person_name', 'town_name']);
  assert.deepEqual(Object.keys(personal['householdAddress'] as Json).sort(), ['neighbor', 'street_doorplate', 'village']);
  const low = data('low-income', 'API.AbAYGIjoYw');
  assert.deepEqual(Object.keys(low).sort(), ['addr', 'app_date', 'cityname', 'lic_title', 'low_type', 'lowtypefam', 'townname', 'until_date', 'villagename']);
  assert.deepEqual(Object.keys((low['lowtypefam'] as Json[])[0]!).sort(), ['birthday', 'cnameh', 'id_no', 'position']);
  const disability = data('disability', 'API.nyhnLM1fve');
  assert.deepEqual(Object.keys(disability).sort(), ['disability_category', 'disability_level', 'icf_code', 'issue_date', 'needs_assistance', 'person_id', 'person_name', 'valid_until']);
  assert.ok(['輕度', '中度', '重度', '極重度'].includes(disability['disability_level'] as string));
});

test('the scenarios: a household of four led by the applicant, low and middle-low income, a disability case with a proxy, a student', () => {
  const head = household('household-head');
  assert.equal(head.personHouseholdData21.length, 4);
  assert.equal(head.householdBasicData21['household_head_id'], 'A125001237');
  assert.equal(data('low-income', 'API.AbAYGIjoYw')['lic_title'], '低收入戶');
  assert.equal(data('middle-low-income', 'API.AbAYGIjoYw')['lic_title'], '中低收入戶');
  assert.equal(data('student', 'API.AbAYGIjoYw')['lic_title'], '低收入戶');
  const [studentBirthYear] = rocDate(household('student').personHouseholdData21.find((m) => m['person_id'] === 'F226330118')!['birth_yyymmdd'] as string);
  assert.ok(studentBirthYear >= 2000, 'the student is a young adult');
  const proxyHousehold = household('disability-proxy').personHouseholdData21.map((m) => m['person_id']);
  assert.ok(proxyHousehold.includes('B220345611'), 'the proxy shares the household of the person with the disability');
  assert.equal(data('disability-proxy', 'API.nyhnLM1fve'), undefined, 'the proxy has no disability record of their own');
});

test('masked IDs in lowtypefam match exactly one household member each (A14****692 among them)', () => {
  for (const id of ['low-income', 'student', 'middle-low-income']) {
    const members = household(id).personHouseholdData21.map((m) => m['person_id'] as string);
    for (const fam of data(id, 'API.AbAYGIjoYw')['lowtypefam'] as Json[]) {
      const masked = fam['id_no'] as string;
      assert.match(masked, /^[A-Z]\d{2}\*{4}\d{3}$/);
      const re = new RegExp(`^${masked.replace(/\*/g, '.')}$`);
      assert.equal(members.filter((m) => re.test(m)).length, 1, masked);
    }
  }
  const fam = data('low-income', 'API.AbAYGIjoYw')['lowtypefam'] as Json[];
  assert.ok(fam.some((f) => f['id_no'] === 'A14****692'));
});

test('dates come in all the ROC forms, and each is a real day', () => {
  const low = data('low-income', 'API.AbAYGIjoYw');
  assert.match(low['app_date'] as string, /^\d{3}年\d{2}月\d{2}日$/);
  assert.deepEqual(rocDate(low['app_date'] as string), [2018, 1, 1]);
  const grandmother = (low['lowtypefam'] as Json[]).find((f) => f['id_no'] === 'A14****692')!;
  assert.deepEqual(rocDate(grandmother['birthday'] as string), [1943, 2, 2]);
  assert.deepEqual(rocDate(household('household-head').personHouseholdData21[0]!['birth_yyymmdd'] as string), [1967, 9, 14]);
  assert.match(data('middle-low-income', 'API.AbAYGIjoYw')['app_date'] as string, /^\d{3}年\d{1}月\d{2}日$/, 'the unpadded form too');
  for (const p of PERSONAS) {
    for (const m of household(p.id).personHouseholdData21) {
      rocDate(m['birth_yyymmdd'] as string);
      rocDate(m['move_in_yyymmdd'] as string);
    }
    const low = p.data['API.AbAYGIjoYw'] as Json | undefined;
    if (low) for (const f of low['lowtypefam'] as Json[]) rocDate(f['birthday'] as string);
  }
});
