import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  {
    name: 'Two problems',
    render: () => html`<formosa-error-summary
      heading="有些資料需要修正"
      .errors=${[
        { path: '/applicant/name', id: 'f.applicant.name', message: '請填寫「姓名」' },
        { path: '/applicant/mobile', id: 'f.applicant.mobile', message: '「手機號碼」請填寫 09 開頭的 10 位數手機號碼，例如 0912345678' },
      ]}
    ></formosa-error-summary>`,
  },
];
