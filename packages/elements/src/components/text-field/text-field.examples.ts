import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Empty', render: () => html`<formosa-text-field name="name" label="姓名" autocomplete="name"></formosa-text-field>` },
  { name: 'With hint', render: () => html`<formosa-text-field name="id" label="身分證統一編號" hint="1 個英文字母加 9 個數字，例如 A123456789"></formosa-text-field>` },
  { name: 'Optional', render: () => html`<formosa-text-field name="email" type="email" label="電子郵件" optional-text="（選填）"></formosa-text-field>` },
  { name: 'Telephone', render: () => html`<formosa-text-field name="mobile" type="tel" label="手機號碼" value="0912345678"></formosa-text-field>` },
  { name: 'With error', render: () => html`<formosa-text-field name="name" label="姓名" error="請填寫「姓名」" error-prefix="錯誤：" required></formosa-text-field>` },
  { name: 'English label in a Chinese page', render: () => html`<formosa-text-field name="name" label="Full name" label-lang="en"></formosa-text-field>` },
  { name: 'Locked (verified by MyData)', render: () => html`<formosa-text-field name="name" label="姓名" value="林小美" readonly lock-reason="此資料由 MyData 取得並經驗證，不能修改；如有錯誤，請洽原機關更正" provenance="MyData · 內政部戶政司 · 2026-12-06 14:05"></formosa-text-field>` },
];
