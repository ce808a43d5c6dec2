import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Reason', render: () => html`<formosa-textarea-field name="reason" label="申請理由" hint="請簡要說明" rows="4"></formosa-textarea-field>` },
  { name: 'With error', render: () => html`<formosa-textarea-field name="reason" label="申請理由" error="「申請理由」最多 500 個字" value="…"></formosa-textarea-field>` },
  { name: 'Locked (verified by MyData)', render: () => html`<formosa-textarea-field name="address" label="戶籍地址" rows="2" value="臺北市大安區龍泉里 5鄰 羅斯福路三段 100號" readonly lock-reason="此資料由 MyData 取得並經驗證，不能修改；如有錯誤，請洽原機關更正" provenance="MyData · 內政部戶政司 · 2026-12-06 14:05"></formosa-textarea-field>` },
];
