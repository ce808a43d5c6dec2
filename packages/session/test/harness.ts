/**
 * A citizen's device and a broken network, for the session's tests: the real reference server behind a proxy
 * that fails, hangs or drops requests as scripted; a "device" whose drafts and outbox survive page loads; pages
 * that open, crash and reload on it.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireDefinition, type FormDefinition } from '@formosa/schema';
import { createAjv } from '@formosa/schema/node';
import { startServer, type RunningServer } from '@formosa/server';
import { createAttempt, createLookup, createUploader, memoryOutboxStore, Outbox, type Connectivity, type OutboxStore } from '@formosa/transport';
import { createFormSession, memoryDraftStore, memoryTabLeases, type DraftStore, type FormSession, type SessionOptions, type TabLease } from '@formosa/session';

const T = (en: string, zh = en) => ({ 'zh-Hant-TW': zh, en });

/** A small two-step form: a name (required), a plate, notes, a photo. */
export function permitDefinition(version = '1', change: (d: Record<string, unknown>) => void = () => undefined): FormDefinition {
  const definition: Record<string, unknown> = {
    formatVersion: 1, id: 'permit', version, defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'], title: T('Parking permit', '停車證'),
    schema: {
      type: 'object', required: ['name'],
      properties: {
        name: { type: 'string', maxLength: 20 }, plate: { type: 'string', maxLength: 10 }, seats: { type: 'string', maxLength: 3 },
        notes: { type: 'string', maxLength: 200 }, photo: { type: 'array', maxItems: 2, items: { type: 'object' } },
      },
    },
    steps: [
      { id: 'about', title: T('About you', '申請人'), items: [{ field: '/name', label: T('Full name', '姓名') }, { field: '/plate', label: T('Plate', '車牌號碼') }] },
      { id: 'more', title: T('More', '其他'), items: [{ field: '/seats', label: T('Seats', '座位數') }, { field: '/notes', label: T('Notes', '備註'), widget: 'textarea' }, { field: '/photo', label: T('Photo', '照片'), widget: 'file', accept: ['image/png'] }] },
    ],
    submission: { endpoint: '/api/forms/permit/submissions' },
  };
  change(definition);
  return requireDefinition(JSON.stringify(definition));
}

/**
 * What the proxy does with one request: `fail` answers 503; `hang` never answers (the client times out);
 * `drop-before` closes the connection before the agency sees the request; `drop-after` lets the agency answer,
 * then closes the connection; `duplicate` sends the request to the agency twice at once (as a retrying
 * middlebox might) and answers with one of the two answers, alternately the first and the second.
 */
export type Fault = 'pass' | 'fail' | 'hang' | 'drop-before' | 'drop-after' | 'duplicate' | 'reject';

/**
 * The agency: the real server on a fresh database, and a proxy in front of it that injects faults. A request
 * whose path begins with a `/~<client>` segment (a page opened with `{url: \`${agency.url}/~J-1-2\`}`) reaches
 * the agency without it, so a fault function can tell its clients apart by `req.url`. `database`: the SQLite
 * file, for a test to read what was stored.
 */
export async function startAgency(): Promise<{ server: RunningServer; url: string; database: string; faults: Fault[]; fault: (req: IncomingMessage) => Fault; setFault(f: (req: IncomingMessage) => Fault): void; close(): Promise<void> }> {
  const forms = mkdtempSync(join(tmpdir(), 'formosa-session-forms-'));
  writeFileSync(join(forms, 'permit.json'), JSON.stringify(permitDefinition()));
  const database = join(mkdtempSync(join(tmpdir(), 'formosa-session-db-')), 'db.sqlite');
  const server = await startServer({
    formsDir: forms, database,
    limits: { perAddress: { requests: 1e9, seconds: 1 }, perForm: { requests: 1e9, seconds: 1 } },
  });
  const target = new URL(server.url);
  const state = { fault: (() => 'pass') as (req: IncomingMessage) => Fault, faults: [] as Fault[], duplicates: 0 };
  const hanging = new Set<ServerResponse>();
  const proxy = createServer((req, res) => {
    const fault = state.faults.shift() ?? state.fault(req);
    const path = (req.url ?? '/').replace(/^\/~[^/]*/, '');
    if (fault === 'fail') return void req.resume().on('end', () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}'));
    if (fault === 'hang') return void (req.resume(), hanging.add(res), res.on('close', () => hanging.delete(res)));
    if (fault === 'drop-before') return void req.socket.destroy();
    if (fault === 'duplicate') {
      const chunks: Buffer[] = [];
      const answered = state.duplicates++ % 2;
      req.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => {
        const body = Buffer.concat(chunks);
        for (const copy of [0, 1]) {
          const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path, headers: req.headers }, (answer) => {
            if (copy !== answered) return void answer.resume();
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          });
          upstream.on('error', () => copy === answered && res.destroy());
          upstream.end(body);
        }
      });
      return;
    }
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path, headers: req.headers }, (answer) => {
      if (fault === 'drop-after') {
        // Stored (or not) by the agency; the answer never reaches the citizen.
        answer.resume().on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    server,
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    database,
    faults: state.faults,
    get fault() {
      return state.fault;
    },
    setFault: (f) => void (state.fault = f),
    close: async () => {
      for (const res of hanging) res.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((done) => proxy.close(() => done()));
      await server.close();
    },
  };
}

/** What survives on one device between page loads. */
export interface Device {
  readonly drafts: DraftStore;
  readonly outbox: OutboxStore;
  readonly tabs: TabLease;
}

export function newDevice(): Device {
  return { drafts: memoryDraftStore(), outbox: memoryOutboxStore(), tabs: memoryTabLeases() };
}

/** A switchable connection. */
export function network(online = true): Connectivity & { set(online: boolean): void } {
  const listeners = new Set<(online: boolean) => void>();
  let state = online;
  return {
    online: () => state,
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    set: (value) => {
      state = value;
      for (const listener of listeners) listener(value);
    },
  };
}

export interface Page {
  readonly session: FormSession;
  readonly outbox: Outbox;
  /** The page goes away without warning (a crash): nothing is flushed. */
  crash(): void;
  /** The page is hidden and closed: what is pending is saved first. */
  close(): Promise<void>;
}

/** Opens the form on a device, as a page load does. */
export async function openPage(
  device: Device,
  agency: { url: string },
  options: Partial<SessionOptions> & { net?: Connectivity; timeout?: number; uploader?: typeof createUploader } = {},
): Promise<Page> {
  const net = options.net ?? network(true);
  const definition = options.definition ?? permitDefinition();
  const endpoint = `${agency.url}/api/forms/permit/submissions`;
  const attachments = `${agency.url}/api/forms/permit/attachments`;
  // An offline browser fails every request at once, as fetch does.
  const fetchOnline: typeof fetch = (input, init) => (net.online() ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')));
  const timeout = options.timeout ?? 400;
  const upload = (options.uploader ?? createUploader)({ fetch: fetchOnline, timeout });
  const outbox = new Outbox({
    store: device.outbox, attempt: createAttempt({ fetch: fetchOnline, timeout }), lookup: createLookup({ fetch: fetchOnline, timeout }),
    connectivity: net, backoff: 5, maxBackoff: 40,
    upload: async (id, file) => {
      const stored = await device.drafts.file(id);
      if (!stored) return 'refused';
      try {
        return await upload({ endpoint: file.endpoint, file: new File([stored.data], stored.name, { type: stored.type }), field: file.field });
      } catch (error) {
        return (error as { kind?: string }).kind === 'network' || (error as { kind?: string }).kind === 'server' ? 'later' : 'refused';
      }
    },
  });
  const session = createFormSession(
    { definition, validator: createAjv().compile(definition.schema as object), endpoint, attachments, autosaveMs: 10, ...options },
    { drafts: device.drafts, outbox: { store: device.outbox, open: async () => outbox }, tabs: device.tabs, connectivity: net, upload: (file, field) => upload({ endpoint: attachments, file, field }) },
  );
  await session.start();
  return {
    session,
    outbox,
    crash: () => {
      session.stop();
      outbox.stop();
    },
    close: async () => {
      await session.flush();
      session.stop();
      outbox.stop();
    },
  };
}

/** Resolves once `predicate` holds, checking every few ms (fails the test after `ms`). */
export async function until(predicate: () => boolean, ms = 5000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
