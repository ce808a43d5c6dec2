/**
 * `npm run bench`: renders generated forms of 50, 500 and 2,000 fields in headless Chromium, with Formosa and as
 * plain DOM in the same page and run (warm), then each in a fresh browser context (cold, cold.ts), and writes the
 * medians to .bench/latest.json and docs/performance.md (between its bench markers, see doc.ts).
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
import { runCold, printCold } from './cold.js';
import { writeBenchDoc, type BenchReport } from './doc.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
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
const stepped = generateDefinition(2000, { steps: 20 });
await writeFile(join(out, 'def-2000-steps.json'), JSON.stringify(stepped));
await writeFile(join(out, 'validator-2000-steps.js'), await compileStandaloneValidator(stepped.schema));

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
  console.log(`… ${n} fields`);
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/bench.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => 'bench' in window);
  const repetitions = n >= 2000 ? 7 : 11;
  results.push(await page.evaluate((size, reps) => (window as unknown as { bench: { run: (n: number, r: number) => Promise<unknown> } }).bench.run(size, reps), n, repetitions));
  await page.close();
}
// Drafts: what autosave costs the main thread per keystroke (the browser's own counter of task time, TaskDuration,
// over typing sessions with drafts on and off), and a 2,000-field draft coming back.
console.log('… drafts');
const draftPage = await browser.newPage();
await draftPage.setViewport({ width: 1280, height: 900 });
draftPage.on('pageerror', (e) => console.error(e));
await draftPage.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/bench.html`, { waitUntil: 'load' });
await draftPage.waitForFunction(() => 'bench' in window);
const cdp = await draftPage.createCDPSession();
await cdp.send('Performance.enable');
const taskMs = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value as number) * 1000;
type Typing = { keystrokes: number; saves: number; medianMs: number; p95Ms: number };
const sessions: Record<'auto' | 'off', (Typing & { taskMs: number })[]> = { auto: [], off: [] };
for (const draft of ['off', 'auto', 'off', 'auto', 'off', 'auto'] as const) {
  await draftPage.evaluate((d) => (window as unknown as { bench: { prepareTyping: (d: string) => Promise<void> } }).bench.prepareTyping(d), draft);
  const before = await taskMs();
  const typed = (await draftPage.evaluate(() => (window as unknown as { bench: { typing: (n: number) => Promise<Typing> } }).bench.typing(60))) as Typing;
  sessions[draft].push({ ...typed, taskMs: (await taskMs()) - before });
}
const restored = (await draftPage.evaluate(() => (window as unknown as { bench: { restore: (r: number) => Promise<unknown> } }).bench.restore(7))) as { medianMs: number; p95Ms: number; freshStepMedianMs: number };
await draftPage.close();
const perKeystroke = (mode: 'auto' | 'off') => median(sessions[mode].map((s) => s.taskMs / s.keystrokes));
const drafts = {
  fields: 2000, steps: 20,
  keystroke: {
    autoP95Ms: median(sessions.auto.map((s) => s.p95Ms)), offP95Ms: median(sessions.off.map((s) => s.p95Ms)),
    mainThreadPerKeystrokeAutoMs: perKeystroke('auto'), mainThreadPerKeystrokeOffMs: perKeystroke('off'),
    autosavePerKeystrokeMs: perKeystroke('auto') - perKeystroke('off'), savesPerSession: median(sessions.auto.map((s) => s.saves)),
  },
  restore: restored,
};
server.close();
const cold = await runCold(browser);
const report = { date: new Date().toISOString(), browser: await browser.version(), cpus: cpus().length, cpu: cpus()[0]?.model, cjkFont, results, drafts, cold };
await browser.close();
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
const d = drafts.keystroke;
console.log(`drafts at 2,000 fields (20 steps), 60 keystrokes 80 ms apart: keystroke p95 ${d.autoP95Ms.toFixed(1)} ms with autosave, ${d.offP95Ms.toFixed(1)} ms without; main thread per keystroke ${d.mainThreadPerKeystrokeAutoMs.toFixed(2)} ms with, ${d.mainThreadPerKeystrokeOffMs.toFixed(2)} ms without: autosave ${d.autosavePerKeystrokeMs.toFixed(2)} ms per keystroke (${d.savesPerSession} saves per session; target ≤ 1 ms)`);
console.log(`a full 2,000-answer draft back at step 10: ${drafts.restore.medianMs.toFixed(1)} ms (p95 ${drafts.restore.p95Ms.toFixed(1)}; target ≤ 150 ms); the same step without a draft ${drafts.restore.freshStepMedianMs.toFixed(1)} ms`);
printCold(cold);
await writeBenchDoc(report as BenchReport, new URL('../../../docs/performance.md', import.meta.url).pathname, join(out, 'history.json'));
console.log('written to .bench/latest.json and docs/performance.md');
