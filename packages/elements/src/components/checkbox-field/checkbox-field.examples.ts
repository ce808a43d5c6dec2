import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Declaration', render: () => html`<formosa-checkbox-field name="declaration" label="本人已詳閱申請須知，所填資料均屬實。" required></formosa-checkbox-field>` },
  { name: 'Ticked', render: () => html`<formosa-checkbox-field name="same" label="通訊地址與租屋地址相同" checked></formosa-checkbox-field>` },
  {
    name: 'Consent with its statement',
    render: () => html`<formosa-checkbox-field
      name="consent"
      label="本人同意上述個人資料蒐集、處理及利用"
      statement="本局為辦理住宅用火災警報器補助，將蒐集您的姓名、電話及地址，僅用於聯繫安裝事宜，保存至補助結案後一年。您可以隨時請求查閱、更正或停止利用。"
      required
    ></formosa-checkbox-field>`,
  },
  { name: 'With error', render: () => html`<formosa-checkbox-field name="declaration" label="本人已詳閱申請須知。" error="請勾選聲明後才能送出" required></formosa-checkbox-field>` },
  { name: 'Locked (verified by MyData)', render: () => html`<formosa-checkbox-field name="disability" label="領有身心障礙證明" checked readonly lock-reason="此資料由 MyData 取得並經驗證，不能修改；如有錯誤，請洽原機關更正" provenance="MyData · 衛生福利部 · 2026-12-06 14:05"></formosa-checkbox-field>` },
];
