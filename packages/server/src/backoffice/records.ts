/**
 * The citizen's record over HTTP — `GET /api/forms/:id/submissions/:sid` and a submitted file,
 * `GET /api/forms/:id/attachments/:fileId` — served only to a caseworker's token (scope `read`, that form) or to the
 * citizen's own receipt secret (header `Formosa-Receipt-Secret`, the secret of that submission or, for a file, of a
 * version of the application that took it). A file no submission took yet stays readable by its id alone: the
 * uploader's page shows it (a thumbnail is a plain `<img>`) and the id is known to that page only; it is swept after
 * its retention period. Every read is one line of the access log (a citizen's as `citizen`, scope `receipt`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from '../http.js';
import type { Route } from '../route.js';
import { checkReceiptSecret } from '../status/secret.js';
import { authenticate, pathOf } from './auth.js';
import type { BackofficeContext } from './context.js';
import { versionsOf } from './versions.js';

const SECRET_HEADER = 'formosa-receipt-secret';
const noSubmission = () => new HttpError(404, { error: 'not_found', message: 'No such submission' });
const noFile = () => new HttpError(404, { error: 'not_found', message: 'No such file' });

/**
 * Lets the request through if it holds a caseworker's token for the form, or the receipt secret of one of
 * `submissionIds` (a wrong secret answers as an unknown record: 404); else 401. Logged either way.
 */
async function mayRead(ctx: BackofficeContext, req: IncomingMessage, formId: string, recordId: string, submissionIds: () => Promise<readonly string[]>): Promise<void> {
  const secret = req.headers[SECRET_HEADER];
  if (req.headers.authorization !== undefined || secret === undefined) {
    await authenticate(req, ctx.store, 'read', formId, { recordId });
    return;
  }
  const given = String(secret);
  const ids = await submissionIds();
  const matches = ids.some((id) => checkReceiptSecret(ctx.receiptKey, id, given));
  await ctx.store.backoffice.logAccess({ at: new Date().toISOString(), holder: 'citizen', method: req.method ?? 'GET', path: pathOf(req).slice(0, 500), formId, recordId, scope: 'receipt', outcome: matches ? 'allowed' : 'unauthorized', ...(matches ? {} : { reason: 'secret' }) });
  if (!matches) throw new HttpError(404, { error: 'not_found', message: 'No such record for this receipt secret' });
}

/** Sends a stored file as a download that can never run as a page of this origin. */
export function sendFile(res: ServerResponse, file: { type: string; size: number; name: string; data?: Buffer }, disposition: 'inline' | 'attachment' = 'inline'): void {
  res.writeHead(200, {
    // A citizen's papers: never kept in a cache (a shared computer, a proxy).
    'content-type': file.type, 'content-length': file.size, 'cache-control': 'no-store',
    // Shown inline only as what it claims to be; never sniffed, never a page of this origin.
    'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`, 'content-security-policy': "default-src 'none'; sandbox",
  });
  res.end(file.data);
}

/**
 * The record routes, for app.ts's list.
 * @example
 * const routes: Route[] = [...recordRoutes(ctx)];
 */
export function recordRoutes(ctx: BackofficeContext): Route[] {
  const { store } = ctx;
  return [
    ['GET', /^\/api\/forms\/([a-z0-9-]+)\/submissions\/([0-9a-f-]{36})$/, async (req, res, form, match) => {
      const formId = form!.definition.id, id = match[2]!;
      await mayRead(ctx, req, formId, id, async () => [id]);
      const submission = await store.get(formId, id);
      if (!submission) throw noSubmission();
      // A correction and what it corrects are one application to the agency: each names the other.
      sendJson(res, 200, { ...submission, correctedBy: await store.correctionsOf(submission.formId, submission.id) });
    }],
    ['GET', /^\/api\/forms\/([a-z0-9-]+)\/attachments\/([0-9a-f-]{36})$/, async (req, res, form, match) => {
      const formId = form!.definition.id, id = match[2]!;
      const claim = await store.backoffice.claimOf(formId, id);
      if (claim === undefined) throw noFile();
      if (claim !== null) await mayRead(ctx, req, formId, id, async () => (await versionsOf(store, formId, claim)).map((v) => v.id));
      const file = await store.attachment(formId, id, true);
      if (!file) throw noFile();
      sendFile(res, file);
    }],
  ];
}
