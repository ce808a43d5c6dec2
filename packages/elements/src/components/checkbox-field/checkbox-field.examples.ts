import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Declaration', render: () => html`<formosa-checkbox-field name="declaration" label="本人已詳閱申請須知，所填資料均屬實。" required></formosa-checkbox-field>` },
  { name: 'Ticked', render: () => html`<formosa-checkbox-field name="same" label="通訊地址與租屋地址相同" checked></formosa-checkbox-field>` },
  { name: 'With error', render: () => html`<formosa-checkbox-field name="declaration" label="本人已詳閱申請須知。" error="請勾選聲明後才能送出" required></formosa-checkbox-field>` },
];
