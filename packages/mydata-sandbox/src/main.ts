/**
 * Runs the sandbox on its own: `node --conditions=formosa-source --import tsx packages/mydata-sandbox/src/main.ts`.
 * Env: PORT (default 8090), HOST (default 127.0.0.1), MYDATA_SANDBOX_CLIENTS (a JSON array of clients; default
 * the demo client CLI.formosademo), MYDATA_SANDBOX_RETRY_AFTER (seconds, default 10).
 */
import { DEMO_CLIENT } from './demo-client.js';
import type { SandboxClient } from './internal/platform.js';
import { startSandbox, type Sandbox } from './sandbox.js';

function clients(): SandboxClient[] {
  const json = process.env['MYDATA_SANDBOX_CLIENTS'];
  return json ? (JSON.parse(json) as SandboxClient[]) : [DEMO_CLIENT];
}

let sandbox: Sandbox;
try {
  sandbox = await startSandbox({
    port: Number(process.env['PORT'] ?? 8090),
    host: process.env['HOST'] ?? '127.0.0.1',
    clients: clients(),
    retryAfterSeconds: Number(process.env['MYDATA_SANDBOX_RETRY_AFTER'] ?? 10),
  });
} catch (error) {
  console.error(`MyData sandbox could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`MyData sandbox (synthetic data, test CA): ${sandbox.url}`);
console.log(`Clients: ${clients().map((c) => c.clientId).join(', ')}`);
console.log('Test CA certificate (trust it in the connector):');
console.log(sandbox.caCertificate);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void sandbox.close().then(() => process.exit(0)));
