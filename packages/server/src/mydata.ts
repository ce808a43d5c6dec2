/**
 * MyData prefill on the reference server: the backend-for-frontend between the citizen's browser and the connector.
 * The browser only ever sees mapped values, their provenance and a seal; the platform's tickets and keys stay in the
 * connector's memory. A journey is bound to the browser that began it by an HttpOnly cookie (the role OAuth's `state`
 * plays), and the mapped values are kept here, in memory, for the form's `keepMinutes`, so a reload gets them again
 * without anything being written to the citizen's device.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyMapping, checkSeal, createConnector, RETURN_CODES, sealValues, type Connector, type MyDataConfig, type Provenance } from '@formosa/mydata';
import { MYDATA_DATASETS, type FormDefinition } from '@formosa/schema';
import { checkNationalId } from '@formosa/engine';
import { HttpError, readJsonText, sendJson, sendText } from './http.js';
import type { ServedForm } from './forms.js';
import type { VerifiedAnswer } from './store/index.js';

/** How the server reaches MyData: a connector's configuration, made once the server knows its own URL. */
export type MyDataSetup = MyDataConfig | ((serverUrl: string) => Promise<{ config: MyDataConfig; close?: () => Promise<void> }>);

export interface MyDataOptions {
  /** Origins (besides the server's own) whose pages may begin a MyData journey and be sent back to. */
  readonly pageOrigins?: readonly string[];
  /** The time, in ms (tests move it to expire seals). */
  readonly now?: () => number;
}

/** One citizen's journey through the platform, as this server knows it (memory only). */
interface Journey {
  readonly txId: string;
  readonly formId: string;
  readonly page: string;
  /** Where the browser's binding cookie finds this journey (its hash: the cookie itself is kept nowhere). */
  readonly binding: string;
  readonly startedAt: number;
  code?: number;
  prefill?: Prefill;
}

/** What the browser receives once the package is verified and mapped. */
interface Prefill {
  readonly values: Record<string, unknown>;
  readonly provenance: Record<string, Provenance>;
  readonly problems: readonly unknown[];
  readonly datasets: readonly { resource: string; verified: boolean; available: boolean; reason?: string }[];
  readonly seal: string;
  readonly expiresAt: number;
}

const COOKIE = 'formosa-mydata-';
/** The platform ends a transaction after about 20 minutes; a journey nobody came back to is forgotten after this. */
const JOURNEY_MS = 30 * 60_000;
const DEFAULT_KEEP_MINUTES = 60;
/** The key of a journey by the form and the (hashed) binding cookie of the browser that began it. */
const bindingKey = (formId: string, cookie: Buffer) => `${formId}\u0000${createHash('sha256').update(cookie).digest('hex')}`;

function cookieOf(req: IncomingMessage, name: string): Buffer | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === name && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return Buffer.from(value, 'base64url');
  }
  return undefined;
}

/** A page telling a citizen, in both languages of the platform, what happened and how to go on. */
function returnPage(res: ServerResponse, status: number, zh: string, en: string): void {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  sendText(res, status, 'text/html; charset=utf-8', `<!doctype html><html lang="zh-Hant-TW"><meta charset="utf-8"><title>MyData</title>
<main><h1>MyData</h1><p>${escape(zh)}</p><p lang="en">${escape(en)}</p><p><a href="/">回到首頁 / Home</a></p></main></html>`, { 'cache-control': 'no-store' });
}

export class MyDataRoutes {
  private readonly journeys = new Map<string, Journey>();
  private readonly byBinding = new Map<string, string>();
  private constructor(
    readonly connector: Connector,
    private readonly allowedOrigins: ReadonlySet<string>,
    private readonly closeSetup: (() => Promise<void>) | undefined,
    private readonly now: () => number,
  ) {}

  static async start(setup: MyDataSetup, serverUrl: string, options: MyDataOptions = {}): Promise<MyDataRoutes> {
    const made = typeof setup === 'function' ? await setup(serverUrl) : { config: setup };
    const origins = new Set([new URL(serverUrl).origin, ...(options.pageOrigins ?? []).map((o) => new URL(o).origin)]);
    return new MyDataRoutes(createConnector(made.config), origins, made.close, options.now ?? Date.now);
  }

  async close(): Promise<void> {
    await this.connector.close();
    await this.closeSetup?.();
  }

  /** `GET …/mydata`: whether this form offers MyData here, and what it reads (names and agencies from the catalogue). */
  describe(res: ServerResponse, form: ServedForm): void {
    const spec = form.definition.mydata;
    if (!spec) throw new HttpError(404, { error: 'no_mydata', message: 'This form does not read MyData' });
    sendJson(res, 200, {
      offered: true,
      keepMinutes: spec.keepMinutes ?? DEFAULT_KEEP_MINUTES,
      datasets: spec.datasets.map((d) => ({ resource: d.resource, name: MYDATA_DATASETS[d.resource]?.name, agency: MYDATA_DATASETS[d.resource]?.agency })),
    }, { 'cache-control': 'no-cache' });
  }

  /** `POST …/mydata/begin` `{subject, page}`: where to send the browser; binds the journey to it with a cookie. */
  async begin(req: IncomingMessage, res: ServerResponse, form: ServedForm): Promise<void> {
    const spec = form.definition.mydata;
    if (!spec) throw new HttpError(404, { error: 'no_mydata', message: 'This form does not read MyData' });
    let body: { subject?: unknown; page?: unknown };
    try {
      body = JSON.parse(await readJsonText(req, 4096)) as typeof body;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, { error: 'bad_json', message: 'The body is not valid JSON' });
    }
    const subject = typeof body?.subject === 'string' ? body.subject.trim().toUpperCase() : '';
    if (checkNationalId(subject) !== undefined) throw new HttpError(422, { errors: [{ path: spec.subject, code: 'format', params: { format: 'tw-national-id' } }] });
    let page: URL;
    try {
      page = new URL(String(body.page));
    } catch {
      throw new HttpError(400, { error: 'bad_page', message: 'page must be the absolute URL of the form page' });
    }
    // Only pages of known origins are returned to: the server never becomes an open redirect.
    if (!this.allowedOrigins.has(page.origin)) throw new HttpError(403, { error: 'page_origin', message: `Pages of ${page.origin} may not use MyData through this server` });
    page.hash = '';
    this.sweep();
    const { txId, url } = this.connector.begin({ resources: spec.datasets.map((d) => d.resource), subject });
    const cookie = randomBytes(32);
    const binding = bindingKey(form.definition.id, cookie);
    this.journeys.set(txId, { txId, formId: form.definition.id, page: page.href, binding, startedAt: this.now() });
    this.byBinding.set(binding, txId);
    const setCookie = `${COOKIE}${form.definition.id}=${cookie.toString('base64url')}; Path=/api/; HttpOnly; SameSite=Lax; Max-Age=${Math.round(JOURNEY_MS / 1000) + (spec.keepMinutes ?? DEFAULT_KEEP_MINUTES) * 60}`;
    sendJson(res, 200, { url }, { 'set-cookie': setCookie, 'cache-control': 'no-store' });
  }

  /** `POST /api/mydata/notify`: the platform's server-to-server notification, answered at once. */
  async notify(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(await readJsonText(req, 16_384));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, { error: 'bad_json', message: 'The body is not valid JSON' });
    }
    const answer = this.connector.notify(body);
    sendJson(res, answer.status, answer.body);
  }

  /** `GET /api/mydata/return`: the citizen's browser back from the platform; sent on to the form page. */
  returned(req: IncomingMessage, res: ServerResponse): void {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const back = this.connector.returned(query);
    const journey = 'txId' in back ? this.journeys.get(back.txId) : undefined;
    if (!journey) return returnPage(res, 400, '這個 MyData 連結已失效，請回到申請表單重新開始，或自行填寫。', 'This MyData link is no longer valid. Go back to the form and start again, or fill it in by hand.');
    const cookie = cookieOf(req, `${COOKIE}${journey.formId}`);
    // Only the browser that began the journey may finish it (a link sent to someone else gets nothing).
    if (!cookie || bindingKey(journey.formId, cookie) !== journey.binding) {
      return returnPage(res, 403, '這次 MyData 授權不是由這個瀏覽器開始的，請回到申請表單重新開始。', 'This MyData consent was not started in this browser. Go back to the form and start again.');
    }
    journey.code = 'code' in back ? back.code : undefined;
    // A code that means the registration is wrong (the citizen is told the agency has been told): said in the log.
    const kind = journey.code === undefined ? undefined : RETURN_CODES[journey.code]?.kind;
    if (kind === 'configuration' || kind === 'bad_request') console.warn(`[formosa] MyData returned ${journey.code} (${kind}) for form ${journey.formId}: check the connector's registration`);
    res.writeHead(303, { location: journey.page, 'cache-control': 'no-store' }).end();
  }

  /** `GET …/mydata/result`: where this browser's journey stands; once ready, the mapped values and their seal. */
  async result(req: IncomingMessage, res: ServerResponse, form: ServedForm): Promise<void> {
    const spec = form.definition.mydata;
    const cookie = cookieOf(req, `${COOKIE}${form.definition.id}`);
    const txId = cookie && this.byBinding.get(bindingKey(form.definition.id, cookie));
    const journey = txId ? this.journeys.get(txId) : undefined;
    if (!spec || !journey) return sendJson(res, 200, { state: 'none' }, { 'cache-control': 'no-store' });
    if (journey.prefill) {
      if (journey.prefill.expiresAt <= this.now()) return sendJson(res, 200, { state: 'expired' }, { 'cache-control': 'no-store' });
      return sendJson(res, 200, { state: 'ready', ...journey.prefill }, { 'cache-control': 'no-store' });
    }
    if (journey.code === undefined) return sendJson(res, 200, { state: 'waiting' }, { 'cache-control': 'no-store' });
    if (journey.code !== 200) return sendJson(res, 200, { state: 'failed', code: journey.code, kind: RETURN_CODES[journey.code]?.kind ?? 'failed' }, { 'cache-control': 'no-store' });
    const outcome = this.connector.result(journey.txId);
    if (outcome.state === 'waiting' || outcome.state === 'pulling') return sendJson(res, 200, { state: 'pulling' }, { 'cache-control': 'no-store', 'retry-after': '1' });
    if (outcome.state === 'failed') return sendJson(res, 200, { state: 'failed', code: outcome.code, kind: RETURN_CODES[outcome.code]?.kind ?? 'failed', reason: outcome.reason }, { 'cache-control': 'no-store' });
    journey.prefill = this.prefill(form.definition, journey, outcome);
    // Mapped and sealed: the raw datasets are dropped now.
    this.connector.forget(journey.txId);
    sendJson(res, 200, { state: 'ready', ...journey.prefill }, { 'cache-control': 'no-store' });
  }

  private prefill(definition: FormDefinition, journey: Journey, ready: Extract<ReturnType<Connector['result']>, { state: 'ready' }>): Prefill {
    const spec = definition.mydata!;
    // The subject's own field is among the values (locked: the platform verified the person) when a dataset arrived.
    const { values, provenance, problems } = applyMapping(spec, ready.datasets, ready.subject);
    const expiresAt = this.now() + (spec.keepMinutes ?? DEFAULT_KEEP_MINUTES) * 60_000;
    const seal = sealValues(this.connector.sealKey, { form: definition.id, subject: ready.subject, tx: journey.txId, expiresAt, values, provenance });
    const datasets = spec.datasets.map(({ resource }) => {
      const got = ready.datasets.find((d) => d.resource === resource);
      return { resource, verified: got?.verified ?? false, available: got !== undefined && !ready.unavailable.includes(resource), ...(got && !got.verified && got.reason ? { reason: got.reason } : {}) };
    });
    return { values, provenance, problems, datasets, seal, expiresAt };
  }

  /**
   * The MyData check of a submission (`Formosa-MyData`: the seal the browser received): which answers are verified,
   * or why the submission is refused. Without a seal, nothing is marked verified (answers typed by hand).
   */
  verify(req: IncomingMessage, form: ServedForm, data: unknown): { verified: VerifiedAnswer[] } | { status: number; body: object } {
    const seal = req.headers['formosa-mydata'];
    if (seal === undefined || !form.definition.mydata) return { verified: [] };
    const checked = checkSeal(this.connector.sealKey, String(seal), { form: form.definition.id, data, now: this.now() });
    if (checked.ok) return { verified: checked.verified };
    if (checked.reason === 'tampered') {
      return { status: 422, body: { error: 'mydata_tampered', message: 'Answers verified by MyData were changed', errors: checked.paths.map((path) => ({ path, code: 'mydata_tampered', params: {} })) } };
    }
    if (checked.reason === 'expired') return { status: 422, body: { error: 'mydata_expired', message: 'The MyData verification of these answers has expired: fetch them again, or send them without the seal as the citizen\'s own answers' } };
    return { status: 422, body: { error: 'mydata_invalid', message: 'The MyData seal is not one this server issued for this form' } };
  }

  private sweep(): void {
    const now = this.now();
    for (const [txId, journey] of this.journeys) {
      const ends = journey.prefill ? journey.prefill.expiresAt : journey.startedAt + JOURNEY_MS;
      if (ends > now) continue;
      this.journeys.delete(txId);
      this.byBinding.delete(journey.binding);
      this.connector.forget(txId);
    }
  }
}
