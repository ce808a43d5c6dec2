import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  {
    name: 'On this device',
    render: () => html`<formosa-drafts locale="zh-Hant-TW" href="/form.html?id={formId}"></formosa-drafts>`,
  },
];
