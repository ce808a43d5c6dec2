import { html } from 'lit';
import type { Example } from '../../internal/example.js';

const counties = [
  { value: 'TPE', label: '臺北市' },
  { value: 'NWT', label: '新北市' },
  { value: 'KHH', label: '高雄市' },
];

export const examples: Example[] = [
  { name: 'County', render: () => html`<formosa-select-field name="county" label="縣市" placeholder="請選擇" .options=${counties}></formosa-select-field>` },
  { name: 'Chosen', render: () => html`<formosa-select-field name="county" label="縣市" placeholder="請選擇" .options=${counties} .value=${'KHH'}></formosa-select-field>` },
  { name: 'With error', render: () => html`<formosa-select-field name="county" label="縣市" placeholder="請選擇" .options=${counties} error="請選擇「縣市」" required></formosa-select-field>` },
  { name: 'Locked (verified by MyData)', render: () => html`<formosa-select-field name="county" label="戶籍縣市" .options=${counties} .value=${'TPE'} readonly lock-reason="此資料由 MyData 取得並經驗證，不能修改；如有錯誤，請洽原機關更正" provenance="MyData · 內政部戶政司 · 2026-12-06 14:05"></formosa-select-field>` },
];
