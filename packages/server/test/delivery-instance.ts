/**
 * One server instance for the kill -9 test (deliveries-kill.test.ts spawns two and kills one): startServer on the
 * PostgreSQL database in DL_DATABASE, delivering every event to DL_RECEIVER signed with DL_SECRET, short leases so
 * the survivor takes over a dead instance's deliveries within seconds. Prints its URL as one JSON line.
 */
import { startServer } from '@formosa/server';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
const running = await startServer({
  formsDir: new URL('../../../examples/forms', import.meta.url).pathname,
  database: env('DL_DATABASE'),
  limits: { perAddress: { requests: 1e9, seconds: 60 }, perForm: { requests: 1e9, seconds: 60 } },
  deliveries: {
    endpoints: [{ url: env('DL_RECEIVER'), forms: '*', key: { id: 'kill-test', secret: env('DL_SECRET') }, allowPrivate: true, allowHttp: true }],
    intervalMs: 100,
    timeoutMs: 1_000,
    leaseMs: 2_000,
  },
});
console.log(JSON.stringify({ url: running.url, pid: process.pid }));
