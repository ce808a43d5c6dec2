/** Datasets as the platform delivers them (shapes of MYDATA.md), for the mapping and seal tests. */
import type { MyDataSpec } from '@formosa/schema';
import type { MyDataDatasetContent } from '../src/mapping/index.js';

export const SUBJECT = 'A123456789';

export const household = {
  householdBasicData21: {
    household_id: 'F1234567', household_head_id: 'A123456789', household_head_name: '王大明',
    householdAddress: { from_site_id: '63000', village: '大安里', neighbor: '005', neighbor_char: '鄰', street_doorplate: '信義路三段100號' },
    county_name: '台北市', town_name: '大安區',
  },
  personHouseholdData21: [
    { person_id: 'A123456789', person_name: '王大明', relationship: '戶長', birth_yyymmdd: '0560914', gender: '1' },
    { person_id: 'B223456781', person_name: '林美華', relationship: '配偶', birth_yyymmdd: '0581103', gender: '2' },
    { person_id: 'A134567894', person_name: '王小明', relationship: '子', birth_yyymmdd: '0950230', gender: '1' },
    { person_id: 'A245678902', person_name: '王小華', relationship: '女', birth_yyymmdd: '0980520', gender: '2' },
  ],
};

export const lowIncome = {
  lic_title: '低收入戶', low_type: '第二款', app_date: '107年01月01日', cityname: '臺北市', townname: '大安區', villagename: '大安里',
  addr: '信義路三段100號', until_date: '115年12月31日',
  lowtypefam: [
    { position: '本人', cnameh: '王大明', id_no: 'A12****789', birthday: '56/09/14' },
    { position: '配偶', cnameh: '林美華', id_no: 'Ｂ２２＊＊＊＊７８１', birthday: '58/11/03' },
  ],
};

export function content(resource: string, data: unknown, verified = true): MyDataDatasetContent {
  return { resource, data, retrievedAt: '2026-12-06T10:00:00.000Z', verified };
}

export const spec: MyDataSpec = {
  purpose: { 'zh-Hant-TW': '確認申請資格', en: 'To check eligibility' },
  subject: '/applicant/id',
  datasets: [
    { resource: 'API.UDauDOLyZg', why: { 'zh-Hant-TW': '家屬', en: 'Household' } },
    { resource: 'API.AbAYGIjoYw', why: { 'zh-Hant-TW': '低收', en: 'Low income' } },
  ],
  map: [
    { field: '/applicant/name', from: 'API.UDauDOLyZg:personHouseholdData21[person_id=$subject].person_name' },
    { field: '/applicant/birthDate', from: 'API.UDauDOLyZg:personHouseholdData21[person_id=$subject].birth_yyymmdd', transform: 'roc-date' },
    { field: '/applicant/county', from: 'API.UDauDOLyZg:householdBasicData21.county_name', transform: 'tw-county', lock: 'editable' },
    { field: '/applicant/street', from: 'API.UDauDOLyZg:householdBasicData21.householdAddress', transform: 'tw-address' },
    { field: '/applicant/status', from: 'API.AbAYGIjoYw:lic_title', transform: { enum: { 低收入戶: 'low', 中低收入戶: 'middle-low' } } },
    { field: '/applicant/since', from: 'API.AbAYGIjoYw:app_date', transform: 'roc-date' },
    {
      repeat: '/household/members', from: 'API.UDauDOLyZg:personHouseholdData21[person_id!=$subject]',
      fields: [
        { field: 'name', from: 'person_name' },
        { field: 'birthDate', from: 'birth_yyymmdd', transform: 'roc-date' },
        { field: 'relationship', from: 'relationship', lock: 'editable' },
      ],
    },
  ],
};
