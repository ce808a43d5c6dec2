/**
 * The load generator of `npm run bench:server`, in a process of its own (its CPU is not the server's): uploads one
 * lease per submission beforehand (the form requires a file), then keeps `concurrency` submissions in flight over
 * keep-alive connections, spread round-robin over the instances like a load balancer would, each a distinct
 * application under its own Idempotency-Key; `warmup` seconds unmeasured, then `seconds` measured.
 * Reads its task as JSON on argv[2]; prints its result as one line of JSON.
 */
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';

export interface LoadTask {
  readonly urls: readonly string[];
  readonly form: string;
  /** A valid application (its lease is replaced by each submission's own upload). */
  readonly application: { applicant: { name: string }; rental: { monthlyRent: number; leaseCopy: unknown[] } } & Record<string, unknown>;
  readonly leaseFile: string;
  readonly uploads: number;
  readonly concurrency: number;
  readonly warmup: number;
  readonly seconds: number;
  /** The server processes, whose CPU time over the measured seconds is read from /proc. */
  readonly pids: readonly number[];
}

export interface LoadResult {
  /** Submissions answered 201 within the measured seconds. */
  readonly created: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Answers other than 201 (status → count), warm-up included: none expected. */
  readonly failures: Record<string, number>;
  /** Server CPU (all instances, their judging workers included) per submission stored, in ms, over the measured seconds. */
  readonly cpuMs: number;
  /** Requests sent again on a keep-alive connection the server had closed (under the same key). */
  readonly resent: number;
  /** Whether the pool of uploaded leases ran out before the time did (then `seconds` is shorter). */
  readonly ranOut: boolean;
}

interface Answer {
  status: number;
  text: string;
}

const task = JSON.parse(process.argv[2]!) as LoadTask;
const agents = task.urls.map(() => new Agent({ keepAlive: true, maxSockets: task.concurrency }));
const lease = readFileSync(task.leaseFile);

/** Requests sent again because the server had just closed the idle keep-alive connection they were given. */
let resent = 0;

function send(instance: number, method: string, path: string, headers: Record<string, string>, body: Buffer): Promise<Answer> {
  const url = new URL(task.urls[instance]!);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, agent: agents[instance], headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Node's advice for keep-alive: a reused socket the server closed meanwhile is retried (under the same
      // Idempotency-Key, as the SDK would: never a second record).
      if (req.reusedSocket && error.code === 'ECONNRESET') {
        resent++;
        send(instance, method, path, headers, body).then(resolve, reject);
      } else reject(error);
    });
    req.end(body);
  });
}

/** Runs `work(i)` for i = 0, 1, … with `concurrency` at a time until `more(i)` says stop. */
async function loop(concurrency: number, more: (i: number) => boolean, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; more(i); i = next++) await work(i);
  }));
}

// One lease per submission, uploaded the way a citizen's browser does (unmeasured).
const uploaded: unknown[] = [];
const failures: Record<string, number> = {};
const fail = (what: string, status: number) => (failures[`${what} ${status}`] = (failures[`${what} ${status}`] ?? 0) + 1);
await loop(task.concurrency, (i) => i < task.uploads, async (i) => {
  const answer = await send(i % task.urls.length, 'POST', `/api/forms/${task.form}/attachments?field=${encodeURIComponent('/rental/leaseCopy')}`, { 'content-type': 'application/pdf', 'x-formosa-filename': 'lease.pdf' }, lease);
  if (answer.status !== 201) return void fail('upload', answer.status);
  const { id, name, type, size, url } = JSON.parse(answer.text) as Record<string, unknown>;
  uploaded.push({ id, name, type, size, url });
});

/** A distinct name per application: two to four characters from a list of common ones. */
const CHARACTERS = '林陳黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴';
const nameOf = (i: number) => {
  let name = '';
  for (let n = i + CHARACTERS.length; n > 0; n = Math.floor(n / CHARACTERS.length)) name += CHARACTERS[n % CHARACTERS.length];
  return name;
};
/** CPU seconds the servers have used (user + system). */
const serversCpu = () => task.pids.reduce((sum, pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return sum + (Number(fields[11]) + Number(fields[12])) / 100;
}, 0);
const run = Date.now().toString(36);
const latencies: number[] = [];
const started = performance.now();
const measureFrom = started + task.warmup * 1000;
const measureTo = measureFrom + task.seconds * 1000;
let created = 0;
let lastEnd = measureFrom;
let cpuFrom = 0;
let cpuTo = 0;
setTimeout(() => (cpuFrom = serversCpu()), task.warmup * 1000);
const stopCpu = setTimeout(() => (cpuTo = serversCpu()), (task.warmup + task.seconds) * 1000);
await loop(task.concurrency, (i) => i < uploaded.length && performance.now() < measureTo, async (i) => {
  const application = structuredClone(task.application);
  application.applicant.name = nameOf(i);
  application.rental.monthlyRent = 5000 + (i % 40_000);
  application.rental.leaseCopy = [uploaded[i]];
  const body = Buffer.from(JSON.stringify(application));
  const sent = performance.now();
  const answer = await send(i % task.urls.length, 'POST', `/api/forms/${task.form}/submissions`, { 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${i}` }, body);
  const done = performance.now();
  if (answer.status !== 201) return void fail('submission', answer.status);
  if (sent >= measureFrom && done <= measureTo) {
    latencies.push(done - sent);
    created++;
    lastEnd = Math.max(lastEnd, done);
  }
});
const ranOut = performance.now() < measureTo;
if (ranOut || cpuTo === 0) {
  clearTimeout(stopCpu);
  cpuTo = serversCpu();
}
const seconds = ((ranOut ? lastEnd : measureTo) - measureFrom) / 1000;
latencies.sort((a, b) => a - b);
const at = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN) * 10) / 10;
const result: LoadResult = { created, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(created / seconds), p50: at(0.5), p99: at(0.99), max: at(1), cpuMs: Math.round(((cpuTo - cpuFrom) * 1000 / created) * 100) / 100, failures, resent, ranOut };
for (const agent of agents) agent.destroy();
process.stdout.write(JSON.stringify(result) + '\n');
