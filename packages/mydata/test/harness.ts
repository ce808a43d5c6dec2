/**
 * The connector against the real sandbox: a real SP-API HTTP server (the platform POSTs its notification there),
 * the sandbox's consent (headless `approve`) and the connector's own pull over HTTP. Nothing is mocked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Fault, type Persona, type Sandbox, type SandboxClient } from '@formosa/mydata-sandbox';
import { createConnector } from '../src/connector.js';
import type { Connector, MyDataConfig, TxResult } from '../src/types.js';

export const SECRET = 'the server secret of the connector tests';

export interface Harness {
  readonly sandbox: Sandbox;
  readonly client: SandboxClient;
  readonly auditLog: string;
  /** Every notification body the platform sent, as received. */
  readonly notifications: unknown[];
  /** Consent URLs the connector built (they carry the encrypted pid). */
  readonly redirects: string[];
  /** How many times the SP-API hands each notification to the connector (2: the platform's retry, replayed). */
  deliveries: number;
  connector: Connector;
  connect(overrides?: Partial<MyDataConfig>): Connector;
  journey(input: { resources: readonly string[]; persona: Persona; as?: Persona; fault?: Fault; decline?: boolean; timeoutMs?: number }): Promise<Journey>;
  close(): Promise<void>;
}

export interface Journey {
  readonly txId: string;
  readonly back: URL;
  readonly returned: ReturnType<Connector['returned']>;
  readonly result: TxResult;
}

export async function startHarness(options: { retryAfterSeconds?: number } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-mydata-'));
  const notifications: unknown[] = [];
  const redirects: string[] = [];
  const spApi: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      notifications.push(body);
      let answer = harness.connector.notify(body);
      for (let i = 1; i < harness.deliveries; i++) answer = harness.connector.notify(body);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => spApi.listen(0, '127.0.0.1', resolve));
  const spUrl = `http://127.0.0.1:${(spApi.address() as AddressInfo).port}`;
  const client: SandboxClient = {
    clientId: 'CLI.connectortest',
    clientSecret: 'ConnectorTest16c',
    cbcIv: 'ConnectorTestIV6',
    returnUrl: `${spUrl}/return?form=rent-subsidy`,
    spApiUrl: `${spUrl}/notify`,
    resources: ['API.UDauDOLyZg', 'API.7QovE2Gev6', 'API.AbAYGIjoYw', 'API.nyhnLM1fve', 'API.syWqjr4flJ'],
  };
  const sandbox = await startSandbox({ clients: [client], retryAfterSeconds: options.retryAfterSeconds ?? 1 });
  const auditLog = join(dir, 'audit.jsonl');
  const configFor = (overrides: Partial<MyDataConfig> = {}): MyDataConfig => ({
    platform: sandbox.url,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    cbcIv: client.cbcIv,
    returnUrl: client.returnUrl,
    trustedCertificates: [sandbox.caCertificate],
    auditLog,
    secret: SECRET,
    pull: { minWaitMs: 10, maxWaitMs: 10_000, maxAttempts: 5 },
    ...overrides,
  });
  const connectors: Connector[] = [];
  // Read by the SP-API handler above at request time, once it exists.
  const harness: Harness = {
    sandbox,
    client,
    auditLog,
    notifications,
    redirects,
    deliveries: 1,
    connector: undefined as unknown as Connector,
    connect(overrides) {
      harness.connector = createConnector(configFor(overrides));
      connectors.push(harness.connector);
      return harness.connector;
    },
    async journey({ resources, persona, as, fault, decline, timeoutMs }) {
      if (fault) sandbox.fault(fault);
      const connector = harness.connector;
      const { txId, url } = connector.begin({ resources, subject: persona.nationalId });
      redirects.push(url);
      const opened = await fetch(url, { redirect: 'manual' });
      await opened.arrayBuffer();
      let location: string;
      if (opened.status === 302) location = opened.headers.get('location')!;
      else if (decline) location = await sandbox.decline(txId);
      else location = await sandbox.approve(txId, (as ?? persona).id);
      const back = new URL(location);
      const returned = connector.returned(back.searchParams);
      const result = await connector.settled(txId, timeoutMs ?? 15_000);
      return { txId, back, returned, result };
    },
    async close() {
      for (const connector of connectors) await connector.close();
      await sandbox.close();
      await new Promise<void>((resolve) => spApi.close(() => resolve()));
    },
  };
  try {
    harness.connect();
  } catch (error) {
    // Left open, the servers would keep the test file's process alive for ever (and the whole run with it).
    await harness.close();
    throw error;
  }
  return harness;
}
