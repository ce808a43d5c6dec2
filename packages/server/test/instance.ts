/**
 * One server instance as a process of its own, for the tests of several instances (instances.test.ts,
 * deliveries-kill.test.ts): startServer on the PostgreSQL database in INSTANCE_DATABASE, its rate limits lifted;
 * with DL_RECEIVER set, delivering every event there signed with DL_SECRET, short leases so a survivor takes over a
 * dead instance's deliveries within seconds. Prints its URL as one JSON line.
 */
import { startServer } from '@formosa/server';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
const receiver = process.env['DL_RECEIVER'];
const running = await startServer({
  formsDir: new URL('../../../examples/forms', import.meta.url).pathname,
  database: env('INSTANCE_DATABASE'),
  limits: { perAddress: { requests: 1e9, seconds: 60 }, perForm: { requests: 1e9, seconds: 60 }, uploadBytes: { bytes: 1e12, seconds: 60 } },
  ...(receiver ? {
    deliveries: {
      endpoints: [{ url: receiver, forms: '*', key: { id: 'kill-test', secret: env('DL_SECRET') }, allowPrivate: true, allowHttp: true }],
      intervalMs: 100,
      timeoutMs: 1_000,
      leaseMs: 2_000,
    },
  } : {}),
});
console.log(JSON.stringify({ url: running.url, pid: process.pid }));
