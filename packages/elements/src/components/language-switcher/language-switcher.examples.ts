import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Seven languages', render: () => html`<formosa-language-switcher value="zh-Hant-TW"></formosa-language-switcher>` },
  { name: 'As a drop-down, for phones', render: () => html`<formosa-language-switcher value="zh-Hant-TW" variant="select"></formosa-language-switcher>` },
  { name: 'Three languages, Vietnamese chosen', render: () => html`<formosa-language-switcher value="vi" locales="zh-Hant-TW,en,vi"></formosa-language-switcher>` },
];
