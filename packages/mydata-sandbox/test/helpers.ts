/** Test helpers: an SP of our own (a real HTTP receiver for notifications) and independent crypto to check the sandbox. */
import { createCipheriv, createDecipheriv, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before } from 'node:test';
import type { AddressInfo } from 'node:net';
import { compactDecrypt } from 'jose';
import { unzipSync } from 'fflate';
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/index.js';

export const SECRET = 'TestSecret16char';
export const IV = 'TestIV16bytes!!!';

export function encrypt(plain: string): string {
  const cipher = createCipheriv('aes-256-cbc', Buffer.from(SECRET + SECRET), Buffer.from(IV));
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

export function decrypt(base64: string): string {
  const decipher = createDecipheriv('aes-256-cbc', Buffer.from(SECRET + SECRET), Buffer.from(IV));
  return Buffer.concat([decipher.update(Buffer.from(base64, 'base64')), decipher.final()]).toString('utf8');
}

export interface Notification {
  tx_id: string;
  permission_ticket: string;
  secret_key: string;
  unable_to_deliver?: string[];
}

/** A real SP-API: records each notification and answers with `status` (changeable). */
export class Receiver {
  readonly notifications: Notification[] = [];
  status = 200;
  #server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.notifications.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Notification);
        res.writeHead(this.status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/notify`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server!.close(() => resolve()));
  }
}

export const RETURN_URL = 'https://sp.example.gov.tw/mydata/return?form=tuition';
export const CLIENT_ID = 'CLI.testclient';
export const SCOPE = ['API.UDauDOLyZg', 'API.7QovE2Gev6', 'API.AbAYGIjoYw', 'API.nyhnLM1fve', 'API.syWqjr4flJ'];

export async function setup(options: Partial<SandboxOptions> = {}): Promise<{ sandbox: Sandbox; receiver: Receiver; close: () => Promise<void> }> {
  const receiver = await new Receiver().start();
  const sandbox = await startSandbox({
    clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, cbcIv: IV, returnUrl: RETURN_URL, spApiUrl: receiver.url, resources: SCOPE }],
    retryAfterSeconds: 1,
    ...options,
  });
  return { sandbox, receiver, close: async () => { await sandbox.close(); await receiver.close(); } };
}

/** One sandbox (and receiver) for a whole test file: started before its tests, closed after them; `use` receives both. */
export function shareSandbox(use: (started: { sandbox: Sandbox; receiver: Receiver }) => void, options: Partial<SandboxOptions> = {}): void {
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    const started = await setup(options);
    close = started.close;
    use(started);
  });
  after(() => close?.());
}

/** The URL an SP would send the browser to (the platform's Base64 may need a reordering to avoid `/`). */
export function redirectUrl(sandbox: Sandbox, input: { resources: string[]; pid: string; txId?: string; returnUrl?: string; extra?: string }): { url: string; txId: string } {
  const txId = input.txId ?? randomUUID();
  const ids = Buffer.from(input.resources.join(':')).toString('base64');
  const query = new URLSearchParams({ returnUrl: input.returnUrl ?? RETURN_URL, pid: encrypt(input.pid) });
  return { url: `${sandbox.url}/service/${CLIENT_ID}/${ids}/${txId}?${query}${input.extra ?? ''}`, txId };
}

export async function open(sandbox: Sandbox, input: Parameters<typeof redirectUrl>[1]): Promise<{ response: Response; txId: string }> {
  const { url, txId } = redirectUrl(sandbox, input);
  return { response: await fetch(url, { redirect: 'manual' }), txId };
}

/** code and decrypted tx_id of a return URL; checks the SP's own query is kept. */
export function parseReturn(location: string): { code: number; txId: string; form: string | null } {
  const url = new URL(location);
  return { code: Number(url.searchParams.get('code')), txId: decrypt(url.searchParams.get('tx_id')!), form: url.searchParams.get('form') };
}

export async function pull(sandbox: Sandbox, n: Notification): Promise<Response> {
  return fetch(`${sandbox.url}/service/data`, { headers: { tx_id: n.tx_id, permission_ticket: n.permission_ticket } });
}

/** Decrypts the JWE with pinned algorithms and unzips every level. */
export async function openPackage(jwe: string, n: Notification): Promise<{ payload: { filename: string; data: string }; outer: Record<string, Uint8Array>; datasets: Record<string, Record<string, Uint8Array>> }> {
  const key = Buffer.from(decrypt(n.secret_key), 'ascii');
  const { plaintext } = await compactDecrypt(jwe, key, { keyManagementAlgorithms: ['A256KW'], contentEncryptionAlgorithms: ['A256CBC-HS512'] });
  const payload = JSON.parse(new TextDecoder().decode(plaintext)) as { filename: string; data: string };
  const outer = unzipSync(Buffer.from(payload.data.replace(/^application\/zip;data:/, ''), 'base64url'));
  const datasets: Record<string, Record<string, Uint8Array>> = {};
  for (const [name, bytes] of Object.entries(outer)) if (name.endsWith('.zip')) datasets[name.slice(0, -4)] = unzipSync(bytes);
  return { payload, outer, datasets };
}
