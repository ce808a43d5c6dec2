import { html } from 'lit';
import type { Example } from '../../internal/example.js';

const types = [
  { value: 'person', label: '個人' },
  { value: 'company', label: '公司或機構', hint: '需填寫統一編號' },
];

export const examples: Example[] = [
  { name: 'Landlord type', render: () => html`<formosa-radio-group name="type" label="出租人身分" .options=${types}></formosa-radio-group>` },
  { name: 'Chosen', render: () => html`<formosa-radio-group name="type" label="出租人身分" .options=${types} .value=${'company'}></formosa-radio-group>` },
  { name: 'With error', render: () => html`<formosa-radio-group name="type" label="出租人身分" hint="請選擇一項" .options=${types} error="請選擇「出租人身分」" required></formosa-radio-group>` },
  { name: 'Locked (verified by MyData)', render: () => html`<formosa-radio-group name="type" label="出租人身分" .options=${types} .value=${'person'} readonly lock-reason="此資料由 MyData 取得並經驗證，不能修改；如有錯誤，請洽原機關更正" provenance="MyData · 內政部戶政司 · 2026-12-06 14:05"></formosa-radio-group>` },
];
