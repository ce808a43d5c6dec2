/**
 * `npm run bench:hostile`: what hostile input costs the reference server, and how fast big but honest definitions
 * load. Writes .bench/hostile.json and prints:
 * - the CPU time the server spends on one request with a 1 MB hostile body, per attack (mean of 10, from the
 *   server process's own CPU counters), and the worst of them (target: at most 100 ms);
 * - the latency of a health probe every 10 ms while four clients attack without pause (p50, p99; target p99 under
 *   100 ms), and whether the server kept answering;
 * - `^(a+)+$` against 10,000 characters, in the engine ajv runs patterns with;
 * - a 5,000-field definition: loading it (the gate), starting the server with it, and, in Chromium, from navigation
 *   to its first step interactive (targets: server start within 2 s, the page within 1 s).
 */
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { mkdirSync, mkdtempSync, readFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDefinition, compilePattern } from '@formosa/schema';
import puppeteer from 'puppeteer-core';
import { generateDefinition } from '../../elements/bench/generate.js';
import { findChromium, CHROMIUM_ARGS } from '../../../scripts/chromium.js';

const root = new URL('../../../', import.meta.url).pathname;
const forms = mkdtempSync(join(tmpdir(), 'formosa-bench-forms-'));
copyFileSync(join(root, 'examples/forms/rent-subsidy.json'), join(forms, 'rent-subsidy.json'));
const T = (text: string) => ({ 'zh-Hant-TW': text, en: text });
writeFileSync(join(forms, 'patterned.json'), JSON.stringify({
  formatVersion: 1, id: 'patterned', version: '1', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'], title: T('Patterned'),
  schema: { type: 'object', properties: { name: { type: 'string', maxLength: 2_000_000, pattern: '^(a+)+$' } } },
  steps: [{ id: 'one', title: T('One'), items: [{ field: '/name', label: T('Name') }] }],
  submission: { endpoint: '/api/forms/patterned/submissions' },
}));
const big = generateDefinition(5000, { steps: 50, endpoint: '/api/forms/bench-5000/submissions' });
const bigText = JSON.stringify(big);
writeFileSync(join(forms, 'bench-5000.json'), bigText);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

// The gate on the 5,000-field definition, in this process.
const gate: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const result = loadDefinition(bigText);
  gate.push(performance.now() - t);
  if (!result.ok) throw new Error(`the bench definition has problems: ${JSON.stringify(result.problems.slice(0, 3))}`);
}

// ^(a+)+$ against 10,000 characters.
const pattern = compilePattern('^(a+)+$');
const redos: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  pattern.test('a'.repeat(10_000) + '!');
  redos.push(performance.now() - t);
}

/** The server, in a child process. */
async function start(extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--conditions=formosa-source', '--import', 'tsx', join(root, 'packages/server/bench/serve.ts')], {
    env: { ...process.env, BENCH_FORMS: forms, BENCH_DB: join(mkdtempSync(join(tmpdir(), 'formosa-bench-db-')), 'db.sqlite'), ...extra },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  const { url, startMs } = JSON.parse(line) as { url: string; startMs: number };
  /** CPU milliseconds the server process has used (user + system), from /proc. */
  const cpu = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  };
  return { url, startMs, cpu, child, stop: () => child.kill() };
}

const MB = 1_000_000;
const attacks: { name: string; path: string; type?: string; body: () => string | Buffer }[] = [
  { name: 'a repeat of 333,000 entries (10 allowed)', path: 'rent-subsidy', body: () => JSON.stringify({ household: { composition: 'with-family', members: Array.from({ length: 330_000 }, () => ({})) } }) },
  { name: '90,000 answers no field asks for', path: 'rent-subsidy', body: () => JSON.stringify({ applicant: Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`k${i}`, 1])) }) },
  { name: 'a 1 MB answer to ^(a+)+$', path: 'patterned', body: () => JSON.stringify({ name: 'a'.repeat(MB - 20) + '!' }) },
  { name: 'a 1 MB name (maxLength 50)', path: 'rent-subsidy', body: () => JSON.stringify({ applicant: { name: '林'.repeat(MB / 3 - 20) } }) },
  { name: 'arrays nested 490,000 deep', path: 'rent-subsidy', body: () => '['.repeat(490_000) + ']'.repeat(490_000) },
  { name: 'objects nested 150,000 deep', path: 'rent-subsidy', body: () => '{"a":'.repeat(150_000) + '1' + '}'.repeat(150_000) },
  { name: 'invalid UTF-8, 1 MB', path: 'rent-subsidy', body: () => Buffer.alloc(MB - 1, 0xff) },
  { name: '__proto__ keys, 1 MB', path: 'rent-subsidy', body: () => '{' + Array.from({ length: 25_000 }, (_, i) => `"__proto__${i}": {"__proto__": 1}`).join(',') + '}' },
  { name: 'NUL-laden names beside 1 MB of padding', path: 'rent-subsidy', body: () => JSON.stringify({ household: { members: Array.from({ length: 10 }, () => ({ name: '\u0000'.repeat(49) })) }, pad: 'x'.repeat(MB - 5000) }) },
];

const server = await start({ BENCH_NO_LIMITS: '1' });
const post = (form: string, body: string | Buffer) =>
  fetch(`${server.url}/api/forms/${form}/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : new Uint8Array(body) }).then(async (r) => (await r.arrayBuffer(), r.status));
const perAttack = [];
for (const attack of attacks) {
  const body = attack.body();
  const statuses = new Set<number>();
  const walls: number[] = [];
  await post(attack.path, body); // warm
  const before = server.cpu();
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    statuses.add(await post(attack.path, body));
    walls.push(performance.now() - t);
  }
  perAttack.push({ name: attack.name, bytes: Buffer.byteLength(body), cpuMs: (server.cpu() - before) / 10, wallMedianMs: median(walls), statuses: [...statuses] });
}

// A health probe every 10 ms while four clients send the costliest attack without pause.
const costliest = attacks[perAttack.reduce((worst, a, i) => (a.cpuMs > perAttack[worst]!.cpuMs ? i : worst), 0)]!;
const body = costliest.body();
// The attackers run in a thread of their own, so the probe's figures are the server's, not this event loop's.
const attackers = new Worker(
  `const { parentPort, workerData: { url, body } } = require('node:worker_threads');
  let attacking = true, sent = 0;
  parentPort.once('message', () => { attacking = false; });
  const attack = async () => { while (attacking) { await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.arrayBuffer()).catch(() => 0); sent++; } };
  Promise.all([attack(), attack(), attack(), attack()]).then(() => parentPort.postMessage(sent));`,
  { eval: true, workerData: { url: `${server.url}/api/forms/${costliest.path}/submissions`, body } },
);
const attacked = new Promise<number>((resolve) => attackers.once('message', resolve));
await new Promise((resolve) => setTimeout(resolve, 200));
const probes: number[] = [];
let failedProbes = 0;
const until = performance.now() + 5000;
while (performance.now() < until) {
  const t = performance.now();
  const ok = await fetch(`${server.url}/api/health`).then((r) => r.ok).catch(() => false);
  if (!ok) failedProbes++;
  probes.push(performance.now() - t);
  await new Promise((resolve) => setTimeout(resolve, 10));
}
attackers.postMessage('stop');
const sentDuringProbe = await attacked;
await attackers.terminate();
const alive = await fetch(`${server.url}/api/health`).then((r) => r.ok).catch(() => false);
server.stop();

// Starting the server with the 5,000-field definition (and two others), five times.
const starts: number[] = [];
for (let i = 0; i < 5; i++) {
  const s = await start();
  starts.push(s.startMs);
  s.stop();
}

// In Chromium: from navigation to the first step of the 5,000-field form interactive, five fresh pages.
const site = await start({ BENCH_STATIC: JSON.stringify([{ prefix: '/dist/', dir: join(root, 'dist') }, { prefix: '/', dir: join(root, 'examples/site') }]) });
const chromium = await findChromium();
const browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS });
const firstStep: number[] = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(`${site.url}/form.html?id=bench-5000&lang=en`);
  await page.waitForFunction(() => {
    const root = document.querySelector('formosa-form')?.shadowRoot;
    return root?.querySelector('.step-title') && root.querySelectorAll('[data-path]').length >= 50;
  }, { timeout: 30_000 });
  firstStep.push(await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))));
  await context.close();
}
await browser.close();
site.stop();

const report = {
  date: new Date().toISOString(),
  attacks: perAttack,
  worstCpuMs: Math.max(...perAttack.map((a) => a.cpuMs)),
  probe: { during: costliest.name, attacksSent: sentDuringProbe, probes: probes.length, failed: failedProbes, p50Ms: percentile(probes, 0.5), p99Ms: percentile(probes, 0.99), serverAlive: alive },
  pattern: { pattern: '^(a+)+$', characters: 10_000, medianMs: median(redos) },
  big: { fields: 5000, steps: 50, textBytes: bigText.length, gateMedianMs: median(gate), serverStartMedianMs: median(starts), browserFirstStepMedianMs: median(firstStep) },
};
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench/hostile.json'), JSON.stringify(report, null, 2));
const f = (x: number) => x.toFixed(1);
console.log('attack (1 MB body)                       | server CPU per request | answered');
for (const a of perAttack) console.log(`${a.name.padEnd(40)} | ${f(a.cpuMs).padStart(8)} ms | ${a.statuses.join(', ')} in ${f(a.wallMedianMs)} ms`);
console.log(`worst CPU per 1 MB hostile request: ${f(report.worstCpuMs)} ms (target ≤ 100 ms)`);
console.log(`health probe during "${costliest.name}" ×4 (${sentDuringProbe} attacks): p50 ${f(report.probe.p50Ms)} ms, p99 ${f(report.probe.p99Ms)} ms, ${failedProbes} failed of ${probes.length}; server alive: ${alive}`);
console.log(`^(a+)+$ against 10,000 characters: ${f(report.pattern.medianMs)} ms`);
console.log(`5,000 fields over 50 steps (${(bigText.length / 1e6).toFixed(1)} MB): gate ${f(report.big.gateMedianMs)} ms, server start ${f(report.big.serverStartMedianMs)} ms, first step in Chromium ${f(report.big.browserFirstStepMedianMs)} ms`);
console.log('written to .bench/hostile.json');
