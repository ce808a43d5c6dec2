import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  {
    name: 'Address',
    render: () => html`<formosa-section heading="戶籍地址" description="請依戶口名簿填寫">
      <formosa-text-field name="district" label="鄉鎮市區"></formosa-text-field>
      <formosa-text-field name="street" label="村里、路街、巷弄、號、樓"></formosa-text-field>
    </formosa-section>`,
  },
];
