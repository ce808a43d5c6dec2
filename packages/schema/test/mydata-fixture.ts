/** A definition with a mydata block that loads without a problem; the mydata tests break it one way each. */
import { loadDefinition, type Problem } from '@formosa/schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test fixtures are mutated freely, then checked by the loader
export type Draft = Record<string, any>;

const zh = (text: string) => ({ 'zh-Hant-TW': text, en: text });

/** A form prefilled from the whole household and the low-income datasets; each case below breaks one thing. */
export function prefilled(): Draft {
  return {
    formatVersion: 1, id: 'prefilled', version: '1.0.0', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'],
    title: zh('申請'),
    schema: {
      type: 'object',
      properties: {
        applicant: {
          type: 'object',
          properties: {
            id: { type: 'string' }, name: { type: 'string' }, birthDate: { type: 'string', format: 'date' },
            county: { type: 'string' }, street: { type: 'string' }, status: { type: 'string', enum: ['low', 'middle-low'] },
          },
        },
        members: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' }, birthDate: { type: 'string', format: 'date' }, id: { type: 'string' } } },
        },
      },
    },
    steps: [{
      id: 'main', title: zh('資料'),
      items: [
        { field: '/applicant/id', label: zh('身分證字號') },
        { field: '/applicant/name', label: zh('姓名') },
        { field: '/applicant/birthDate', label: zh('出生日期') },
        { field: '/applicant/county', label: zh('縣市'), options: { source: 'tw-counties' } },
        { field: '/applicant/street', label: zh('地址') },
        { field: '/applicant/status', label: zh('身分'), widget: 'radio', options: [{ value: 'low', label: zh('低收') }, { value: 'middle-low', label: zh('中低收') }] },
        {
          repeat: '/members', title: zh('家屬'), itemTitle: zh('家屬 {number}'),
          items: [{ field: 'name', label: zh('姓名') }, { field: 'birthDate', label: zh('出生日期') }, { field: 'id', label: zh('身分證字號') }],
        },
      ],
    }],
    submission: { endpoint: '/api/forms/prefilled/submissions' },
    mydata: {
      purpose: zh('確認申請資格'),
      subject: '/applicant/id',
      keepMinutes: 30,
      datasets: [
        { resource: 'API.UDauDOLyZg', why: zh('帶入戶籍與家屬') },
        { resource: 'API.AbAYGIjoYw', why: zh('確認低收入戶身分') },
      ],
      map: [
        { field: '/applicant/name', from: 'API.UDauDOLyZg:personHouseholdData21[person_id=$subject].person_name' },
        { field: '/applicant/birthDate', from: 'API.UDauDOLyZg:personHouseholdData21[person_id=$subject].birth_yyymmdd', transform: 'roc-date' },
        { field: '/applicant/county', from: 'API.UDauDOLyZg:householdBasicData21.county_name', transform: 'tw-county', lock: 'editable' },
        { field: '/applicant/street', from: 'API.UDauDOLyZg:householdBasicData21.householdAddress', transform: 'tw-address' },
        { field: '/applicant/status', from: 'API.AbAYGIjoYw:lic_title', transform: { enum: { 低收入戶: 'low', 中低收入戶: 'middle-low' } } },
        {
          repeat: '/members', from: 'API.UDauDOLyZg:personHouseholdData21[person_id!=$subject]',
          fields: [
            { field: 'name', from: 'person_name' },
            { field: 'birthDate', from: 'birth_yyymmdd', transform: 'roc-date' },
            { field: 'id', from: 'person_id', lock: 'editable' },
          ],
        },
      ],
    },
  };
}

export function problemsOf(definition: unknown): readonly Problem[] {
  const result = loadDefinition(typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2));
  return result.ok ? result.warnings : result.problems;
}
