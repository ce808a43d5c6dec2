import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUploader } from '@formosa/transport';

/** An agency endpoint answering as the reference server does: 201 with the file's address relative to itself. */
async function agency() {
  const server = createServer(async (req, res) => {
    for await (const _ of req);
    const url = '/api/forms/rent-subsidy/attachments/3f0c9a52-0000-4000-8000-000000000001';
    res.writeHead(201, { 'content-type': 'application/json', location: url }).end(JSON.stringify({ id: '3f0c9a52-0000-4000-8000-000000000001', name: 'lease.png', type: 'image/png', size: 3, url, token: 't' }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  after(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test("a file uploaded to another origin is addressed on that origin (the page's preview and removal reach the agency, not the page)", async () => {
  const origin = await agency();
  const file = new File([new Uint8Array([1, 2, 3])], 'lease.png', { type: 'image/png' });
  const attachment = await createUploader()({ endpoint: `${origin}/api/forms/rent-subsidy/attachments`, file, field: '/rental/lease' });
  assert.equal(attachment.url, `${origin}/api/forms/rent-subsidy/attachments/3f0c9a52-0000-4000-8000-000000000001`);
});
