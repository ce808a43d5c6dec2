/**
 * The cold benchmark (issue 13): each measurement in a fresh browser context, from navigation to the first step
 * interactive (every input present, two frames), the bundle, definition, validator and language pack served over
 * HTTP by the reference server — Formosa's page against a plain-DOM page of the same questions, in the same run, and
 * a hand-written Lit page of them beside both (what Lit elements with shadow roots cost before any of Formosa's work);
 * and the rent-subsidy form on a throttled phone. Run by `npm run bench` after the warm figures, or alone:
 * `node --conditions=formosa-source --import tsx packages/elements/bench/cold.ts`.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser, type Viewport } from 'puppeteer-core';
import { startServer } from '@formosa/server';
import { findChromium, CHROMIUM_ARGS } from '../../../scripts/chromium.js';
import { writeColdSite, LOCALE } from './cold-site.js';

const root = new URL('../../../', import.meta.url).pathname;
export const COLD_SIZES = [50, 500, 2000];
const REPETITIONS = 5;
const THROTTLED_REPETITIONS = 3;
const DESKTOP: Viewport = { width: 1280, height: 900 };
/** A mid-range phone: its screen, its CPU four times slower than this machine's, a slow mobile network. */
const PHONE: Viewport = { width: 412, height: 915, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true };
export const PHONE_PROFILE = { cpuSlowdown: 4, latencyMs: 400, downKbps: 1600, upKbps: 750 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** After a full GC: V8's JavaScript heap, and Blink's own (Oilpan: the DOM nodes, style data) beside it. */
interface Heap { jsBytes: number; domBytes: number }
interface Measurement { ms: number; heap?: Heap; transferredBytes?: number; scripts?: string[]; phases?: Phases }
/**
 * Where a Formosa page's time went, from its resource timings: the bundle arrived (`bundleMs`), its first statement
 * ran (`startMs`: its early requests leave then, see src/early.ts), everything the first step asked for was in
 * (`dataMs`); the rest, to the first step interactive, is the start-up, the rendering, layout and two frames.
 */
export interface Phases { bundleMs: number; startMs: number; dataMs: number }

/** One page in a fresh browser context (no cache, no storage): ms from navigation to its first step interactive. */
async function measure(browser: Browser, url: string, options: { heap?: boolean; phone?: boolean } = {}): Promise<Measurement> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(options.phone ? PHONE : DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push((e as Error).message));
    const cdp = await page.createCDPSession();
    let transferredBytes = 0;
    if (options.phone) {
      cdp.on('Network.loadingFinished', (e) => (transferredBytes += e.encodedDataLength));
      const p = PHONE_PROFILE;
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpuSlowdown });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: p.latencyMs, downloadThroughput: (p.downKbps * 1000) / 8, uploadThroughput: (p.upKbps * 1000) / 8 });
    }
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    let timer: NodeJS.Timeout | undefined;
    const ms = await Promise.race([
      page.evaluate(() => (window as unknown as { firstStepInteractive: Promise<number> }).firstStepInteractive),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${url}: no first step after 120 s ${errors.join('; ')}`)), 120_000))),
    ]).finally(() => clearTimeout(timer));
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    // From the page's resource timings, up to its first step interactive: the scripts it asked for (the bundle and its
    // chunks), and its phases (see Phases).
    const { scripts, phases } = await page.evaluate((until) => {
      const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime <= until);
      const scripts = entries.map((e) => new URL(e.name).pathname).filter((path) => path.endsWith('.js'));
      const bundle = entries.find((e) => e.name.endsWith('/formosa.min.js'));
      const after = entries.filter((e) => bundle && e.startTime > bundle.responseEnd);
      if (!bundle || !after.length) return { scripts };
      const first = Math.min(...after.map((e) => e.startTime));
      // The requests the bundle's first statement sends together (definition, pack, storage, analytics).
      const batch = after.filter((e) => e.startTime <= first + 5);
      return { scripts, phases: { bundleMs: bundle.responseEnd, startMs: first, dataMs: Math.max(...batch.map((e) => e.responseEnd)) } };
    }, ms);
    if (options.phone) return { ms, transferredBytes, scripts };
    if (!options.heap) return { ms, ...(phases ? { phases } : {}) };
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, embedderHeapUsedSize } = await cdp.send('Runtime.getHeapUsage');
    return { ms, heap: { jsBytes: usedSize, domBytes: embedderHeapUsedSize }, ...(phases ? { phases } : {}) };
  } finally {
    await context.close();
  }
}

export interface ColdRow {
  fields: number;
  formosaMs: number; plainMs: number; ratio: number;
  formosaRuns: number[]; plainRuns: number[];
  /** The hand-written Lit page (cold-lit.ts): the floor of Lit elements with shadow roots; `litRatio` is ÷ plain. */
  litMs: number; litRuns: number[]; litRatio: number;
  /** Medians of Formosa's phases (see Phases). */
  phases?: Phases;
  /** Medians; the ratios of the JavaScript heap alone and of both heaps together. */
  heap?: { formosa: Heap; plain: Heap; jsRatio: number; ratio: number };
}
export interface ColdReport {
  locale: string; repetitions: number; results: ColdRow[];
  /** `transferredBytes`: what crossed the network until the first step was interactive (compressed where the server compresses). */
  throttled: { form: string; profile: typeof PHONE_PROFILE; medianMs: number; runs: number[]; plainMedianMs: number; plainRuns: number[]; transferredBytes: number };
  /** Issue 13's budget for the JavaScript of the rent subsidy's first step, and what it took: each script's gzip size (dist/sizes.json). */
  firstStepScripts: { budgetBytes: number; totalBytes: number; scripts: { file: string; gzipBytes: number }[] };
}

/** 60 KB gzip: the JavaScript a citizen's phone fetches and runs before the rent subsidy's first step (issue 13). */
export const FIRST_STEP_BUDGET = 60 * 1024;

/** The gzip size of each script a page fetched, read from the build's dist/sizes.json (the validator module is the server's). */
async function scriptSizes(paths: readonly string[]): Promise<ColdReport['firstStepScripts']> {
  const sizes = JSON.parse(await readFile(join(root, 'dist/sizes.json'), 'utf8')) as Record<string, { gzip: number }>;
  const scripts = [...new Set(paths)].filter((p) => p.startsWith('/dist/')).map((p) => ({ file: p.slice(1), gzipBytes: sizes[p.slice(1)]?.gzip ?? NaN }));
  return { budgetBytes: FIRST_STEP_BUDGET, totalBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0), scripts };
}

export async function runCold(browser: Browser): Promise<ColdReport> {
  if (!existsSync(join(root, 'dist/formosa.min.js'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const { forms, site, pages } = await writeColdSite(join(root, '.bench/cold'), COLD_SIZES, join(root, 'examples/forms/rent-subsidy.json'));
  // No MyData connector: the server answers {offered: false} and the rent subsidy opens on its first step.
  const server = await startServer({
    formsDir: forms,
    database: join(mkdtempSync(join(tmpdir(), 'formosa-cold-')), 'bench.sqlite'),
    staticDirs: [{ prefix: '/dist/', dir: join(root, 'dist') }, { prefix: '/', dir: site }],
  });
  try {
    // The server compiles each validator once, in its worker: done before any page is timed.
    for (const id of Object.keys(pages)) await (await fetch(`${server.url}/api/forms/${id}/validator.js`)).text();
    await measure(browser, server.url + pages['bench-50']!.plain); // the browser's own first start, timed by no one
    await measure(browser, server.url + pages['bench-50']!.formosa);
    const results: ColdRow[] = [];
    for (const n of COLD_SIZES) {
      console.log(`… cold, ${n} fields`);
      const page = pages[`bench-${n}`]!;
      const formosa: Measurement[] = [];
      const plain: Measurement[] = [];
      const lit: number[] = [];
      const heap = n === COLD_SIZES.at(-1);
      for (let i = 0; i < REPETITIONS; i++) {
        plain.push(await measure(browser, server.url + page.plain, { heap }));
        lit.push((await measure(browser, server.url + page.lit)).ms);
        formosa.push(await measure(browser, server.url + page.formosa, { heap }));
      }
      const row: ColdRow = {
        fields: n,
        formosaMs: median(formosa.map((m) => m.ms)), plainMs: median(plain.map((m) => m.ms)), ratio: 0,
        formosaRuns: formosa.map((m) => m.ms), plainRuns: plain.map((m) => m.ms),
        litMs: median(lit), litRuns: lit, litRatio: 0,
      };
      row.ratio = row.formosaMs / row.plainMs;
      row.litRatio = row.litMs / row.plainMs;
      const phased = formosa.flatMap((m) => (m.phases ? [m.phases] : []));
      if (phased.length) row.phases = { bundleMs: median(phased.map((p) => p.bundleMs)), startMs: median(phased.map((p) => p.startMs)), dataMs: median(phased.map((p) => p.dataMs)) };
      if (heap) {
        const heapOf = (ms: Measurement[]): Heap => ({ jsBytes: median(ms.map((m) => m.heap!.jsBytes)), domBytes: median(ms.map((m) => m.heap!.domBytes)) });
        const [f, p] = [heapOf(formosa), heapOf(plain)];
        row.heap = { formosa: f, plain: p, jsRatio: f.jsBytes / p.jsBytes, ratio: (f.jsBytes + f.domBytes) / (p.jsBytes + p.domBytes) };
      }
      results.push(row);
    }
    console.log('… cold, the rent subsidy on a throttled phone');
    const runs: number[] = [];
    const plainRuns: number[] = [];
    let transferredBytes = 0;
    let scripts: string[] = [];
    for (let i = 0; i < THROTTLED_REPETITIONS; i++) {
      plainRuns.push((await measure(browser, server.url + pages['rent-subsidy']!.plain, { phone: true })).ms);
      const run = await measure(browser, server.url + pages['rent-subsidy']!.formosa, { phone: true });
      runs.push(run.ms);
      transferredBytes = run.transferredBytes!;
      scripts = run.scripts!;
    }
    return {
      locale: LOCALE, repetitions: REPETITIONS, results,
      throttled: { form: 'rent-subsidy', profile: PHONE_PROFILE, medianMs: median(runs), runs, plainMedianMs: median(plainRuns), plainRuns, transferredBytes },
      firstStepScripts: await scriptSizes(scripts),
    };
  } finally {
    await server.close();
  }
}

export function printCold(cold: ColdReport): void {
  const f = (x: number) => x.toFixed(0).padStart(6);
  console.log(`cold: fresh browser context per page, navigation to first step interactive, locale ${cold.locale}, medians of ${cold.repetitions}`);
  console.log('fields | Formosa | plain DOM | ratio | hand-written Lit (÷ plain) | heap (JavaScript + DOM) Formosa / plain');
  for (const r of cold.results) {
    const mb = (h: Heap) => `${(h.jsBytes / 1e6).toFixed(1)} + ${(h.domBytes / 1e6).toFixed(1)} MB`;
    const heap = r.heap ? ` | ${mb(r.heap.formosa)} / ${mb(r.heap.plain)} = ${r.heap.ratio.toFixed(2)}× (JavaScript alone ${r.heap.jsRatio.toFixed(2)}×)` : '';
    const p = r.phases;
    const phases = p ? ` | bundle in ${p.bundleMs.toFixed(0)}, first statement ${p.startMs.toFixed(0)}, data in ${p.dataMs.toFixed(0)} ms` : '';
    console.log(`${String(r.fields).padStart(6)} | ${f(r.formosaMs)} ms | ${f(r.plainMs)} ms | ${r.ratio.toFixed(2)}× | ${f(r.litMs)} ms (${r.litRatio.toFixed(2)}×)${heap}${phases}`);
  }
  const t = cold.throttled;
  const p = t.profile;
  const js = cold.firstStepScripts;
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  console.log(`${t.form}'s first step: ${kb(js.totalBytes)} gzip of JavaScript (budget ${kb(js.budgetBytes)}${js.totalBytes > js.budgetBytes ? ', over' : ''}): ${js.scripts.map((x) => `${x.file} ${kb(x.gzipBytes)}`).join(', ')}`);
  console.log(`${t.form} on a phone (CPU ${p.cpuSlowdown}× slower, ${p.latencyMs} ms, ${p.downKbps}/${p.upKbps} kbps): first step interactive ${f(t.medianMs)} ms (runs ${t.runs.map((x) => x.toFixed(0)).join(', ')}); its plain-DOM page ${t.plainMedianMs.toFixed(0)} ms; ${(t.transferredBytes / 1000).toFixed(0)} KB transferred`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const chromium = await findChromium();
  const browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS });
  try {
    const cold = await runCold(browser);
    printCold(cold);
    await writeFile(join(root, '.bench/cold.json'), JSON.stringify({ date: new Date().toISOString(), browser: await browser.version(), cold }, null, 2));
  } finally {
    await browser.close();
  }
}
