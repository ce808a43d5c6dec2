import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  {
    name: 'Two steps, an address, a computed answer and an entry',
    render: () => html`<formosa-review
      change-text="修改"
      .changeLabel=${(label: string) => `修改${label}`}
      .sections=${[
        {
          step: 'applicant', title: '申請人資料',
          lists: [{ rows: [
            { path: '/applicant/name', label: '姓名', value: '林小美' },
            { path: '/applicant/email', label: '電子郵件', value: '未填寫', empty: true },
            { path: '/applicant/address/county', label: '戶籍地址', value: '106 臺北市大安區信義路三段 100 號' },
          ] }],
        },
        {
          step: 'household', title: '家庭成員',
          lists: [
            { rows: [{ path: '/household/size', label: '家庭人數（含申請人）', value: '2', changeable: false }] },
            { heading: '家庭成員 1', rows: [{ path: '/household/members/0/name', label: '姓名', name: '家庭成員 1：姓名', value: '林大同' }] },
          ],
        },
        { step: 'rental', title: '租屋資料', lists: [{ rows: [{ path: '/rental/monthlyRent', label: '每月租金（新臺幣元）', value: 'NT$12,000' }] }] },
      ]}
    ></formosa-review>`,
  },
];
