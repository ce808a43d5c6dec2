/**
 * Compressed answers for what a page fetches to show a form (the bundle and its chunks, a definition, its validator,
 * a language pack): on a phone's network most of the wait is these bytes. Brotli when the browser takes it, else
 * gzip; each compressed body is made once per content and kept (bounded), so a busy server compresses nothing twice.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Below this, compressing saves less than its headers and time. */
export const MIN_COMPRESSED_BYTES = 1024;
/** Compressed bodies kept (definitions, validators, static files); the oldest goes first. */
const KEPT = 128;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/;

const kept = new Map<string, Buffer>();

/** Whether `Accept-Encoding` takes `coding` (listed, and not with `q=0`). */
function accepts(header: string, coding: string): boolean {
  return header.split(',').some((part) => {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return name === coding && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** The coding the request accepts that we prefer: `br`, `gzip`, or none. */
export function codingFor(req: IncomingMessage | undefined): 'br' | 'gzip' | undefined {
  const header = String(req?.headers['accept-encoding'] ?? '');
  return accepts(header, 'br') ? 'br' : accepts(header, 'gzip') ? 'gzip' : undefined;
}

/**
 * Sends a body, compressed when the request accepts it and it is worth it. `key` names this content (a file's path,
 * size and modification time; a served form's own key) so that its compressed form is made once; `body` is read only
 * when needed (a file whose compressed form is kept is not read again).
 */
export async function sendBody(req: IncomingMessage | undefined, res: ServerResponse, type: string, key: string, body: () => Buffer | Promise<Buffer>, headers: Record<string, string> = {}): Promise<void> {
  // Another Vary (Origin, for CORS) set before is kept.
  const vary = [res.getHeader('vary'), 'accept-encoding'].filter(Boolean).join(', ');
  const coding = COMPRESSIBLE.test(type) ? codingFor(req) : undefined;
  const id = `${coding}\u0000${key}`;
  let sent = coding ? kept.get(id) : undefined;
  if (!sent) {
    const plain = await body();
    if (!coding || plain.length < MIN_COMPRESSED_BYTES) {
      res.writeHead(200, { 'content-type': type, 'content-length': plain.length, vary, ...headers });
      return void res.end(req?.method === 'HEAD' ? undefined : plain);
    }
    sent = coding === 'br'
      ? brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } })
      : gzipSync(plain, { level: 9 });
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
    kept.set(id, sent);
  }
  res.writeHead(200, { 'content-type': type, 'content-length': sent.length, 'content-encoding': coding!, vary, ...headers });
  res.end(req?.method === 'HEAD' ? undefined : sent);
}
