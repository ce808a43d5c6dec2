import { html } from 'lit';
import type { Example } from '../../internal/example.js';

// The lookup form in the languages a citizen may read; a result needs the agency server (examples/test/status.e2e.test.ts).
export const examples: Example[] = [
  { name: 'Lookup', render: () => html`<formosa-status locale="zh-Hant-TW" form-page="/form.html?id={formId}"></formosa-status>` },
  { name: 'Lookup in Vietnamese, receipt number known', render: () => html`<formosa-status locale="vi" receipt="RS-20261122-7K3Q9X"></formosa-status>` },
];
