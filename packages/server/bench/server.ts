/**
 * `npm run bench:server`: validated submissions per second and their latency (p50, p99) for the rent-subsidy form,
 * on SQLite and on PostgreSQL, with one and with two server instances. Each instance is a process of its own
 * (bench/serve.ts), the load generator another (bench/load.ts). PostgreSQL is a throwaway cluster with its
 * durability on (fsync, synchronous commit), as SQLite's `synchronous = FULL` is: every 201 is on disk.
 * Writes .bench/server.json. Goal (issue 12): at least 2,000/s on SQLite with p99 under 50 ms.
 *
 * Environment: BENCH_SECONDS (measured, 10), BENCH_WARMUP (3), BENCH_CONCURRENCY (32), BENCH_ONLY (`sqlite`,
 * `postgres`, `sqlite-2`, …: the runs whose name starts with it), BENCH_PROFILE (a folder: the servers write
 * V8 CPU profiles there, `--cpu-prof`), BENCH_SERVE (a start script printing `{"url"}` to run instead of bench/serve.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, getPriority, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormEngine } from '@formosa/engine';
import { answers, example } from '../../../examples/fixtures.js';
import { startPostgres } from '../test/postgres.js';
import type { LoadResult, LoadTask } from './load.js';

const root = new URL('../../../', import.meta.url).pathname;
const FORM = 'rent-subsidy';
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const warmup = Number(process.env['BENCH_WARMUP'] ?? 3);
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 32);
const only = process.env['BENCH_ONLY'] ?? '';
/**
 * Leases uploaded per run (each is a write too, and unmeasured): enough for 3,000 submissions a second on SQLite and
 * 1,000 on PostgreSQL, warm-up included; a run that uses them up ends early and says so (`ranOut`).
 */
const uploadsFor = (store: Run['store']) => Number(process.env['BENCH_UPLOADS'] ?? (seconds + warmup) * (store === 'sqlite' ? 3000 : 1000));

const forms = mkdtempSync(join(tmpdir(), 'formosa-bench-forms-'));
copyFileSync(join(root, 'examples/forms/rent-subsidy.json'), join(forms, 'rent-subsidy.json'));

/** A complete application, as the browser sends it (the lease a placeholder until the load generator uploads its own). */
function application(): LoadTask['application'] {
  const engine = new FormEngine(example(FORM));
  const placeholder = { id: 'placeholder', name: 'lease.pdf', type: 'application/pdf', size: 1 };
  const state = answers(FORM, () => placeholder).reduce((s, [path, value]) => engine.change(s, path, value), engine.init());
  return engine.data(state) as LoadTask['application'];
}

/** Runs a script of this folder under tsx, from source; resolves with its first line of output. */
function node(script: string, args: string[], env: Record<string, string> = {}): { child: ChildProcess; line: Promise<string> } {
  const profile = script === 'serve.ts' && process.env['BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`] : [];
  // BENCH_SERVE: another server start script (an earlier commit's sources, to compare under the same conditions).
  const path = script === 'serve.ts' && process.env['BENCH_SERVE'] ? process.env['BENCH_SERVE'] : join(root, 'packages/server/bench', script);
  const child = spawn(process.execPath, [...profile, '--conditions=formosa-source', '--import', 'tsx', path, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('\n')) resolve(text.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before answering`)));
  });
  return { child, line };
}

interface Run extends LoadResult {
  readonly name: string;
  readonly store: 'sqlite' | 'postgres';
  readonly instances: number;
}

async function measure(name: string, store: Run['store'], instances: number, database: string): Promise<Run> {
  const servers: ChildProcess[] = [];
  try {
    const urls: string[] = [];
    // One after the other: each migrates the database at start.
    for (let i = 0; i < instances; i++) {
      const { child, line } = node('serve.ts', [], { BENCH_FORMS: forms, BENCH_DB: database, BENCH_NO_LIMITS: '1' });
      servers.push(child);
      urls.push((JSON.parse(await line) as { url: string }).url);
    }
    const task: LoadTask = { urls, form: FORM, application: application(), leaseFile: join(root, 'examples/fixtures/lease.pdf'), uploads: uploadsFor(store), concurrency, warmup, seconds, pids: servers.map((s) => s.pid!) };
    const result = JSON.parse(await node('load.ts', [JSON.stringify(task)]).line) as LoadResult;
    return { name, store, instances, ...result };
  } finally {
    await Promise.all(servers.map((server) => new Promise((done) => server.once('exit', done).kill())));
  }
}

const runs: Run[] = [];
const wanted = (name: string) => name.startsWith(only);
const report = (run: Run) => {
  runs.push(run);
  console.log(`${run.name.padEnd(12)} ${String(run.perSecond).padStart(6)}/s  p50 ${run.p50} ms  p99 ${run.p99} ms  max ${run.max} ms  (${run.created} in ${run.seconds} s${run.ranOut ? ', ran out of uploads' : ''}; failures ${JSON.stringify(run.failures)}; ${run.cpuMs} ms server CPU per submission)`);
};
const scratch = mkdtempSync(join(tmpdir(), 'formosa-bench-db-'));
try {
  for (const instances of [1, 2]) {
    const name = `sqlite-${instances}`;
    if (wanted(name)) report(await measure(name, 'sqlite', instances, join(scratch, `${name}.sqlite`)));
  }
  if (['postgres-1', 'postgres-2'].some(wanted)) {
    const cluster = await startPostgres({ durable: true });
    try {
      for (const instances of [1, 2]) {
        const name = `postgres-${instances}`;
        if (wanted(name)) report(await measure(name, 'postgres', instances, await cluster.database()));
      }
    } finally {
      cluster.stop();
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(forms, { recursive: true, force: true });
}

// The machine is shared: its load average and this run's niceness (`nice -n -15 npm run bench:server`) say how much of it the run had.
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadavg: loadavg().map((l) => Math.round(l * 100) / 100), nice: getPriority() };
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench/server.json'), JSON.stringify({ date: new Date().toISOString(), machine, form: FORM, concurrency, warmup, seconds, goal: { perSecond: 2000, p99: 50, store: 'sqlite' }, runs }, null, 2) + '\n');
console.log(`machine: ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, load average ${machine.loadavg.join(' ')}, nice ${machine.nice}; written to .bench/server.json`);
