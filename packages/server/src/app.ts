/**
 * The reference agency endpoint: serves the demo site and the definitions, receives submissions,
 * re-validates them with the same engine and definition (in a worker thread), stores each exactly once, issues receipts.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { loadForms, type ServedForm } from './forms.js';
import { Judges } from './judges.js';
import { MissingAttachmentError, openStore, type Store, type SubmissionSummary } from './store/index.js';
import { crossOrigin, HttpError, readBytes, readJsonText, sendJson, serveFile, STRICT_CSP } from './http.js';
import { patternOf, type Attachment } from '@formosa/schema';
import { DEFINITION_CHECKED, GATE_VERSION } from '@formosa/schema/gate-version';
import { characterProblem, getAt, setAt, type Data } from '@formosa/engine';
import { DEFAULT_LIMITS, SlidingWindow, type LimitOptions } from './rate-limit.js';
import { MyDataRoutes, type MyDataSetup } from './mydata.js';
import { sendBody } from './compress.js';
import { DeliveryWorker } from './deliveries/worker.js';
import { checkDeliveries, type DeliveryOptions } from './deliveries/config.js';
import { deliveryRoutes } from './deliveries/routes.js';
import type { Route } from './route.js';
import { randomBytes } from 'node:crypto';
import type { StatusFlow } from './status/flow.js';
import { statusFlows } from './status/flows.js';
import { receiptSecret, receiptSecretKey } from './status/secret.js';
import { newLookupWindow, type StatusContext } from './status/context.js';
import { statusRoutes } from './status/routes.js';
import { backofficeRoutes } from './backoffice/routes.js';
import { recordRoutes } from './backoffice/records.js';
import { funnelRoutes } from './funnel/routes.js';
import { moveResubmitted, outsideReopened, reopeningOf } from './status/resubmission.js';

export interface ServerOptions {
  /** Folder of `*.json` definitions. */
  readonly formsDir: string;
  /**
   * Where submissions are kept: a SQLite file (`:memory:` for a throwaway one), or a PostgreSQL URL
   * (`postgres://…`) that several instances share. Migrated at start.
   */
  readonly database: string;
  /** Folders served as static files, first match wins (the demo site, the built bundle). */
  readonly staticDirs?: readonly { readonly prefix: string; readonly dir: string }[];
  /** Content-Security-Policy of HTML pages. */
  readonly csp?: string;
  /** Largest accepted submission body, in bytes. */
  readonly bodyLimit?: number;
  /** Hours an uploaded file no submission took is kept (removed by the citizen, or never sent); 24 by default. */
  readonly attachmentRetentionHours?: number;
  /** Rate limits of anonymous writes and the upload quota (see rate-limit.ts for the defaults). */
  readonly limits?: LimitOptions;
  /** Behind a proxy the agency runs: take the client's address from the first `X-Forwarded-For` entry. */
  readonly trustProxy?: boolean;
  /** MyData prefill: the connector's configuration (or a function making it once the server's URL is known). */
  readonly mydata?: MyDataSetup;
  /**
   * Exact origins of the agency's pages on other origins that may embed its forms (`https://www.agency.gov.tw`):
   * answered with CORS headers, never with credentials; MyData stays same-origin. See docs/embedding.md.
   */
  readonly corsOrigins?: readonly string[];
  /** Origins of the agency's pages (besides this server's) that may begin MyData journeys and be returned to. */
  readonly pageOrigins?: readonly string[];
  /**
   * The server's secret (≥ 16 bytes; FORMOSA_SECRET or .data/secret in main.ts): receipt secrets derive from it, so
   * every instance must share it. Without it a random one is drawn: status codes then change at each start.
   */
  readonly secret?: string | Uint8Array;
  /** A form's own status flow, by form id (`DEFAULT_FLOW` otherwise); checked at start: a bad flow stops the server. */
  readonly statusFlows?: Readonly<Record<string, StatusFlow>>;
  /**
   * Deliveries of each submission and status move to the agency's systems: endpoints (forms, URL, signing key), signed,
   * retried for 35 hours, then parked with an alert (`onAlert`). Checked at start. See docs/server.md#deliveries.
   */
  readonly deliveries?: DeliveryOptions;
  /** The time in ms, for what expires (MyData seals); tests move it. */
  readonly now?: () => number;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly store: Store;
  /** The delivery worker, when deliveries are configured (its `tick()` runs a round at once). */
  readonly deliveries?: DeliveryWorker;
  /** Every route the server answers, in order (a test tries each back-office and record route without a token). */
  readonly routes: readonly Route[];
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
/** The longest file name kept, in characters (code points). */
const MAX_NAME = 200;

/** The file name a citizen's browser sent, decoded, checked and cut to size by characters, keeping its extension. */
function fileNameOf(header: string | string[] | undefined): string {
  let name: string;
  try {
    name = decodeURIComponent(String(header ?? 'file')).normalize('NFC');
  } catch {
    throw new HttpError(400, { error: 'bad_filename', message: 'The file name header is not a valid URI-encoded name' });
  }
  if (characterProblem(name, false)) throw new HttpError(400, { error: 'bad_filename', message: 'The file name holds control, direction or invisible characters' });
  const characters = [...name];
  if (characters.length <= MAX_NAME) return name || 'file';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? [...name.slice(dot)] : [];
  return [...characters.slice(0, MAX_NAME - extension.length), ...extension].join('');
}

/**
 * Starts the server.
 * @example
 * const { url, close } = await startServer({ formsDir: 'examples/forms', database: '.data/formosa.sqlite' }, 8080);
 */
export async function startServer(options: ServerOptions, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const cors = crossOrigin(options.corsOrigins ?? []);
  const judges = new Judges();
  const forms = await loadForms(options.formsDir, judges);
  const flowOf = statusFlows(options.statusFlows, forms.keys());
  if (options.deliveries) checkDeliveries(options.deliveries, new Set(forms.keys()));
  const store = await openStore(options.database);
  const clock = options.deliveries?.now ?? options.now ?? Date.now;
  const deliveries = options.deliveries && new DeliveryWorker(store.deliveries, { ...options.deliveries, now: clock });
  const statics = (options.staticDirs ?? []).map((s) => ({ prefix: s.prefix, dir: resolve(s.dir) }));
  const csp = options.csp ?? STRICT_CSP;
  const bodyLimit = options.bodyLimit ?? 1_000_000;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const perAddress = new SlidingWindow(limits.perAddress.requests ?? Infinity, limits.perAddress.seconds);
  const perForm = new SlidingWindow(limits.perForm.requests ?? Infinity, limits.perForm.seconds);
  const uploadBytes = new SlidingWindow(limits.uploadBytes.bytes ?? Infinity, limits.uploadBytes.seconds);
  /** Submissions being processed, by form and key: another under the same key meanwhile is answered 409. */
  const inFlight = new Set<string>();
  const addressOf = (req: IncomingMessage) => {
    const forwarded = options.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]!.trim() : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  };
  /** The request's Idempotency-Key (undefined when it sent none); a malformed one is refused before the body is read. */
  const keyOf = (req: IncomingMessage, required = false): string | undefined => {
    const key = req.headers['idempotency-key'];
    if (key === undefined && !required) return undefined;
    if (typeof key === 'string' && KEY_PATTERN.test(key)) return key;
    req.resume();
    throw new HttpError(400, { error: 'bad_idempotency_key', message: 'Idempotency-Key must be 1 to 255 printable ASCII characters' });
  };
  /** The key of the submission a correction corrects (`Formosa-Corrects`); a correction needs a key of its own. */
  const correctedKeyOf = (req: IncomingMessage, key: string | undefined): string | undefined => {
    const corrected = req.headers['formosa-corrects'];
    if (corrected === undefined) return undefined;
    if (typeof corrected === 'string' && KEY_PATTERN.test(corrected) && key !== undefined && corrected !== key) return corrected;
    req.resume();
    throw new HttpError(400, { error: 'bad_correction', message: 'Formosa-Corrects must be the Idempotency-Key (1 to 255 printable ASCII characters) of the submission corrected, and the correction needs an Idempotency-Key of its own' });
  };
  const retiredError = () => new HttpError(410, { error: 'key_retired', message: 'A lookup found nothing stored under this Idempotency-Key, so nothing will be: send the answers under a new key' });
  const inFlightError = () => new HttpError(409, { error: 'in_flight', message: 'A request with this Idempotency-Key is still being processed; try again in a moment' });
  const unavailable = () => {
    throw new HttpError(503, { error: 'unavailable', message: 'This form cannot take submissions at the moment' }, { 'retry-after': '60' });
  };
  const badJson = () => new HttpError(400, { error: 'bad_json', message: 'The body is not valid JSON' });
  /** What a submission's key answers, when stored now (201) or before (200, a lookup); a correction names what it corrects. */
  const answerOf = async ({ id, formId, receipt, submittedAt, corrects }: SubmissionSummary) => {
    const corrected = corrects ? await store.summary(formId, { id: corrects }) : undefined;
    return { id, receipt, submittedAt, secret: receiptSecret(status.receiptKey, id), ...(corrected ? { corrects: { id: corrected.id, receipt: corrected.receipt } } : {}) };
  };
  /** Set once the server listens (the connector's return and notification URLs are the server's own). */
  let mydata: MyDataRoutes | undefined;
  /** Requests wait for MyData's setup: a page loading meanwhile must not be told MyData is not offered. */
  let myDataReady: Promise<unknown> = Promise.resolve();
  const myData = () => mydata ?? (() => {
    throw new HttpError(404, { error: 'no_mydata', message: 'MyData is not configured on this server' });
  })();
  /** Names this server's forms for the compressed bodies kept (forms are loaded once, at start; another server in the process has others). */
  const instance = randomUUID();
  const served = (form: ServedForm) => `${instance}:${form.definition.id}`;
  const limited = (seconds: number, message: string) => new HttpError(429, { error: 'rate_limited', message, retryAfter: seconds }, { 'retry-after': String(seconds) });

  const status: StatusContext = { store, forms, flowOf, receiptKey: receiptSecretKey(options.secret ?? randomBytes(32)), addressOf, lookups: newLookupWindow() };
  // The funnel's beacons are limited by the funnel itself: they must not spend the form's budget of submissions.
  const funnel = funnelRoutes({ store, addressOf });
  const routes: Route[] = [
    ...deliveryRoutes({ store, now: clock }),
    ...statusRoutes(status),
    ...backofficeRoutes(status),
    ...recordRoutes(status),
    ...funnel,
    ['GET', /^\/api\/forms$/, (_req, res) => sendJson(res, 200, [...forms.values()].map(({ definition: d }) => ({ id: d.id, version: d.version, title: d.title, description: d.description, locales: d.locales })))],
    // What a page fetches to show a form goes compressed (on a phone's network, bytes are most of the wait). It went
    // through the gate when the server started: a browser with the same gate need not fetch and run it again.
    ['GET', /^\/api\/forms\/([a-z0-9-]+)$/, (req, res, form) => sendBody(req, res, 'application/json; charset=utf-8', `${served(form!)}:definition`, () => Buffer.from(JSON.stringify(form!.definition)), { 'cache-control': 'no-store', [DEFINITION_CHECKED]: GATE_VERSION })],
    ['GET', /^\/api\/forms\/([a-z0-9-]+)\/validator\.js$/, (req, res, form) => sendBody(req, res, 'text/javascript; charset=utf-8', `${served(form!)}:validator`, async () => Buffer.from(await form!.validatorSource()), { 'cache-control': 'no-cache' })],
    ['POST', /^\/api\/forms\/([a-z0-9-]+)\/attachments$/, async (req, res, form) => {
      const field = new URL(req.url ?? '', 'http://localhost').searchParams.get('field') ?? '';
      const info = form!.engine.model.field(field);
      if (!info?.file) throw new HttpError(422, { error: 'not_a_file_field', message: `No file field at "${field}"` });
      // Media types are case-insensitive, and their parameters say nothing about what the file is.
      const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (info.item.accept && !info.item.accept.includes(type)) {
        req.resume();
        throw new HttpError(415, { error: 'file_type', message: `This field accepts ${info.item.accept.join(', ')}`, accept: info.item.accept });
      }
      const name = fileNameOf(req.headers['x-formosa-filename']);
      // The quota is charged with the bytes read, as they arrive: a body sent in chunks, with no Content-Length,
      // counts as much as a declared one. A declared length that would not fit is refused before anything is read.
      const address = addressOf(req);
      const tooMuch = (wait: number) => limited(wait, 'Too much has been uploaded from this address; try again later');
      const declared = req.headers['content-length'] === undefined ? 1 : Number(req.headers['content-length']);
      const early = uploadBytes.wait(address, Number.isFinite(declared) ? declared : 1);
      if (early) {
        req.resume();
        throw tooMuch(early);
      }
      const data = await readBytes(req, info.item.maxSize ?? DEFAULT_MAX_FILE, (bytes) => {
        const wait = uploadBytes.take(address, bytes);
        if (wait) throw tooMuch(wait);
      });
      if (data.length === 0) throw new HttpError(422, { error: 'empty_file', message: 'The file is empty' });
      const stored = await store.storeAttachment(form!.definition.id, info.pattern, name, type, data);
      const url = `/api/forms/${form!.definition.id}/attachments/${stored.id}`;
      // The token (for the uploader only) is what deleting the file before sending takes.
      sendJson(res, 201, { id: stored.id, name: stored.name, type: stored.type, size: stored.size, url, token: stored.token } satisfies Attachment, { location: url });
    }],
    ['DELETE', /^\/api\/forms\/([a-z0-9-]+)\/attachments\/([0-9a-f-]{36})$/, async (req, res, form, match) => {
      const token = String(req.headers['x-formosa-attachment-token'] ?? '');
      if (!(await store.attachment(form!.definition.id, match[2]!))) throw new HttpError(404, { error: 'not_found', message: 'No such file' });
      if (!token || !(await store.holdsToken(form!.definition.id, match[2]!, token))) throw new HttpError(403, { error: 'forbidden', message: 'Only whoever uploaded the file can delete it (its token)' });
      const outcome = await store.deleteAttachment(form!.definition.id, match[2]!);
      if (outcome === 'missing') throw new HttpError(404, { error: 'not_found', message: 'No such file' });
      if (outcome === 'kept') throw new HttpError(409, { error: 'submitted', message: 'The file belongs to a submission and is kept with it' });
      res.writeHead(204).end();
    }],
    ['POST', /^\/api\/forms\/([a-z0-9-]+)\/submissions$/, async (req, res, form) => {
      const key = keyOf(req);
      const correctedKey = correctedKeyOf(req, key);
      const { definition } = form!;
      const reopening = await reopeningOf(status, req, definition.id, key);
      const flight = key === undefined ? undefined : `${definition.id}\u0000${key}`;
      // Refused before its body is read; checked again where it is stored (a lookup may retire the key meanwhile).
      if (key !== undefined && (await store.isRetired(definition.id, key))) {
        req.resume();
        throw retiredError();
      }
      if (flight && inFlight.has(flight)) {
        req.resume();
        throw inFlightError();
      }
      if (flight) inFlight.add(flight);
      try {
        // Here, only what is cheap and bounded (bytes, encoding, a scan of the shape); the rest in the worker.
        const text = await readJsonText(req, bodyLimit, form!.engine.shape);
        // The worker answers with an error when the form's validator could not be compiled.
        const judged = await judges.judge(definition.id, text).catch(unavailable);
        if ('malformed' in judged) throw badJson();
        if ('errors' in judged) return sendJson(res, 422, { errors: judged.errors, ...(judged.truncated ? { truncated: true } : {}) });
        let corrected: SubmissionSummary | undefined;
        if (correctedKey !== undefined) {
          // The original's key is the proof: only the citizen's browser holds it. Still in flight, it is stored in a moment.
          if (inFlight.has(`${definition.id}\u0000${correctedKey}`)) throw inFlightError();
          corrected = await store.summary(definition.id, { key: correctedKey });
          if (!corrected) return sendJson(res, 422, { error: 'correction_target_missing', message: 'No submission of this form has the Idempotency-Key this one corrects' });
        }
        const outside = reopening && (await outsideReopened(status, form!, reopening, judged.data));
        if (outside) return sendJson(res, 422, outside);
        const data = await attachFiles(form!, judged.data);
        if ('errors' in data) return sendJson(res, 422, data);
        // Answers MyData verified must arrive as they were handed out (a changed page cannot change them).
        const checked = mydata ? mydata.verify(req, form!, data.data) : { verified: [] };
        if ('status' in checked) return sendJson(res, checked.status, checked.body);
        let stored;
        try {
          stored = await store.store(definition.id, definition.version, key, data.data, { attachments: data.files.map((f) => f.id), hash: judged.fingerprint, corrects: corrected?.id ?? reopening?.corrects, verified: checked.verified });
        } catch (error) {
          if (!(error instanceof MissingAttachmentError)) throw error;
          const file = data.files.find((f) => f.id === error.attachmentId)!;
          return sendJson(res, 422, { errors: [{ path: file.path, code: 'attachment', params: { index: file.index } }] });
        }
        // The IETF idempotency-key draft: a key used for another request never answers with that request's record.
        if ('reused' in stored) return sendJson(res, 422, { error: 'idempotency_key_reused', message: 'This Idempotency-Key was used for a different submission' });
        if ('retired' in stored) throw retiredError();
        const { submission, created } = stored;
        if (reopening) await moveResubmitted(status, reopening, submission);
        sendJson(res, created ? 201 : 200, await answerOf(submission), created ? { location: `/api/forms/${definition.id}/submissions/${submission.id}` } : {});
      } finally {
        if (flight) inFlight.delete(flight);
      }
    }],
    // Was an attempt whose answer was lost stored? Asked with its key and its body (the proof), never the key alone.
    ['POST', /^\/api\/forms\/([a-z0-9-]+)\/submissions\/lookup$/, async (req, res, form) => {
      const { definition } = form!;
      const key = keyOf(req, true)!;
      const flight = `${definition.id}\u0000${key}`;
      if (inFlight.has(flight)) {
        req.resume();
        throw inFlightError();
      }
      // The same bounded reading as a submission's; the fingerprint is computed by the worker, as the stored one was.
      const text = await readJsonText(req, bodyLimit, form!.engine.shape);
      const proof = await judges.fingerprint(text).catch(unavailable);
      if ('malformed' in proof) throw badJson();
      // Again: a submission under the key may have begun while this body was read.
      if (inFlight.has(flight)) throw inFlightError();
      // Nothing under the key at all: it is retired with the same query, so an attempt still on its way (held in a
      // proxy) is refused with 410 when it arrives, not stored as a second application after this 404.
      const submission = await store.findOrRetire(definition.id, key, proof.fingerprint);
      if (!submission) throw new HttpError(404, { error: 'not_stored', message: 'Nothing is stored under this Idempotency-Key for this body' });
      sendJson(res, 200, await answerOf(submission));
    }],
    // Asked by every page of a form that reads MyData: a server without a connector says so plainly (not a 404 in the console).
    ['GET', /^\/api\/forms\/([a-z0-9-]+)\/mydata$/, (_req, res, form) => (mydata ? mydata.describe(res, form!) : sendJson(res, 200, { offered: false }))],
    ['POST', /^\/api\/forms\/([a-z0-9-]+)\/mydata\/begin$/, (req, res, form) => myData().begin(req, res, form!)],
    ['GET', /^\/api\/forms\/([a-z0-9-]+)\/mydata\/result$/, (req, res, form) => myData().result(req, res, form!)],
    ['POST', /^\/api\/mydata\/notify$/, (req, res) => myData().notify(req, res)],
    ['GET', /^\/api\/mydata\/return$/, (req, res) => myData().returned(req, res)],
    ['GET', /^\/api\/health$/, (_req, res) => sendJson(res, 200, { status: 'ok' })],
  ];

  /** Every file a submission refers to must have been uploaded for that form and field; the stored metadata is the server's. */
  const attachFiles = async ({ engine, definition }: ServedForm, data: Data): Promise<{ data: Data; files: { id: string; path: string; index: number }[] } | { errors: { path: string; code: string; params: object }[] }> => {
    const errors: { path: string; code: string; params: object }[] = [];
    const referred: { id: string; path: string; index: number }[] = [];
    let result = data;
    for (const info of engine.model.fields.filter((f) => f.file)) {
      for (const pointer of instancesOf(info.pattern, data)) {
        const files = getAt(data, pointer);
        if (!Array.isArray(files)) continue;
        const checked = [];
        for (const [i, file] of (files as { id?: unknown }[]).entries()) {
          const stored = typeof file?.id === 'string' ? await store.attachment(definition.id, file.id) : undefined;
          if (!stored || stored.field !== patternOf(pointer)) errors.push({ path: pointer, code: 'attachment', params: { index: i } });
          else referred.push({ id: stored.id, path: pointer, index: i });
          checked.push(stored ? { id: stored.id, name: stored.name, type: stored.type, size: stored.size, url: `/api/forms/${definition.id}/attachments/${stored.id}` } : file);
        }
        result = setAt(result, pointer, checked);
      }
    }
    return errors.length ? { errors } : { data: result, files: referred };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    await myDataReady.catch(() => undefined);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return sendJson(res, 400, { error: 'bad_request', message: 'The request target is not a valid path' });
    }
    if (cors(req, res, path)) return;
    try {
      const allowed: string[] = [];
      for (const route of routes) {
        const [method, pattern, handler] = route;
        const match = pattern.exec(path);
        if (!match) continue;
        allowed.push(method, ...(method === 'GET' ? ['HEAD'] : []));
        if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) continue;
        const form = match[1] ? forms.get(match[1]) : undefined;
        if (match[1] && !form) throw new HttpError(404, { error: 'unknown_form', message: `No form "${match[1]}"` });
        if (method !== 'GET' && !funnel.includes(route)) {
          // Anonymous writes are limited per address and per form (reading is not).
          const wait = perAddress.take(addressOf(req)) || (form ? perForm.take(form.definition.id) : 0);
          if (wait) {
            req.resume();
            throw limited(wait, 'Too many requests; try again later');
          }
        }
        return await handler(req, res, form, match);
      }
      if (allowed.length) {
        req.resume();
        throw new HttpError(405, { error: 'method_not_allowed', message: `${req.method} is not allowed here; use ${[...new Set(allowed)].join(', ')}` }, { allow: [...new Set(allowed)].join(', ') });
      }
      if (path.startsWith('/api/')) throw new HttpError(404, { error: 'not_found', message: `No route ${req.method} ${path}` });
      if (req.method === 'GET' || req.method === 'HEAD') {
        for (const { prefix, dir } of statics) {
          if (!path.startsWith(prefix)) continue;
          const rest = path.slice(prefix.length);
          const file = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
          if (await serveFile(res, dir, file, { 'content-security-policy': csp }, req)) return;
        }
      }
      throw new HttpError(404, { error: 'not_found', message: `Nothing at ${path}` });
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) return sendJson(res, error.status, error.body, error.headers);
      console.error(error);
      sendJson(res, 500, { error: 'internal', message: 'Something went wrong on the server; nothing was stored' });
    }
  };

  // Files nobody submitted are not kept: swept at start and every hour (the timer never holds the process open).
  const retention = (options.attachmentRetentionHours ?? 24) * 3_600_000;
  const sweep = () => store.sweepAttachments(new Date(Date.now() - retention)).catch((error: unknown) => console.error('[formosa] the sweep of unclaimed files failed:', error));
  await sweep();
  const sweeper = setInterval(sweep, Math.max(60_000, Math.min(retention, 3_600_000))).unref();

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  try {
    if (options.mydata) {
      myDataReady = MyDataRoutes.start(options.mydata, url, { pageOrigins: options.pageOrigins ?? [], ...(options.now ? { now: options.now } : {}) }).then((routes) => (mydata = routes));
      await myDataReady;
    }
  } catch (error) {
    server.close();
    await store.close();
    await judges.close();
    throw error;
  }
  deliveries?.start();
  return {
    server,
    url,
    store,
    deliveries,
    routes,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(sweeper);
        const stopped = deliveries?.stop() ?? Promise.resolve();
        void mydata?.close();
        server.closeAllConnections();
        server.close(() => {
          void Promise.all([stopped.then(() => store.close()), judges.close()]).then(() => done());
        });
      }),
  };
}
