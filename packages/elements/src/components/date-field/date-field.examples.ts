import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Date of birth', render: () => html`<formosa-date-field name="birthDate" label="出生日期" value="1990-05-02" autocomplete="bday"></formosa-date-field>` },
  { name: 'With error', render: () => html`<formosa-date-field name="leaseEnd" label="租約到期日" error="租約到期日必須晚於起始日"></formosa-date-field>` },
  { name: 'ROC calendar', render: () => html`<formosa-date-field name="birthDate" label="出生日期" hint="例如：民國 79 年 5 月 2 日" calendar="roc" year-label="民國年" month-label="月" day-label="日" value="1990-05-02"></formosa-date-field>` },
  { name: 'Locked (verified by MyData)', render: () => html`<formosa-date-field name="birthDate" label="出生日期" calendar="roc" year-label="民國年" month-label="月" day-label="日" value="1990-05-02" readonly lock-reason="此資料由 MyData 取得並經驗證，不能修改；如有錯誤，請洽原機關更正" provenance="MyData · 內政部戶政司 · 2026-12-06 14:05"></formosa-date-field>` },
];
