/**
 * `npm start`: the demo agency site, the example forms and the reference endpoint on 127.0.0.1:${PORT:-8080}, with
 * the MyData platform's sandbox beside it on ${MYDATA_SANDBOX_PORT:-8081} (the demo's forms prefill from it).
 * FORMOSA_MYDATA_CONFIG names a JSON file of a real connector's configuration instead; FORMOSA_MYDATA=off turns it off.
 * FORMOSA_CORS_ORIGINS lists the origins of pages elsewhere that embed the forms (space-separated).
 * FORMOSA_DATABASE_URL (postgres://…) keeps submissions in PostgreSQL, shared by several instances; else SQLite in FORMOSA_DB.
 * FORMOSA_DELIVERY_URL, FORMOSA_DELIVERY_KEY_ID and FORMOSA_DELIVERY_SECRET deliver every submission and status move, signed (docs/server.md#deliveries).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startServer } from './app.js';
import { databaseFromEnv } from './database.js';
import { demoMyData } from './demo-mydata.js';
import { deliveriesFromEnv } from './deliveries/config.js';
import type { MyDataSetup } from './mydata.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = `${root}.data`;

/** The server's secret (seal and audit keys derive from it): FORMOSA_SECRET, else one made once and kept in .data/. */
function serverSecret(): string {
  if (process.env['FORMOSA_SECRET']) return process.env['FORMOSA_SECRET'];
  const file = `${dataDir}/secret`;
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

function myDataSetup(): MyDataSetup | undefined {
  if (process.env['FORMOSA_MYDATA'] === 'off') return undefined;
  const auditLog = process.env['FORMOSA_MYDATA_AUDIT'] ?? `${dataDir}/mydata-audit.jsonl`;
  const configFile = process.env['FORMOSA_MYDATA_CONFIG'];
  if (configFile) return { ...JSON.parse(readFileSync(configFile, 'utf8')), auditLog, secret: serverSecret() } as MyDataSetup;
  return demoMyData({ auditLog, secret: serverSecret(), port: Number(process.env['MYDATA_SANDBOX_PORT'] ?? 8081), retryAfterSeconds: 2 });
}

let running: Awaited<ReturnType<typeof startServer>>;
try {
  const mydata = myDataSetup();
  const deliveries = deliveriesFromEnv(process.env);
  running = await startServer(
    {
      formsDir: process.env['FORMOSA_FORMS'] ?? `${root}examples/forms`,
      database: databaseFromEnv(),
      staticDirs: [
        { prefix: '/dist/', dir: `${root}dist` },
        { prefix: '/', dir: `${root}examples/site` },
      ],
      ...(mydata ? { mydata } : {}),
      // Receipt secrets (status codes) derive from it: every instance must share it.
      secret: serverSecret(),
      // The agency's pages on other origins that embed its forms, space-separated (docs/embedding.md).
      corsOrigins: (process.env['FORMOSA_CORS_ORIGINS'] ?? '').split(/\s+/).filter(Boolean),
      ...(deliveries ? { deliveries } : {}),
    },
    Number(process.env['PORT'] ?? 8080),
  );
} catch (error) {
  // A broken definition (or a port in use) is said plainly, with the file and line, never as a stack trace.
  console.error(`Formosa could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`Formosa demo: ${running.url}/`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
