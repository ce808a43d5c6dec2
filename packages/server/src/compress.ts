/**
 * Compressed answers for what a page fetches to show a form (the bundle and its chunks, a definition, its validator,
 * a language pack): on a phone's network most of the wait is these bytes. Brotli when the browser takes it, else
 * gzip; each compressed body is made once per content and kept (bounded), so a busy server compresses nothing twice.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Below this, compressing saves less than its headers and time. */
const MIN_BYTES = 1024;
/** Compressed bodies kept (definitions, validators, static files); the oldest goes first. */
const KEPT = 128;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/;

const kept = new Map<string, Buffer>();

/** The coding the request accepts that we prefer: `br`, `gzip`, or none. */
export function codingFor(req: IncomingMessage | undefined): 'br' | 'gzip' | undefined {
  const accepted = String(req?.headers['accept-encoding'] ?? '');
  if (/(^|,)\s*br\s*(;\s*q=(?!0(\.0*)?\s*($|,))[\d.]+)?\s*($|,)/.test(accepted)) return 'br';
  if (/(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*($|,))[\d.]+)?\s*($|,)/.test(accepted)) return 'gzip';
  return undefined;
}

/**
 * Sends `body` (compressed when the request accepts it and it is worth it). `key` names this content (a file's path,
 * size and modification time; by default the body's own hash) so that its compressed form is made once.
 */
export function sendBody(req: IncomingMessage | undefined, res: ServerResponse, status: number, type: string, body: Buffer, headers: Record<string, string> = {}, key?: string): void {
  const coding = body.length >= MIN_BYTES && COMPRESSIBLE.test(type) ? codingFor(req) : undefined;
  // Another Vary (Origin, for CORS) set before is kept.
  const vary = [res.getHeader('vary'), 'accept-encoding'].filter(Boolean).join(', ');
  if (!coding) {
    res.writeHead(status, { 'content-type': type, 'content-length': body.length, vary, ...headers });
    return void res.end(req?.method === 'HEAD' ? undefined : body);
  }
  const id = `${coding}\u0000${key ?? createHash('sha256').update(body).digest('base64')}`;
  let compressed = kept.get(id);
  if (!compressed) {
    compressed = coding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 9 });
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
    kept.set(id, compressed);
  }
  res.writeHead(status, { 'content-type': type, 'content-length': compressed.length, 'content-encoding': coding, vary, ...headers });
  res.end(req?.method === 'HEAD' ? undefined : compressed);
}
