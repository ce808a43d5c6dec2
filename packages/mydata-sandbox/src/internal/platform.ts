/**
 * The platform's side of a transaction, without HTTP: open (the redirect), agree / decline (the consent page or
 * `approve`), the notification, the pull and the status. Transactions live in memory only.
 */
import { canDeliver, buildPackageZip, sealPackage } from './package.js';
import { decryptFromClient, encryptForClient, randomAscii } from './crypto.js';
import { REDIRECT_STAGE_CODES, type Fault } from './faults.js';
import { findPersona, type Persona } from './personas.js';
import type { TestPki } from './certificates.js';

export interface SandboxClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly cbcIv: string;
  /** Registered return URL: the redirect's `returnUrl` must equal it exactly. */
  readonly returnUrl: string;
  /** Where the platform POSTs the notification. */
  readonly spApiUrl: string;
  /** The approved scope: resource ids this SP may request. */
  readonly resources: readonly string[];
  /** Shown on the consent page (defaults to the client id). */
  readonly name?: string;
}

/** The whole transaction has about 20 minutes (code 408 after). */
export const TRANSACTION_MS = 20 * 60_000;
/** The platform keeps a package about 8 hours; the sandbox forgets a transaction after that. */
const KEEP_MS = 8 * 3600_000;

interface Delivery {
  readonly ticket: string;
  readonly persona: Persona;
  readonly unavailable: readonly string[];
  jwe: string | undefined;
  readonly pulls: number[];
  downloaded: boolean;
}

export interface Transaction {
  readonly txId: string;
  readonly client: SandboxClient;
  readonly resources: readonly string[];
  readonly pid: string;
  readonly createdAt: number;
  fault: Fault;
  /** Where the browser was (or will be) sent back, once the transaction has ended at the platform. */
  returnLocation: string | undefined;
  returnCode: number | undefined;
  delivery: Delivery | undefined;
  /** The agreement in progress (a double click, or approve() racing the page, gets the same outcome). */
  agreeing: Promise<string> | undefined;
}

export type OpenResult =
  | { kind: 'consent'; tx: Transaction }
  | { kind: 'return'; location: string }
  /** No client to send the browser back to: the platform shows an error itself. */
  | { kind: 'error'; status: number; message: string };

export interface PlatformDeps {
  readonly clients: ReadonlyMap<string, SandboxClient>;
  readonly pki: TestPki;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly retryAfterSeconds: number;
  readonly takeFault: () => Fault;
  readonly notifyTimeoutMs: number;
}

export function returnLocation(client: SandboxClient, returnUrl: string, txId: string, code: number): string {
  const url = new URL(returnUrl);
  url.searchParams.append('code', String(code));
  url.searchParams.append('tx_id', encryptForClient(client, txId));
  return url.href;
}

/** A path segment as text; `undefined` for a malformed %-escape. */
function segment(raw: string | undefined): string | undefined {
  try {
    return decodeURIComponent(raw ?? '');
  } catch {
    return undefined;
  }
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const TX_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class Platform {
  readonly #deps: PlatformDeps;
  readonly #transactions = new Map<string, Transaction>();

  constructor(deps: PlatformDeps) {
    this.#deps = deps;
  }

  transaction(txId: string): Transaction | undefined {
    return this.#transactions.get(txId);
  }

  /** `GET /service/{client_id}/{base64(ids)}/{tx_id}?returnUrl=&pid=`, its path already split after `/service/`. */
  open(segments: readonly string[], query: URLSearchParams): OpenResult {
    const client = this.#deps.clients.get(segment(segments[0]) ?? '');
    if (!client) return { kind: 'error', status: 401, message: 'unknown client_id' };
    const back = (code: number, txId: string): OpenResult => ({ kind: 'return', location: returnLocation(client, client.returnUrl, txId, code) });
    // A `/` in the Base64 of the resource list splits it into more path segments: the platform cannot read it.
    const txId = segment(segments.at(-1)) ?? '';
    if (segments.length !== 3 || !TX_ID.test(txId)) return back(400, txId);
    const existing = this.#transactions.get(txId);
    if (existing) return existing.returnLocation ? back(400, txId) : { kind: 'consent', tx: existing };
    for (const name of ['returnUrl', 'pid']) if (query.getAll(name).length !== 1) return back(400, txId);
    if (query.get('returnUrl') !== client.returnUrl) return back(404, txId);
    const encoded = segment(segments[1]);
    if (encoded === undefined || !STRICT_BASE64.test(encoded)) return back(400, txId);
    const resources = Buffer.from(encoded, 'base64').toString('utf8').split(':');
    if (resources.some((r) => !/^API\.[A-Za-z0-9]+$/.test(r)) || new Set(resources).size !== resources.length) return back(400, txId);
    if (client.resources.length === 0) return back(403, txId);
    if (resources.some((r) => !client.resources.includes(r))) return back(401, txId);
    const pid = decryptFromClient(client, query.get('pid')!);
    if (pid === undefined) return back(400, txId);
    this.#forgetOld();
    const tx: Transaction = {
      txId, client, resources, pid, createdAt: this.#deps.now(), fault: this.#deps.takeFault(),
      returnLocation: undefined, returnCode: undefined, delivery: undefined, agreeing: undefined,
    };
    this.#transactions.set(txId, tx);
    if (tx.fault.code !== undefined && REDIRECT_STAGE_CODES.includes(tx.fault.code)) return { kind: 'return', location: this.#end(tx, tx.fault.code) };
    return { kind: 'consent', tx };
  }

  #forgetOld(): void {
    const now = this.#deps.now();
    for (const [id, tx] of this.#transactions) if (now - tx.createdAt > KEEP_MS) this.#transactions.delete(id);
  }

  #end(tx: Transaction, code: number): string {
    tx.returnCode = code;
    tx.returnLocation = returnLocation(tx.client, tx.client.returnUrl, tx.txId, code);
    return tx.returnLocation;
  }

  decline(tx: Transaction): string {
    return tx.returnLocation ?? this.#end(tx, 205);
  }

  /** What Agree does: checks, package, notification; resolves to where the browser goes next. */
  agree(tx: Transaction, personaId: string): Promise<string> {
    if (tx.returnLocation) return Promise.resolve(tx.returnLocation);
    tx.agreeing ??= this.#agree(tx, personaId);
    return tx.agreeing;
  }

  async #agree(tx: Transaction, personaId: string): Promise<string> {
    const persona = findPersona(personaId);
    if (!persona) throw new Error(`unknown persona ${personaId}`);
    const fault = tx.fault;
    if (fault.code !== undefined) return this.#end(tx, fault.code);
    if (this.#deps.now() - tx.createdAt > TRANSACTION_MS) return this.#end(tx, 408);
    if (persona.nationalId !== tx.pid) return this.#end(tx, 409);
    const unavailable = tx.resources.filter((r) => !canDeliver(persona, r) || fault.unavailable?.includes(r));
    const delivered = tx.resources.filter((r) => !unavailable.includes(r));
    if (delivered.length === 0) return this.#end(tx, 504);
    const secretKey = randomAscii(32);
    const zip = await buildPackageZip({ pki: this.#deps.pki, persona, delivered, unavailable, fault });
    let jwe = await sealPackage(tx.client.clientId, zip, secretKey);
    if (fault.truncatedJwe) jwe = jwe.slice(0, Math.floor(jwe.length * 0.6));
    // Ready before the notification: an SP may start pulling before it has answered.
    const delivery: Delivery = { ticket: randomAscii(40), persona, unavailable, jwe, pulls: [...(fault.pull ?? [])], downloaded: fault.secondDownload === true };
    tx.delivery = delivery;
    const notified = !fault.notifyFails && (await this.#notify(tx, delivery, secretKey));
    if (!notified) {
      tx.delivery = undefined;
      return this.#end(tx, 410);
    }
    return this.#end(tx, 200);
  }

  async #notify(tx: Transaction, delivery: Delivery, secretKey: string): Promise<boolean> {
    const body = {
      tx_id: tx.txId,
      permission_ticket: delivery.ticket,
      secret_key: encryptForClient(tx.client, secretKey),
      ...(delivery.unavailable.length > 0 ? { unable_to_deliver: delivery.unavailable } : {}),
    };
    try {
      const response = await this.#deps.fetch(tx.client.spApiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#deps.notifyTimeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status === 200 || response.status === 201;
    } catch {
      return false;
    }
  }

  /** `GET /service/data`. */
  pull(txId: string | undefined, ticket: string | undefined): { status: number; headers?: Record<string, string>; body: string } {
    const json = (status: number, text: string, headers?: Record<string, string>) => ({ status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify({ code: status, text }) });
    if (!txId || !ticket) return json(400, 'missing tx_id or permission_ticket header');
    const delivery = this.#transactions.get(txId)?.delivery;
    if (!delivery) return json(400, 'unknown transaction');
    if (ticket !== delivery.ticket) return json(401, 'wrong permission_ticket');
    const next = delivery.pulls.shift();
    if (next === 429) return json(429, 'still collecting the data', { 'retry-after': String(this.#deps.retryAfterSeconds) });
    if (next !== undefined && next !== 200) return json(next, 'fault injected by the sandbox');
    if (delivery.downloaded || delivery.jwe === undefined) return json(201, 'already downloaded: the platform deleted the file');
    const jwe = delivery.jwe;
    delivery.downloaded = true;
    delivery.jwe = undefined; // one-shot: the platform deletes the file after the download
    return { status: 200, headers: { 'content-type': 'application/jwe' }, body: jwe };
  }

  /** `GET /service/txid_status` → {code, text}. Before consent and while collecting: 429 (preparing). */
  status(txId: string | undefined): { code: number; text: string } {
    const tx = txId ? this.#transactions.get(txId) : undefined;
    if (!tx) return { code: 400, text: 'unknown transaction' };
    if (tx.returnCode === undefined) return { code: 429, text: 'waiting for the citizen\'s consent' };
    if (tx.returnCode !== 200 || !tx.delivery) return { code: tx.returnCode, text: tx.returnCode === 205 ? 'declined' : 'failed' };
    const delivery = tx.delivery;
    if (delivery.downloaded) return { code: 201, text: 'already downloaded' };
    if (delivery.pulls[0] === 429) return { code: 429, text: 'preparing' };
    if (delivery.unavailable.length > 0) return { code: 403, text: `ready, but unable to deliver ${delivery.unavailable.join(', ')}` };
    return { code: 200, text: 'ready' };
  }

  /** `GET /service/type_valid` → the identity verification method the citizen used. */
  identityMethod(txId: string | undefined): { code: number; text: string; type?: string } {
    const persona = txId ? this.#transactions.get(txId)?.delivery?.persona : undefined;
    if (!persona) return { code: 400, text: 'unknown or unverified transaction' };
    return { code: 200, text: persona.identityMethod.name['zh-Hant-TW'], type: persona.identityMethod.code };
  }
}
