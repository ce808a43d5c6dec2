import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Amount', render: () => html`<formosa-number-field name="rent" label="每月租金（新臺幣元）" hint="不含管理費、水電費" value="12,000"></formosa-number-field>` },
  { name: 'New Taiwan dollars', render: () => html`<formosa-number-field name="rent" label="每月租金（新臺幣元）" prefix-text="NT$" value="12000"></formosa-number-field>` },
  { name: 'Computed (read-only)', render: () => html`<formosa-number-field name="size" label="家庭人數" value="3" readonly></formosa-number-field>` },
];
