import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Reason', render: () => html`<formosa-textarea-field name="reason" label="申請理由" hint="請簡要說明" rows="4"></formosa-textarea-field>` },
  { name: 'With error', render: () => html`<formosa-textarea-field name="reason" label="申請理由" error="「申請理由」最多 500 個字" value="…"></formosa-textarea-field>` },
];
