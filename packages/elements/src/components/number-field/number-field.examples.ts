import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Amount', render: () => html`<formosa-number-field name="rent" label="每月租金（新臺幣元）" hint="不含管理費、水電費" value="12,000"></formosa-number-field>` },
  { name: 'New Taiwan dollars', render: () => html`<formosa-number-field name="rent" label="每月租金（新臺幣元）" prefix-text="NT$" value="12000"></formosa-number-field>` },
  { name: 'Computed (read-only)', render: () => html`<formosa-number-field name="size" label="家庭人數" value="3" readonly></formosa-number-field>` },
  { name: 'Locked (verified by MyData)', render: () => html`<formosa-number-field name="size" label="家庭人數" value="4" readonly lock-reason="此資料由 MyData 取得並經驗證，不能修改；如有錯誤，請洽原機關更正" provenance="MyData · 內政部戶政司 · 2026-12-06 14:05"></formosa-number-field>` },
];
