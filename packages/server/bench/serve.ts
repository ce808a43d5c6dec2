/** Starts the reference server for the hostile-input benchmark, in its own process so its CPU time can be read. */
import { startServer } from '@formosa/server';

const started = performance.now();
const server = await startServer({
  formsDir: process.env['BENCH_FORMS']!,
  database: process.env['BENCH_DB']!,
  staticDirs: process.env['BENCH_STATIC'] ? JSON.parse(process.env['BENCH_STATIC']) : [],
  // The attacks come from one address: the limits are measured apart (packages/server/test/hostile.test.ts).
  ...(process.env['BENCH_NO_LIMITS'] ? { limits: { perAddress: { requests: 1e9, seconds: 1 }, perForm: { requests: 1e9, seconds: 1 }, uploadBytes: { bytes: 1e15, seconds: 1 } } } : {}),
} as Parameters<typeof startServer>[0]);
process.stdout.write(JSON.stringify({ url: server.url, startMs: performance.now() - started }) + '\n');
// Ended by the benchmark: exit normally, so that `--cpu-prof` (BENCH_PROFILE) writes its profile.
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
