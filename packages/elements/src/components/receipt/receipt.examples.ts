import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  {
    name: 'Sent',
    render: () => html`<formosa-receipt heading="申請已送出" number-label="您的收件編號" receipt="RS-20261122-7K3Q9X" details="送出時間：2026年11月22日 下午2:05"
      ><p>請保留此編號，以便查詢辦理進度。</p></formosa-receipt
    >`,
  },
];
