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
];
