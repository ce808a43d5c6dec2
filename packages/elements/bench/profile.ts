/**
 * Where a cold first step's script time goes, by function: the cold benchmark's page of `<fields>` fields, loaded with
 * the readable ES build (dist/formosa.js, so functions keep their names) in a fresh browser context, profiled by V8's
 * sampling profiler from navigation to the first step interactive (a first load warms the browser and is not counted).
 * `node --conditions=formosa-source --import tsx packages/elements/bench/profile.ts 50`
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer } from '@formosa/server';
import { findChromium, CHROMIUM_ARGS } from '../../../scripts/chromium.js';
import { writeColdSite } from './cold-site.js';

const root = new URL('../../../', import.meta.url).pathname;
const fields = Number(process.argv[2] ?? 50);
const { forms, site, pages } = await writeColdSite(join(root, '.bench/profile'), [fields], join(root, 'examples/forms/rent-subsidy.json'));
const page = `bench-${fields}-es.html`;
writeFileSync(join(site, page), readFileSync(join(site, `bench-${fields}.html`), 'utf8').replace('<script src="/dist/formosa.min.js" defer></script>', '<script type="module" src="/dist/formosa.js"></script>'));
const server = await startServer({ formsDir: forms, database: join(mkdtempSync(join(tmpdir(), 'formosa-profile-')), 'db.sqlite'), staticDirs: [{ prefix: '/dist/', dir: join(root, 'dist') }, { prefix: '/', dir: site }] });
for (const id of Object.keys(pages)) await (await fetch(`${server.url}/api/forms/${id}/validator.js`)).text();
const chromium = await findChromium();
const browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS });
try {
  for (const counted of [false, true]) {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    const cdp = await tab.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.goto(`${server.url}/${page}`, { waitUntil: 'domcontentloaded' });
    const ms = await tab.evaluate(() => (window as unknown as { firstStepInteractive: Promise<number> }).firstStepInteractive);
    const { profile } = await cdp.send('Profiler.stop');
    await context.close();
    if (!counted) continue;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
    const name = (id: number) => {
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      return `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    };
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    profile.samples!.forEach((sample, i) => {
      const us = profile.timeDeltas![i]!;
      self.set(name(sample), (self.get(name(sample)) ?? 0) + us);
      // A function's total counts each sample once, however deep it recurses.
      const seen = new Set<string>();
      for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) seen.add(name(id));
      for (const key of seen) total.set(key, (total.get(key) ?? 0) + us);
    });
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`).join('\n');
    console.log(`${fields} fields: first step interactive after ${ms.toFixed(0)} ms (the readable build, profiled)\nself time:\n${top(self, 25)}\ntotal time:\n${top(total, 40)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
