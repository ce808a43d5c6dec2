import { html } from 'lit';
import type { Example } from '../../internal/example.js';

export const examples: Example[] = [
  {
    name: 'Lease, photo or PDF',
    render: () => html`<formosa-file-field name="lease" label="租賃契約影本" hint="可上傳 JPG、PNG 或 PDF，每個檔案不超過 10 MB" .accept=${['image/jpeg', 'image/png', 'application/pdf']} max-size="10485760" max-files="3" capture="environment"></formosa-file-field>`,
  },
  {
    name: 'Two files uploaded',
    render: () => html`<formosa-file-field
      name="lease"
      label="租賃契約影本"
      max-files="3"
      .value=${[
        { id: 'a', name: 'lease-page-1.pdf', type: 'application/pdf', size: 482133 },
        { id: 'b', name: 'lease-page-2.pdf', type: 'application/pdf', size: 391022 },
      ]}
    ></formosa-file-field>`,
  },
  {
    name: 'Locked',
    render: () => html`<formosa-file-field
      name="lease"
      label="租賃契約影本"
      readonly
      lock-reason="已送審的文件不能更換"
      .value=${[{ id: 'a', name: 'lease-page-1.pdf', type: 'application/pdf', size: 482133 }]}
    ></formosa-file-field>`,
  },
];
