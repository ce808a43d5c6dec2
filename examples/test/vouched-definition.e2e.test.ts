// The built drop-in bundle in real Chromium, against the real reference server on another origin: a definition the
// server checked at start (Formosa-Definition-Checked, exposed across origins) shows its first step without the
// page fetching the gate's chunk (31 KB gzip); the same definition as a plain file, without the header, still goes
// through the gate.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@formosa/server';
import { close, launch, open, root } from './browser.js';

const FORM = 'smoke-alarm-subsidy';
let agency: RunningServer;
let host: Server;
let page = '';

/** Origin A: a page embedding the form at `src` (on B, or a copy of its file on A) with the bundle from B (`api`). */
function hostPage(api: { url: string }): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/form.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(join(root, `examples/forms/${FORM}.json`)));
    const src = req.url === '/plain' ? '/form.json' : `${api.url}/api/forms/${FORM}`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Smoke alarms</title><link rel="icon" href="data:,">
<script src="${api.url}/dist/formosa.min.js" defer></script></head>
<body><formosa-form src="${src}" draft="off"></formosa-form></body></html>`);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

before(async () => {
  await launch();
  const api = { url: '' };
  host = await hostPage(api);
  page = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  agency = await startServer({ formsDir: join(root, 'examples/forms'), database: join(mkdtempSync(join(tmpdir(), 'formosa-vouched-')), 'db.sqlite'), staticDirs: [{ prefix: '/dist/', dir: join(root, 'dist') }], corsOrigins: [page] });
  api.url = agency.url;
});
after(async () => {
  await close();
  host.close();
  await agency.close();
});

/** Opens `path` on A; the scripts the page fetched and whether the first step showed. */
async function visit(path: string): Promise<{ scripts: string[]; shown: boolean; problems: string[] }> {
  const scripts: string[] = [];
  const { page: tab, problems } = await open(`${page}${path}`, (p) => Promise.resolve(p.on('request', (r) => void (r.url().endsWith('.js') && scripts.push(new URL(r.url()).pathname)))));
  const shown = await tab.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'), { timeout: 15_000 }).then(() => true, () => false);
  await tab.close();
  return { scripts, shown, problems };
}

test('from the server that checked it, on another origin: the first step shows and the gate chunk is never fetched', async () => {
  const { scripts, shown, problems } = await visit('/');
  assert.ok(shown, `the first step showed (${problems.join('; ')})`);
  assert.ok(scripts.includes('/dist/formosa.min.js'), scripts.join(', '));
  assert.ok(!scripts.includes('/dist/chunks/gate.js'), scripts.join(', '));
  assert.deepEqual(problems, []);
});

test('the same definition as a plain file (no header): the gate chunk is fetched and the first step shows', async () => {
  const { scripts, shown, problems } = await visit('/plain');
  assert.ok(shown, `the first step showed (${problems.join('; ')})`);
  assert.ok(scripts.includes('/dist/chunks/gate.js'), scripts.join(', '));
});
