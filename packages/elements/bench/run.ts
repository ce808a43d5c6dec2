/**
 * `npm run bench`: renders generated forms of 50, 500 and 2,000 fields in headless Chromium, with Formosa and as
 * plain DOM in the same page and run, and writes the medians to .bench/latest.json.
 */
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { compileStandaloneValidator } from '@formosa/schema/node';
import { generateDefinition } from './generate.js';
import { findChromium, CHROMIUM_ARGS } from '../../../scripts/chromium.js';

const SIZES = [50, 500, 2000];

// Without a CJK font, Chromium's glyph fallback for Chinese text dominates layout (≈15 ms per shown field here):
// citizens' devices always have one, so the numbers are only realistic with one installed (Debian: fonts-noto-cjk).
const cjkFont = (() => {
  try {
    return execFileSync('fc-list', [':lang=zh-tw', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
})();
if (!cjkFont) console.warn('No CJK font found (fc-list :lang=zh-tw): install fonts-noto-cjk for realistic layout times.');
const out = new URL('../../../.bench/', import.meta.url).pathname;
const here = new URL('./', import.meta.url).pathname;

await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, 'page.ts')], bundle: true, format: 'esm', target: 'es2022', minify: true, outfile: join(out, 'page.js'),
  conditions: ['formosa-source', 'production'], tsconfig: new URL('../../../tsconfig.json', import.meta.url).pathname, logLevel: 'error',
});
await copyFile(join(here, 'bench.html'), join(out, 'bench.html'));
await copyFile(join(here, 'baseline.css'), join(out, 'baseline.css'));
for (const n of SIZES) {
  const definition = generateDefinition(n);
  await writeFile(join(out, `def-${n}.json`), JSON.stringify(definition));
  await writeFile(join(out, `validator-${n}.js`), await compileStandaloneValidator(definition.schema));
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const file = join(out, new URL(req.url!, 'http://x').pathname);
  const body = await readFile(file).catch(() => undefined);
  res.writeHead(body ? 200 : 404, { 'content-type': types[extname(file)] ?? 'text/plain' }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const chromium = await findChromium();
const browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS });
const results = [];
for (const n of SIZES) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (e) => console.error(e));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/bench.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => 'bench' in window);
  const repetitions = n >= 2000 ? 7 : 11;
  results.push(await page.evaluate((size, reps) => (window as unknown as { bench: { run: (n: number, r: number) => Promise<unknown> } }).bench.run(size, reps), n, repetitions));
  await page.close();
}
const report = { date: new Date().toISOString(), browser: await browser.version(), cpus: cpus().length, cpu: cpus()[0]?.model, cjkFont, results };
await browser.close();
server.close();
await writeFile(join(out, 'latest.json'), JSON.stringify(report, null, 2));

type Row = {
  fields: number;
  render: { formosaMs: number; baselineMs: number; ratio: number };
  keystroke: { medianMs: number; p95Ms: number; readMedianMs: number; readP95Ms: number; baselineMedianMs: number; toggleMedianMs: number };
  validation: { medianMs: number };
};
console.log(`${report.browser}, ${report.cpus} × ${report.cpu}, CJK font: ${cjkFont ? 'yes' : 'NO'}`);
console.log('fields | render Formosa | plain DOM | ratio | keystroke median / p95 | …in an answer a rule reads | plain keystroke | show/hide | validate');
for (const r of results as Row[]) {
  const f = (x: number) => x.toFixed(1).padStart(6);
  const k = r.keystroke;
  console.log(
    `${String(r.fields).padStart(6)} | ${f(r.render.formosaMs)} ms | ${f(r.render.baselineMs)} ms | ${r.render.ratio.toFixed(2)}× | ${f(k.medianMs)} / ${k.p95Ms.toFixed(1)} ms | ${f(k.readMedianMs)} / ${k.readP95Ms.toFixed(1)} ms | ${f(k.baselineMedianMs)} ms | ${f(k.toggleMedianMs)} ms | ${f(r.validation.medianMs)} ms`,
  );
}
console.log(`written to .bench/latest.json`);
