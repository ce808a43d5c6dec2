/**
 * The demo's MyData: the platform's sandbox, started beside the reference server and registered with the server's
 * own return and notification URLs. Never for production (the sandbox refuses to start with NODE_ENV=production).
 */
import { DEMO_CLIENT, startSandbox, type Sandbox } from '@formosa/mydata-sandbox';
import type { MyDataSetup } from './mydata.js';

export interface DemoMyDataOptions {
  /** The connector's audit log (JSON lines). */
  readonly auditLog: string;
  /** The server's secret for the seal and the audit hashes (≥ 16 bytes). */
  readonly secret: string | Uint8Array;
  /** The sandbox's port (0: any free one). */
  readonly port?: number;
  /** Retry-After of the sandbox's 429 (the platform says ≥ 10 s; tests lower it). */
  readonly retryAfterSeconds?: number;
  /** The fetch the sandbox notifies the server with (tests watch what the platform sends). */
  readonly sandboxFetch?: typeof fetch;
  /** Told the running sandbox (tests approve consents and inject faults through it). */
  readonly onSandbox?: (sandbox: Sandbox) => void;
}

export function demoMyData(options: DemoMyDataOptions): MyDataSetup {
  return async (serverUrl) => {
    const client = { ...DEMO_CLIENT, returnUrl: `${serverUrl}/api/mydata/return`, spApiUrl: `${serverUrl}/api/mydata/notify` };
    const sandbox = await startSandbox({
      clients: [client], port: options.port ?? 0, ...(options.sandboxFetch ? { fetch: options.sandboxFetch } : {}),
      ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
    });
    options.onSandbox?.(sandbox);
    return {
      config: {
        platform: sandbox.url, clientId: client.clientId, clientSecret: client.clientSecret, cbcIv: client.cbcIv, returnUrl: client.returnUrl,
        trustedCertificates: [sandbox.caCertificate], auditLog: options.auditLog, secret: options.secret,
      },
      close: () => sandbox.close(),
    };
  };
}
