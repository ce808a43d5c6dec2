/**
 * The reference agency endpoint: serves the demo site and the definitions, receives submissions,
 * re-validates them with the same engine and definition, stores each exactly once, issues receipts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { loadForms, type ServedForm } from './forms.js';
import { MissingAttachmentError, SubmissionStore } from './store.js';
import { HttpError, readBytes, readJson, sendJson, sendText, serveFile, STRICT_CSP } from './http.js';
import { patternOf, type Attachment } from '@formosa/schema';
import { getAt, setAt, type Data } from '@formosa/engine';

export interface ServerOptions {
  /** Folder of `*.json` definitions. */
  readonly formsDir: string;
  /** SQLite database file (`:memory:` for a throwaway one). */
  readonly database: string;
  /** Folders served as static files, first match wins (the demo site, the built bundle). */
  readonly staticDirs?: readonly { readonly prefix: string; readonly dir: string }[];
  /** Content-Security-Policy of HTML pages. */
  readonly csp?: string;
  /** Largest accepted submission body, in bytes. */
  readonly bodyLimit?: number;
  /** Hours an uploaded file no submission took is kept (removed by the citizen, or never sent); 24 by default. */
  readonly attachmentRetentionHours?: number;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly store: SubmissionStore;
  close(): Promise<void>;
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
/** Largest upload when a file field sets no maxSize. */
const DEFAULT_MAX_FILE = 10 * 1024 * 1024;

/** The concrete pointers of a pattern (`/household/members/* /name`) in the data. */
function instancesOf(pattern: string, data: Data): string[] {
  const star = pattern.indexOf('/*');
  if (star < 0) return [pattern];
  const items = getAt(data, pattern.slice(0, star));
  return Array.isArray(items) ? items.map((_, i) => pattern.replace('/*', `/${i}`)) : [];
}
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Starts the server.
 * @example
 * const { url, close } = await startServer({ formsDir: 'examples/forms', database: '.data/formosa.sqlite' }, 8080);
 */
export async function startServer(options: ServerOptions, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const forms = await loadForms(options.formsDir);
  const store = new SubmissionStore(options.database);
  const statics = (options.staticDirs ?? []).map((s) => ({ prefix: s.prefix, dir: resolve(s.dir) }));
  const csp = options.csp ?? STRICT_CSP;
  const bodyLimit = options.bodyLimit ?? 1_000_000;

  const routes: [string, RegExp, (req: IncomingMessage, res: ServerResponse, form: ServedForm | undefined, match: RegExpExecArray) => Promise<void> | void][] = [
    ['GET', /^\/api\/forms$/, (_req, res) => sendJson(res, 200, [...forms.values()].map(({ definition: d }) => ({ id: d.id, version: d.version, title: d.title, description: d.description, locales: d.locales })))],
    ['GET', /^\/api\/forms\/([a-z0-9-]+)$/, (_req, res, form) => sendJson(res, 200, form!.definition)],
    ['GET', /^\/api\/forms\/([a-z0-9-]+)\/validator\.js$/, async (_req, res, form) => sendText(res, 200, 'text/javascript; charset=utf-8', await form!.validatorSource(), { 'cache-control': 'no-cache' })],
    ['POST', /^\/api\/forms\/([a-z0-9-]+)\/attachments$/, async (req, res, form) => {
      const field = new URL(req.url ?? '', 'http://localhost').searchParams.get('field') ?? '';
      const info = form!.engine.model.field(field);
      if (!info?.file) throw new HttpError(422, { error: 'not_a_file_field', message: `No file field at "${field}"` });
      const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (info.item.accept && !info.item.accept.includes(type)) {
        req.resume();
        throw new HttpError(415, { error: 'file_type', message: `This field accepts ${info.item.accept.join(', ')}`, accept: info.item.accept });
      }
      const data = await readBytes(req, info.item.maxSize ?? DEFAULT_MAX_FILE);
      if (data.length === 0) throw new HttpError(422, { error: 'empty_file', message: 'The file is empty' });
      const name = decodeURIComponent(String(req.headers['x-formosa-filename'] ?? 'file')).slice(0, 200);
      const stored = store.storeAttachment(form!.definition.id, info.pattern, name, type, data);
      const url = `/api/forms/${form!.definition.id}/attachments/${stored.id}`;
      sendJson(res, 201, { id: stored.id, name: stored.name, type: stored.type, size: stored.size, url } satisfies Attachment, { location: url });
    }],
    ['GET', /^\/api\/forms\/([a-z0-9-]+)\/attachments\/([0-9a-f-]{36})$/, (_req, res, form, match) => {
      const file = store.attachment(form!.definition.id, match[2]!, true);
      if (!file) throw new HttpError(404, { error: 'not_found', message: 'No such file' });
      res.writeHead(200, {
        'content-type': file.type, 'content-length': file.size, 'cache-control': 'private, max-age=3600',
        // Shown inline only as what it claims to be; never sniffed, never a page of this origin.
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`, 'content-security-policy': "default-src 'none'; sandbox",
      });
      res.end(file.data);
    }],
    ['DELETE', /^\/api\/forms\/([a-z0-9-]+)\/attachments\/([0-9a-f-]{36})$/, (_req, res, form, match) => {
      const outcome = store.deleteAttachment(form!.definition.id, match[2]!);
      if (outcome === 'missing') throw new HttpError(404, { error: 'not_found', message: 'No such file' });
      if (outcome === 'kept') throw new HttpError(409, { error: 'submitted', message: 'The file belongs to a submission and is kept with it' });
      res.writeHead(204).end();
    }],
    ['POST', /^\/api\/forms\/([a-z0-9-]+)\/submissions$/, async (req, res, form) => {
      const key = req.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !KEY_PATTERN.test(key))) throw new HttpError(400, { error: 'bad_idempotency_key', message: 'Idempotency-Key must be 1 to 255 printable ASCII characters' });
      const body = await readJson(req, bodyLimit);
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(422, { errors: [{ path: '', code: 'type', params: { type: 'object' } }] });
      const { engine, definition } = form!;
      const state = engine.init(body as Data);
      const errors = engine.validate(state);
      if (errors.length > 0) return sendJson(res, 422, { errors });
      const data = attachFiles(form!, engine.data(state));
      if ('errors' in data) return sendJson(res, 422, data);
      let stored;
      try {
        stored = store.store(definition.id, definition.version, key, data.data, new Date(), data.files.map((f) => f.id));
      } catch (error) {
        if (!(error instanceof MissingAttachmentError)) throw error;
        const file = data.files.find((f) => f.id === error.attachmentId)!;
        return sendJson(res, 422, { errors: [{ path: file.path, code: 'attachment', params: { index: file.index } }] });
      }
      const { submission, created } = stored;
      sendJson(res, created ? 201 : 200, { id: submission.id, receipt: submission.receipt, submittedAt: submission.submittedAt }, created ? { location: `/api/forms/${definition.id}/submissions/${submission.id}` } : {});
    }],
    ['GET', /^\/api\/forms\/([a-z0-9-]+)\/submissions\/([0-9a-f-]{36})$/, (_req, res, form, match) => {
      const submission = store.get(form!.definition.id, match[2]!);
      if (!submission) throw new HttpError(404, { error: 'not_found', message: 'No such submission' });
      sendJson(res, 200, submission);
    }],
  ];

  /** Every file a submission refers to must have been uploaded for that form and field; the stored metadata is the server's. */
  const attachFiles = ({ engine, definition }: ServedForm, data: Data): { data: Data; files: { id: string; path: string; index: number }[] } | { errors: { path: string; code: string; params: object }[] } => {
    const errors: { path: string; code: string; params: object }[] = [];
    const referred: { id: string; path: string; index: number }[] = [];
    let result = data;
    for (const info of engine.model.fields.filter((f) => f.file)) {
      for (const pointer of instancesOf(info.pattern, data)) {
        const files = getAt(data, pointer);
        if (!Array.isArray(files)) continue;
        const checked = files.map((file: { id?: unknown }, i) => {
          const stored = typeof file?.id === 'string' ? store.attachment(definition.id, file.id) : undefined;
          if (!stored || stored.field !== patternOf(pointer)) errors.push({ path: pointer, code: 'attachment', params: { index: i } });
          else referred.push({ id: stored.id, path: pointer, index: i });
          return stored ? { id: stored.id, name: stored.name, type: stored.type, size: stored.size, url: `/api/forms/${definition.id}/attachments/${stored.id}` } : file;
        });
        result = setAt(result, pointer, checked);
      }
    }
    return errors.length ? { errors } : { data: result, files: referred };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      for (const [method, pattern, handler] of routes) {
        const match = pattern.exec(path);
        if (!match) continue;
        if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) continue;
        const form = match[1] ? forms.get(match[1]) : undefined;
        if (match[1] && !form) throw new HttpError(404, { error: 'unknown_form', message: `No form "${match[1]}"` });
        return await handler(req, res, form, match);
      }
      if (path.startsWith('/api/')) throw new HttpError(path.match(/^\/api\/forms\/[a-z0-9-]+\/submissions$/) ? 405 : 404, { error: 'not_found', message: `No route ${req.method} ${path}` });
      if (req.method === 'GET' || req.method === 'HEAD') {
        for (const { prefix, dir } of statics) {
          if (!path.startsWith(prefix)) continue;
          const rest = path.slice(prefix.length);
          const file = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
          if (await serveFile(res, dir, file, { 'content-security-policy': csp })) return;
        }
      }
      throw new HttpError(404, { error: 'not_found', message: `Nothing at ${path}` });
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) return sendJson(res, error.status, error.body);
      console.error(error);
      sendJson(res, 500, { error: 'internal', message: 'Something went wrong on the server; nothing was stored' });
    }
  };

  // Files nobody submitted are not kept: swept at start and every hour (the timer never holds the process open).
  const retention = (options.attachmentRetentionHours ?? 24) * 3_600_000;
  const sweep = () => store.sweepAttachments(new Date(Date.now() - retention));
  sweep();
  const sweeper = setInterval(sweep, Math.max(60_000, Math.min(retention, 3_600_000))).unref();

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${address.port}`,
    store,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(sweeper);
        server.closeAllConnections();
        server.close(() => {
          store.close();
          done();
        });
      }),
  };
}
