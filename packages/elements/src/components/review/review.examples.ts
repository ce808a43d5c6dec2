import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  {
    name: 'Two steps',
    render: () => html`<formosa-review
      change-text="修改"
      .changeLabel=${(label: string) => `修改${label}`}
      .sections=${[
        { step: 'applicant', title: '申請人資料', rows: [{ path: '/applicant/name', label: '姓名', value: '林小美' }, { path: '/applicant/email', label: '電子郵件', value: '未填寫', empty: true }] },
        { step: 'rental', title: '租屋資料', rows: [{ path: '/rental/monthlyRent', label: '每月租金（新臺幣元）', value: '12,000' }] },
      ]}
    ></formosa-review>`,
  },
];
