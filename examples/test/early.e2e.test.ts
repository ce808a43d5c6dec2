// The built drop-in bundle asks for what a form in the page needs first — its definition, the citizen's language
// pack, the drafts' storage and the analytics chunk — before its elements are even defined, so the requests travel
// while the rest of the bundle runs (a cold first step on a slow phone is one round trip shorter).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@formosa/server';
import { close, launch, open, root } from './browser.js';

let agency: RunningServer;

before(async () => {
  await launch();
  const site = mkdtempSync(join(tmpdir(), 'formosa-early-'));
  // Notes when the bundle defines <formosa-form> (it runs before the bundle, which is deferred).
  writeFileSync(join(site, 'record.js'), `const define = customElements.define.bind(customElements);
customElements.define = (name, ...rest) => { if (name === 'formosa-form') window.formDefinedAt = performance.now(); return define(name, ...rest); };`);
  writeFileSync(join(site, 'early.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rent subsidy</title><link rel="icon" href="data:,">
<script src="/record.js"></script><script src="/dist/formosa.min.js" defer></script></head>
<body><formosa-form src="/api/forms/rent-subsidy" locale="en"></formosa-form></body></html>`);
  agency = await startServer({
    formsDir: join(root, 'examples/forms'), database: join(mkdtempSync(join(tmpdir(), 'formosa-early-db-')), 'db.sqlite'),
    staticDirs: [{ prefix: '/dist/', dir: join(root, 'dist') }, { prefix: '/', dir: site }],
  });
});
after(async () => {
  await close();
  await agency.close();
});

test('the definition, the English pack, the storage chunk and the analytics chunk are asked for before <formosa-form> is defined', async () => {
  const { page, problems } = await open(`${agency.url}/early.html`);
  await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title')?.textContent?.includes('About you'), { timeout: 15_000 });
  const { definedAt, requests } = await page.evaluate(() => ({
    definedAt: (window as unknown as { formDefinedAt: number }).formDefinedAt,
    requests: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime] as const),
  }));
  const started = Object.fromEntries(requests);
  assert.equal(typeof definedAt, 'number');
  for (const path of ['/api/forms/rent-subsidy', '/dist/locales/en.json', '/dist/chunks/storage.js', '/dist/chunks/analytics.js']) {
    assert.ok(started[path] !== undefined, `${path} was fetched (${Object.keys(started).join(', ')})`);
    assert.ok(started[path]! < definedAt, `${path} asked for at ${started[path]!.toFixed(1)} ms, <formosa-form> defined at ${definedAt.toFixed(1)} ms`);
  }
  assert.equal(requests.filter(([p]) => p === '/api/forms/rent-subsidy').length, 1, 'the definition is fetched once');
  assert.deepEqual(problems, []);
  await page.close();
});
