import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  { name: 'Date of birth', render: () => html`<formosa-date-field name="birthDate" label="出生日期" value="1990-05-02" autocomplete="bday"></formosa-date-field>` },
  { name: 'With error', render: () => html`<formosa-date-field name="leaseEnd" label="租約到期日" error="租約到期日必須晚於起始日"></formosa-date-field>` },
];
