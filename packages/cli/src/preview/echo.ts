/**
 * Where a previewed form sends: submissions are checked here as the agency's server checks them (sizes, rules, the
 * data schema) and answered with a preview receipt, and what would have been stored is handed back to show; files
 * are counted and dropped. Nothing is kept, nothing leaves the designer's machine.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { MAX_ERRORS, type Data, type FieldError } from '@formosa/engine';
import { PREVIEW_ATTACHMENTS, PREVIEW_ENDPOINT, type WatchedDefinition } from './watched-definition.js';

const SUBMISSION_LIMIT = 1_000_000;
const FILE_LIMIT = 10 * 1024 * 1024;

/** A submission the preview accepted: the answers as the agency would have stored them (hidden answers dropped). */
export interface EchoedSubmission {
  readonly receipt: string;
  readonly data: Data;
}

type Answer = { status: number; body?: unknown };

/** Reads a body up to `limit` bytes; undefined when it is longer (the rest is drained, so the client reads the 413). */
async function bodyOf(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size <= limit ? Buffer.concat(chunks) : undefined;
}

/** Judges a submission's text with the current definition's engine: its field errors, or the data to store. */
function judge(definition: WatchedDefinition, text: string): { errors: FieldError[] } | { data: Data } | undefined {
  const engine = definition.engine();
  if (!engine) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { errors: [{ path: '', code: 'type', params: { type: 'object' } }] };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { errors: [{ path: '', code: 'type', params: { type: 'object' } }] };
  const oversized = engine.bounds(body as Data);
  if (oversized.length) return { errors: oversized };
  const state = engine.init(body as Data);
  const errors = engine.validate(state);
  return errors.length ? { errors: errors.slice(0, MAX_ERRORS) } : { data: engine.data(state) };
}

/**
 * Answers the preview's submission and upload routes; undefined for any other path.
 * `accepted` hears each submission that passed.
 */
export async function echo(req: IncomingMessage, path: string, definition: WatchedDefinition, accepted: (submission: EchoedSubmission) => void): Promise<Answer | undefined> {
  if (path === `${PREVIEW_ENDPOINT}/lookup`) return { status: 404, body: { error: 'not_stored', message: 'The preview keeps nothing' } };
  if (path === PREVIEW_ENDPOINT && req.method === 'POST') {
    const body = await bodyOf(req, SUBMISSION_LIMIT);
    if (!body) return { status: 413, body: { error: 'too_large', message: `The body is larger than ${SUBMISSION_LIMIT} bytes` } };
    const judged = judge(definition, body.toString('utf8'));
    if (!judged) return { status: 503, body: { error: 'unavailable', message: 'The definition has problems; fix them first' } };
    if ('errors' in judged) return { status: 422, body: { errors: judged.errors } };
    const receipt = `PREVIEW-${randomUUID().slice(0, 8).toUpperCase()}`;
    accepted({ receipt, data: judged.data });
    return { status: 201, body: { id: randomUUID(), receipt, submittedAt: new Date().toISOString() } };
  }
  if (path === PREVIEW_ATTACHMENTS && req.method === 'POST') {
    const body = await bodyOf(req, FILE_LIMIT);
    if (!body) return { status: 413, body: { error: 'too_large', message: `The file is larger than ${FILE_LIMIT} bytes` } };
    const id = randomUUID();
    const sent = String(req.headers['x-formosa-filename'] ?? 'file');
    let name = sent;
    try {
      name = decodeURIComponent(sent);
    } catch {
      // Shown as sent: the preview only echoes it.
    }
    const type = String(req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!;
    return { status: 201, body: { id, name, type, size: body.length, url: `${PREVIEW_ATTACHMENTS}/${id}`, token: randomUUID() } };
  }
  if (path.startsWith(`${PREVIEW_ATTACHMENTS}/`) && req.method === 'DELETE') return { status: 204 };
  return undefined;
}
