/**
 * Who is asking the back office: the caseworker's API token (`Authorization: Bearer fbo_…`), checked against the
 * store, with the scope and the form the request needs. Every call writes one line of the access log, refusals too,
 * so the agency can answer "who read this application, when".
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http.js';
import type { AccessEntry } from '../store/backoffice.js';
import type { Store } from '../store/index.js';
import { allows, checkToken, tokenIdOf, type Principal, type Scope } from './tokens.js';

const BEARER = /^Bearer +(\S+)$/i;
const RECORD_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const REALM = 'Bearer realm="formosa-backoffice"';

const MESSAGES = {
  missing: 'This needs a caseworker\'s token: Authorization: Bearer fbo_…',
  invalid: 'The token is not valid',
  revoked: 'The token was revoked',
  expired: 'The token has expired',
  scope: 'The token does not allow this',
  form: 'The token does not allow this form',
} as const;

/** The path of a request, without its query (which may hold what a caseworker searched for). */
export const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?')[0]!;

/**
 * The principal a request's token proves, allowed `scope` (on `formId` when given); else throws HttpError 401
 * (`unauthorized`, with `WWW-Authenticate: Bearer`) for no token, a malformed, unknown, revoked or expired one, and
 * 403 (`forbidden`) for a token without the scope or the form. Writes one access-log line either way: who (token id
 * and holder), what (method, path, form, record: the last UUID in the path unless `recordId` is given), when, outcome.
 * @example
 * const who = await authenticate(req, store, 'read', form.definition.id);
 */
export async function authenticate(req: IncomingMessage, store: Store, scope: Scope, formId?: string, options: { readonly recordId?: string; readonly now?: Date } = {}): Promise<Principal> {
  const now = options.now ?? new Date();
  const path = pathOf(req);
  const recordId = options.recordId ?? path.match(RECORD_ID)?.at(-1);
  const what = { at: now.toISOString(), method: req.method ?? 'GET', path: path.slice(0, 500), scope, ...(formId ? { formId } : {}), ...(recordId ? { recordId } : {}) };
  const refuse = async (reason: keyof typeof MESSAGES, who: Pick<AccessEntry, 'tokenId' | 'holder'> = {}): Promise<never> => {
    const forbidden = reason === 'scope' || reason === 'form';
    await store.backoffice.logAccess({ ...what, ...who, outcome: forbidden ? 'forbidden' : 'unauthorized', reason });
    if (forbidden) throw new HttpError(403, { error: 'forbidden', message: MESSAGES[reason] }, { 'www-authenticate': `${REALM}, error="insufficient_scope"` });
    throw new HttpError(401, { error: 'unauthorized', message: MESSAGES[reason] }, { 'www-authenticate': reason === 'missing' ? REALM : `${REALM}, error="invalid_token"` });
  };
  const header = req.headers.authorization;
  if (!header) return refuse('missing');
  const text = BEARER.exec(header)?.[1] ?? '';
  const id = tokenIdOf(text);
  if (!id) return refuse('invalid');
  const stored = await store.backoffice.token(id);
  const checked = checkToken(text, stored, now);
  // The id a refused token names is logged (someone is trying it); its holder only once the secret proves it.
  if (typeof checked === 'string') return refuse(checked, stored ? { tokenId: stored.id } : {});
  const who = { tokenId: checked.tokenId, holder: checked.holder };
  if (!checked.scopes.includes(scope)) return refuse('scope', who);
  if (formId !== undefined && !allows(checked, scope, formId)) return refuse('form', who);
  await store.backoffice.logAccess({ ...what, ...who, outcome: 'allowed' });
  return checked;
}
