// `npm run bench` puts its figures into docs/performance.md between two markers, and nowhere else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchDoc, type BenchReport } from '../bench/doc.js';

const run = (ratios: number[], date: string): BenchReport => ({
  date, browser: 'Chromium/150', cpus: 2, cpu: 'Xeon', cjkFont: true,
  results: [{ fields: 50, render: { formosaMs: 20, baselineMs: 18, ratio: 1.11 }, keystroke: { medianMs: 1.3, p95Ms: 2.8, readMedianMs: 1.3, readP95Ms: 1.8, baselineMedianMs: 0.4, toggleMedianMs: 4.7 }, validation: { medianMs: 0.1 } }],
  cold: {
    locale: 'en', repetitions: 5,
    results: ratios.map((ratio, i) => ({ fields: [50, 500, 2000][i]!, formosaMs: 100 * ratio, plainMs: 100, ratio, formosaRuns: [], plainRuns: [], litMs: 100 + 40 * i, litRuns: [], litRatio: 1 + 0.4 * i, phases: { bundleMs: 57, startMs: 90, dataMs: 108 } })),
    throttled: { form: 'rent-subsidy', profile: { cpuSlowdown: 4, latencyMs: 400, downKbps: 1600, upKbps: 750 }, medianMs: 3510, runs: [3479, 3510, 3602], plainMedianMs: 1858, plainRuns: [], transferredBytes: 109_000 },
    firstStepScripts: { budgetBytes: 61_440, totalBytes: 98_000, scripts: [{ file: 'dist/formosa.min.js', gzipBytes: 81_402 }, { file: 'dist/chunks/storage.js', gzipBytes: 16_598 }] },
  },
});

test('the figures replace what was between the markers; the prose around them stays; the last three runs give the spread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-doc-'));
  const doc = join(dir, 'performance.md');
  writeFileSync(doc, '# Performance\n\nProse before.\n\n<!-- bench:start -->\nold figures\n<!-- bench:end -->\n\nProse after.\n');
  await writeBenchDoc(run([2.1, 1.9, 1.7], '2026-12-06T10:00:00Z'), doc, join(dir, 'history.json'));
  await writeBenchDoc(run([1.8, 2.2, 1.6], '2026-12-07T10:00:00Z'), doc, join(dir, 'history.json'));
  const text = readFileSync(doc, 'utf8');
  assert.ok(text.startsWith('# Performance\n\nProse before.\n\n<!-- bench:start -->') && text.endsWith('<!-- bench:end -->\n\nProse after.\n'));
  assert.doesNotMatch(text, /old figures/);
  assert.match(text, /\| 500 \| 220 ms \| 100 ms \| 2\.20× \| 1\.90×–2\.20× \| 140 ms \(1\.40×\) \| 57 ms \/ 90 ms \/ 108 ms \|/);
  assert.match(text, /first step interactive after \*\*3\.51 s\*\*/);
  assert.match(text, /95\.7 KB gzip \(budget 60\.0 KB: over\) — `dist\/formosa\.min\.js` 79\.5 KB, `dist\/chunks\/storage\.js` 16\.2 KB/);
  assert.equal(text.match(/bench:start/g)!.length, 1);
});

test('a page without the markers is refused, not appended to', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-doc-'));
  const doc = join(dir, 'performance.md');
  writeFileSync(doc, '# Performance\n');
  await assert.rejects(writeBenchDoc(run([2, 2, 2], '2026-12-06T10:00:00Z'), doc, join(dir, 'history.json')), /no <!-- bench:start -->/);
  assert.equal(readFileSync(doc, 'utf8'), '# Performance\n');
});
