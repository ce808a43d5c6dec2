import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '@formosa/server';

const root = new URL('../../../', import.meta.url).pathname;
let server: RunningServer;
before(async () => (server = await startServer({ formsDir: `${root}examples/forms`, database: ':memory:', staticDirs: [{ prefix: '/site/', dir: `${root}examples/site` }] })));
after(() => server.close());

/** A raw GET (fetch would undo the compression unseen). */
function get(path: string, encoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    request(url, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('what a page fetches to show a form goes compressed to a browser that takes it: brotli first, else gzip', async () => {
  const plain = await get('/api/forms/rent-subsidy');
  assert.equal(plain.headers['content-encoding'], undefined, 'asked for nothing: sent as it is');
  const definition = JSON.parse(plain.body.toString('utf8')) as { id: string };
  assert.equal(definition.id, 'rent-subsidy');
  const br = await get('/api/forms/rent-subsidy', 'gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(String(br.headers['vary']), /accept-encoding/i);
  assert.deepEqual(brotliDecompressSync(br.body), plain.body);
  assert.ok(br.body.length < plain.body.length / 3, `${br.body.length} of ${plain.body.length} bytes`);
  const gzip = await get('/api/forms/rent-subsidy/validator.js', 'gzip');
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gzip.body).toString('utf8').length > 1000);
  const refused = await get('/api/forms/rent-subsidy', 'br;q=0, gzip;q=0');
  assert.equal(refused.headers['content-encoding'], undefined, 'q=0 is a refusal');
});

test('static files too, byte for byte, with their headers; a small one is sent as it is', async () => {
  const file = readFileSync(`${root}examples/site/site.js`);
  const br = await get('/site/site.js', 'br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.deepEqual(brotliDecompressSync(br.body), file);
  assert.equal(br.headers['cache-control'], 'no-cache');
  const page = await get('/site/index.html', 'br');
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'/, 'a page keeps its policy');
  const icon = await get('/site/favicon.svg', 'br');
  assert.equal(icon.status, 200);
  if (icon.body.length < 1024) assert.equal(icon.headers['content-encoding'], undefined);
});
