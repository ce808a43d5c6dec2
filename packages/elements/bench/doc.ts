/**
 * Writes the latest `npm run bench` figures into docs/performance.md, between the markers `<!-- bench:start -->` and
 * `<!-- bench:end -->` (the prose around them is the people's; the tables are the run's), and keeps the cold ratios of
 * every run in .bench/history.json so the page can say how far apart the last three were.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { ColdReport } from './cold.js';

export interface WarmRow {
  fields: number;
  render: { formosaMs: number; baselineMs: number; ratio: number };
  keystroke: { medianMs: number; p95Ms: number; readMedianMs: number; readP95Ms: number; baselineMedianMs: number; toggleMedianMs: number };
  validation: { medianMs: number };
}
export interface BenchReport { date: string; browser: string; cpus: number; cpu: string | undefined; cjkFont: boolean; results: WarmRow[]; cold: ColdReport }

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const ratio = (x: number) => `${x.toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The markdown of one run: cold and warm, the throttled phone, the first step's JavaScript. */
export function benchMarkdown(report: BenchReport, history: readonly { date: string; ratios: number[] }[]): string {
  const { cold } = report;
  const last = history.slice(-3);
  const spread = (i: number) => (last.length < 2 ? '' : `${ratio(Math.min(...last.map((h) => h.ratios[i]!)))}–${ratio(Math.max(...last.map((h) => h.ratios[i]!)))}`);
  const lines = [
    START,
    `<!-- Written by \`npm run bench\` (packages/elements/bench/doc.ts); edit the prose outside these markers. -->`,
    `Run of ${report.date.slice(0, 10)}: ${report.browser}, ${report.cpus} × ${report.cpu ?? 'CPU'}, CJK font ${report.cjkFont ? 'installed' : 'MISSING'}.`,
    '',
    `**Cold** (a fresh browser context per page, navigation to the first step interactive, medians of ${cold.repetitions}, locale ${cold.locale}; the last column: the ratio's range over the last ${last.length} runs):`,
    '',
    '| fields | Formosa | plain DOM | ratio | last runs | hand-written Lit (÷ plain) | Formosa: bundle in / first statement / data in |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...cold.results.map((r, i) => {
      const p = r.phases;
      return `| ${r.fields.toLocaleString('en')} | ${ms(r.formosaMs)} | ${ms(r.plainMs)} | ${ratio(r.ratio)} | ${spread(i)} | ${ms(r.litMs)} (${ratio(r.litRatio)}) | ${p ? `${ms(p.bundleMs)} / ${ms(p.startMs)} / ${ms(p.dataMs)}` : ''} |`;
    }),
  ];
  const heap = cold.results.find((r) => r.heap)?.heap;
  if (heap) {
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    lines.push('', `Heap after the ${cold.results.at(-1)!.fields.toLocaleString('en')}-field first step (JavaScript + DOM): Formosa ${mb(heap.formosa.jsBytes)} + ${mb(heap.formosa.domBytes)}, plain ${mb(heap.plain.jsBytes)} + ${mb(heap.plain.domBytes)}: **${ratio(heap.ratio)}**.`);
  }
  const t = cold.throttled;
  const p = t.profile;
  lines.push(
    '',
    `**The rent subsidy on a phone** (CPU ${p.cpuSlowdown}× slower, ${p.latencyMs} ms round trips, ${p.downKbps} / ${p.upKbps} kbps): first step interactive after **${(t.medianMs / 1000).toFixed(2)} s** (runs ${t.runs.map((x) => (x / 1000).toFixed(2)).join(', ')} s; its plain-DOM page ${(t.plainMedianMs / 1000).toFixed(2)} s), ${kb(t.transferredBytes)} transferred.`,
  );
  const js = cold.firstStepScripts;
  lines.push(
    '',
    `**JavaScript of the rent subsidy's first step**: ${kb(js.totalBytes)} gzip (budget ${kb(js.budgetBytes)}${js.totalBytes > js.budgetBytes ? ': over' : ''}) — ${js.scripts.map((s) => `\`${s.file}\` ${kb(s.gzipBytes)}`).join(', ')}.`,
    '',
    '**Warm** (one long-lived page, code already compiled; render from creating the form to every field rendered):',
    '',
    '| fields | render Formosa | plain DOM | ratio | keystroke median / p95 | …in an answer a rule reads | plain keystroke | show/hide | validate |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.results.map((r) => {
      const k = r.keystroke;
      return `| ${r.fields.toLocaleString('en')} | ${ms(r.render.formosaMs)} | ${ms(r.render.baselineMs)} | ${ratio(r.render.ratio)} | ${k.medianMs.toFixed(1)} / ${k.p95Ms.toFixed(1)} ms | ${k.readMedianMs.toFixed(1)} / ${k.readP95Ms.toFixed(1)} ms | ${ms(k.baselineMedianMs)} | ${ms(k.toggleMedianMs)} | ${ms(r.validation.medianMs)} |`;
    }),
    END,
  );
  return lines.join('\n');
}

/** Puts this run's figures into the page (between the markers, which must be there) and its ratios in the history. */
export async function writeBenchDoc(report: BenchReport, docPath: string, historyPath: string): Promise<void> {
  const history = JSON.parse(await readFile(historyPath, 'utf8').catch(() => '[]')) as { date: string; ratios: number[] }[];
  history.push({ date: report.date, ratios: report.cold.results.map((r) => r.ratio) });
  await writeFile(historyPath, JSON.stringify(history.slice(-20), null, 2));
  const doc = await readFile(docPath, 'utf8');
  const [start, end] = [doc.indexOf(START), doc.indexOf(END)];
  if (start < 0 || end < start) throw new Error(`${docPath} has no ${START} … ${END} section for the figures`);
  await writeFile(docPath, doc.slice(0, start) + benchMarkdown(report, history) + doc.slice(end + END.length));
}
