/** startSandbox: a local stand-in for Taiwan's MyData platform (the platform's side of the protocol in docs/mydata.md). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestPki } from './internal/certificates.js';
import { cbcIv, cbcKey } from './internal/crypto.js';
import type { Fault } from './internal/faults.js';
import { PERSONAS, findPersona, type Persona } from './internal/personas.js';
import { Platform, type SandboxClient } from './internal/platform.js';
import { routes } from './internal/routes.js';

export interface SandboxOptions {
  /** 0 (default): any free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  readonly clients: readonly SandboxClient[];
  /** Used to POST the notification (default: the global fetch). */
  readonly fetch?: typeof fetch;
  /** Retry-After on a 429 pull; the platform says at least 10 seconds, tests may lower it. */
  readonly retryAfterSeconds?: number;
  /** Clock for the 20-minute transaction limit (code 408). */
  readonly now?: () => number;
  /** How long the SP-API has to answer the notification before code 410 (default 10 s). */
  readonly notifyTimeoutMs?: number;
}

export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:43121` (the connector's `platform`). */
  readonly url: string;
  /** PEM of the test CA that issued every data provider's certificate (the connector's trusted certificate). */
  readonly caCertificate: string;
  readonly personas: readonly Persona[];
  /** Queues faults for the NEXT transaction opened (one call, one transaction). */
  fault(next: Fault): void;
  /** Headless consent: does what Agree does for this persona (id or national ID); resolves to the return URL. */
  approve(txId: string, personaId: string): Promise<string>;
  /** Headless Decline: resolves to the return URL (code 205). */
  decline(txId: string): Promise<string>;
  close(): Promise<void>;
}

export class SandboxRefusedError extends Error {
  override readonly name = 'SandboxRefusedError';
}

/**
 * Starts the sandbox. Refuses `NODE_ENV=production`: synthetic people and a throwaway CA must never meet real ones.
 * @example
 * const sandbox = await startSandbox({ clients: [DEMO_CLIENT] });
 * sandbox.fault({ pull: [429, 200] });
 * const back = await sandbox.approve(txId, 'household-head');
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  if (process.env['NODE_ENV'] === 'production') {
    throw new SandboxRefusedError('The MyData sandbox refuses to start with NODE_ENV=production: it issues fake data signed by a throwaway CA.');
  }
  const clients = new Map<string, SandboxClient>();
  for (const client of options.clients) {
    cbcKey(client); // throws early on keys the platform's AES-256-CBC cannot use
    cbcIv(client);
    new URL(client.returnUrl);
    new URL(client.spApiUrl);
    clients.set(client.clientId, client);
  }
  const pki = await createTestPki();
  const queue: Fault[] = [];
  const platform = new Platform({
    clients,
    pki,
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? Date.now,
    retryAfterSeconds: options.retryAfterSeconds ?? 10,
    takeFault: () => queue.shift() ?? {},
    notifyTimeoutMs: options.notifyTimeoutMs ?? 10_000,
  });
  const handle = routes(platform);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`sandbox error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const transaction = (txId: string) => {
    const tx = platform.transaction(txId);
    if (!tx) throw new Error(`unknown transaction ${txId}: open the redirect URL first`);
    return tx;
  };
  return {
    url: `http://${host}:${address.port}`,
    caCertificate: pki.caCertificatePem,
    personas: PERSONAS,
    fault: (next) => void queue.push(next),
    approve: async (txId, personaId) => {
      if (!findPersona(personaId)) throw new Error(`unknown persona ${personaId}`);
      return platform.agree(transaction(txId), personaId);
    },
    decline: async (txId) => platform.decline(transaction(txId)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
