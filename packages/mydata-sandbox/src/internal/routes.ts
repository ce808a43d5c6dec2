/** The platform's HTTP routes (node:http) over a Platform. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONSENT_CSS, LANGS, consentFaults, consentPage, errorPage } from './consent-page.js';
import type { Lang } from './catalogue.js';
import type { Platform, Transaction } from './platform.js';

const FORM_LIMIT = 16 * 1024;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(value));
}

function redirect(res: ServerResponse, location: string): void {
  send(res, 302, { location }, '');
}

/** No script at all; styles from our own file; the form may go to us and, through our 302, to the SP's returnUrl. */
function html(res: ServerResponse, status: number, body: string, formTarget?: string): void {
  const formAction = ["'self'", ...(formTarget ? [new URL(formTarget).origin] : [])].join(' ');
  send(res, status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; style-src 'self'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  }, body);
}

function langOf(value: string | null | undefined): Lang {
  return LANGS.find((l) => l === value) ?? 'zh-Hant-TW';
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function showConsent(res: ServerResponse, tx: Transaction, lang: Lang): void {
  html(res, 200, consentPage(tx, lang), tx.client.returnUrl);
}

async function consentPost(platform: Platform, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const tx = form ? platform.transaction(form.get('tx') ?? '') : undefined;
  if (!form || !tx) return html(res, 400, errorPage(400, 'unknown transaction'));
  if (form.get('action') === 'decline') return redirect(res, platform.decline(tx));
  const chosen = consentFaults(tx.resources).find((f) => f.value === form.get('fault'));
  // A fault picked on the page applies to this transaction (it cannot change one already decided).
  if (chosen && !tx.returnLocation) tx.fault = { ...tx.fault, ...chosen.fault };
  const persona = form.get('persona');
  if (!persona) return showConsent(res, tx, langOf(form.get('lang')));
  redirect(res, await platform.agree(tx, persona));
}

export function routes(platform: Platform): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/service/static/consent.css') return send(res, 200, { 'content-type': 'text/css; charset=utf-8' }, CONSENT_CSS);
    if (method === 'GET' && path === '/service/data') {
      const answer = platform.pull(header(req, 'tx_id'), header(req, 'permission_ticket'));
      return send(res, answer.status, answer.headers ?? {}, answer.body);
    }
    if (method === 'GET' && path === '/service/txid_status') return sendJson(res, 200, platform.status(header(req, 'tx_id')));
    if (method === 'GET' && path === '/service/type_valid') return sendJson(res, 200, platform.identityMethod(header(req, 'tx_id')));
    if (path === '/service/consent') {
      if (method === 'POST') return consentPost(platform, req, res);
      const tx = platform.transaction(url.searchParams.get('tx') ?? '');
      if (!tx || tx.returnLocation) return html(res, 400, errorPage(400, 'unknown or finished transaction'));
      return showConsent(res, tx, langOf(url.searchParams.get('lang')));
    }
    if (method === 'GET' && path.startsWith('/service/')) {
      const opened = platform.open(path.slice('/service/'.length).split('/'), url.searchParams);
      if (opened.kind === 'error') return html(res, opened.status, errorPage(opened.status, opened.message));
      if (opened.kind === 'return') return redirect(res, opened.location);
      return showConsent(res, opened.tx, langOf(url.searchParams.get('lang')));
    }
    html(res, 404, errorPage(404, 'no such route in the MyData sandbox'));
  };
}
