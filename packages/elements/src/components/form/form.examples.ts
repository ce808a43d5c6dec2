import { html } from 'lit';
import type { FormDefinition } from '@formosa/schema';
import type { Example } from '../../internal/example.js';

const T = (zh: string, en: string) => ({ 'zh-Hant-TW': zh, en });

/** A small definition using every widget, a section shown by a rule, and a repeat: the form's showcase. */
export const showcase: FormDefinition = {
  formatVersion: 1,
  id: 'smoke-alarm-showcase',
  version: '1.0.0',
  defaultLocale: 'zh-Hant-TW',
  locales: ['zh-Hant-TW', 'en'],
  title: T('住宅用火災警報器補助', 'Smoke alarm subsidy'),
  schema: {
    type: 'object',
    required: ['name', 'mobile', 'county', 'alarms', 'agree'],
    properties: {
      name: { type: 'string', minLength: 2, maxLength: 20 },
      mobile: { type: 'string', format: 'tw-mobile' },
      birthDate: { type: 'string', format: 'date' },
      county: { type: 'string', enum: ['TPE', 'NWT', 'KHH'] },
      housing: { type: 'string', enum: ['own', 'rent'] },
      landlordName: { type: 'string', maxLength: 20 },
      alarms: { type: 'integer', minimum: 1, maximum: 10 },
      note: { type: 'string', maxLength: 500 },
      helpers: { type: 'array', maxItems: 3, items: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 20 } } } },
      agree: { type: 'boolean', const: true },
    },
  },
  steps: [
    {
      id: 'about',
      title: T('申請人資料', 'About you'),
      items: [
        { field: '/name', label: T('姓名', 'Full name'), autocomplete: 'name' },
        { field: '/mobile', label: T('手機號碼', 'Mobile phone number'), hint: T('例如 0912345678', 'For example 0912345678') },
        { field: '/birthDate', label: T('出生日期', 'Date of birth') },
        { field: '/county', label: T('縣市', 'City or county'), widget: 'select', options: [
          { value: 'TPE', label: T('臺北市', 'Taipei City') }, { value: 'NWT', label: T('新北市', 'New Taipei City') }, { value: 'KHH', label: T('高雄市', 'Kaohsiung City') },
        ] },
        { field: '/housing', label: T('住宅狀況', 'Your home'), widget: 'radio', options: [{ value: 'own', label: T('自有', 'I own it') }, { value: 'rent', label: T('租屋', 'I rent it') }] },
        { section: 'landlord', title: T('房東資料', 'Your landlord'), visibleWhen: { '==': [{ var: '/housing' }, 'rent'] }, items: [
          { field: '/landlordName', label: T('房東姓名', "Landlord's name"), required: true },
        ] },
      ],
    },
    {
      id: 'request',
      title: T('申請內容', 'Your request'),
      items: [
        { field: '/alarms', label: T('需要的警報器數量', 'How many alarms you need') },
        { field: '/note', label: T('備註', 'Anything else we should know'), widget: 'textarea' },
        { repeat: '/helpers', title: T('協助安裝的親友', 'People helping with installation'), itemTitle: T('親友 {number}', 'Helper {number}'), addLabel: T('新增親友', 'Add a helper'), items: [
          { field: 'name', label: T('姓名', 'Name') },
        ] },
        { field: '/agree', label: T('本人同意消防局派員到府安裝', 'I agree to a fire department visit to install the alarms'), errors: { required: T('請勾選同意後才能送出', 'Tick to agree before sending') } },
      ],
    },
  ],
  submission: { endpoint: '/api/forms/smoke-alarm-showcase/submissions' },
};

export const examples: Example[] = [
  { name: 'Showcase', render: () => html`<formosa-form locale="zh-Hant-TW" .definition=${showcase}></formosa-form>` },
  { name: 'Showcase in English', render: () => html`<formosa-form locale="en" .definition=${showcase}></formosa-form>` },
  {
    name: 'Broken definition',
    render: () => html`<formosa-form locale="en" .definition=${'{\n  "formatVersion": 1,\n  "id": "Broken Form",\n  "steps": []\n}'}></formosa-form>`,
  },
];
