/** Small HTTP helpers: JSON responses, bounded body reading, security headers, static files. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isUtf8 } from 'node:buffer';
import type { DataShape } from '@formosa/engine';
import { DEFINITION_CHECKED } from '@formosa/schema/gate-version';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { codingFor, MIN_COMPRESSED_BYTES, sendBody } from './compress.js';
import { extname, join, normalize, sep } from 'node:path';

/** A strict policy for the demo pages: no inline script, no eval, Trusted Types enforced. */
export const STRICT_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  "require-trusted-types-for 'script'", 'trusted-types lit-html',
].join('; ');

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    /** Headers the answer carries (Allow, Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body['error']));
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** `application/json`, optionally with `charset=utf-8`: nothing else is read as JSON (not `application/json-patch+json`). */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * Which limit JSON text passes, from one scan of its characters, without parsing it: a body that holds more than
 * its form can is refused before V8 spends its time on it (333,000 entries in 1 MB: 334 ms of server CPU when
 * parsed first, 21–32 ms refused by the scan; `npm run bench:hostile`).
 * Values are counted as containers + commas + non-empty containers (the leaves of a container are its commas + 1).
 * @example
 * shapeExceeded('{"a":[1,2,3]}', { values: 3, depth: 8 }) // 'values' (it holds 5)
 */
export function shapeExceeded(text: string, shape: DataShape): 'values' | 'depth' | undefined {
  let depth = 0;
  let values = 1;
  let opened = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (opened && c !== 0x7d && c !== 0x5d) values++; // the first value of a non-empty container
    opened = false;
    if (c === 0x22) {
      // Skip the string: keys and text hold no structure.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > shape.depth) return 'depth';
      opened = true;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c) values++;
    if (values > shape.values) return 'values';
  }
  return undefined;
}

/**
 * Reads the text of a JSON body of at most `limit` bytes: exactly `application/json`, valid UTF-8, and, when a
 * shape is given, no more values or nesting than it allows (422 `tooLarge`). It is parsed elsewhere (the judging
 * worker), where its cost holds nobody up.
 */
export async function readJsonText(req: IncomingMessage, limit: number, shape?: DataShape): Promise<string> {
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    req.resume();
    throw new HttpError(415, { error: 'unsupported_media_type', message: 'Send the data as application/json (UTF-8)' });
  }
  const body = await readBytes(req, limit);
  if (!isUtf8(body)) throw new HttpError(400, { error: 'bad_encoding', message: 'The body is not valid UTF-8' });
  const text = body.toString('utf8').replace(/^\uFEFF/, ''); // a leading byte-order mark is allowed (RFC 8259 §8.1)
  const exceeded = shape && shapeExceeded(text, shape);
  if (exceeded) throw new HttpError(422, { errors: [{ path: '', code: 'tooLarge', params: { limit: shape[exceeded] } }] });
  return text;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml; charset=utf-8', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json; charset=utf-8',
};

/** Serves `path` from `root` if it is a file inside it (compressed when `req` accepts it); returns false otherwise. */
export async function serveFile(res: ServerResponse, root: string, path: string, headers: Record<string, string> = {}, req?: IncomingMessage): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const own = { 'cache-control': 'no-cache', ...(type.startsWith('text/html') ? headers : {}) };
  if (codingFor(req) && info.size >= MIN_COMPRESSED_BYTES) {
    await sendBody(req, res, type, `${file}\u0000${info.size}\u0000${info.mtimeMs}`, () => readFile(file), own);
    return true;
  }
  res.writeHead(200, { 'content-type': type, 'content-length': info.size, ...own });
  createReadStream(file).pipe(res);
  return true;
}

/**
 * Reads a body of at most `limit` bytes; beyond it, the rest is discarded so the client reads the 413, not a reset.
 * `onChunk` is told the size of each piece as it arrives, before it is kept; what it throws (an HttpError) ends the
 * reading the same way.
 */
export async function readBytes(req: IncomingMessage, limit: number, onChunk?: (bytes: number) => void): Promise<Buffer> {
  const stop = (error: unknown) => {
    req.resume();
    return error;
  };
  const tooLarge = () => stop(new HttpError(413, { error: 'too_large', message: `The body is larger than ${limit} bytes` }));
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    try {
      onChunk?.((chunk as Buffer).length);
    } catch (error) {
      throw stop(error);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The headers the SDK sends across origins beyond the CORS-safelisted ones (a preflight asks for them). */
const CORS_REQUEST_HEADERS = 'content-type, idempotency-key, formosa-corrects, formosa-reopens, formosa-receipt-secret, formosa-mydata, x-formosa-filename, x-formosa-attachment-token';
/** MyData's routes need the citizen's cookie, which is never allowed across origins (no credentials): same-origin only. */
const MYDATA_PATH = /^\/api\/(mydata\/|forms\/[^/]+\/mydata(\/|$))/;

/**
 * Answers the agency's pages on other origins (`origins`, exact: `https://www.agency.gov.tw`): a request whose
 * `Origin` is listed gets `Access-Control-Allow-Origin` with it (never `*`, never credentials), the headers the SDK
 * reads exposed, and its preflight a 204. Any other origin gets no CORS header (the browser refuses the answer) and
 * a line in the log, once per origin and minute, so the agency learns why its page cannot show the form.
 * Returns true when it has answered the request (a preflight).
 * @example
 * const cors = crossOrigin(['https://www.agency.gov.tw']);
 * if (cors(req, res, path)) return;
 */
export function crossOrigin(origins: readonly string[], log = (line: string) => console.warn(line), now: () => number = Date.now): (req: IncomingMessage, res: ServerResponse, path: string) => boolean {
  for (const origin of origins) {
    if (origin === '*' || URL.parse(origin)?.origin !== origin) throw new Error(`corsOrigins: "${origin}" is not an origin; list each page's exact scheme://host[:port], without a path or a trailing slash`);
  }
  const allowed = new Set(origins);
  const logged = new Map<string, number>();
  const refuse = (origin: string, why: string) => {
    const at = now();
    if (logged.size > 1000) for (const [key, time] of logged) if (at - time >= 60_000) logged.delete(key);
    const last = logged.get(origin);
    if ((last !== undefined && at - last < 60_000) || logged.size > 1000) return;
    logged.set(origin, at);
    log(`[formosa] refused cross-origin request from ${origin.replace(/[^\x20-\x7e]/g, '?').slice(0, 200)}: ${why}`);
  };
  return (req, res, path) => {
    // Every answer varies with Origin once some are allowed: a cache must not hand one origin's answer to another.
    if (allowed.size) res.setHeader('vary', 'Origin');
    const origin = req.headers.origin;
    if (origin === undefined) return false;
    // The page's own origin needs nothing (browsers send Origin on a same-origin POST too).
    if (req.headers['sec-fetch-site'] === 'same-origin' || URL.parse(origin)?.host === req.headers.host) return false;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!allowed.has(origin)) refuse(origin, 'add it to corsOrigins');
    else if (MYDATA_PATH.test(path)) refuse(origin, 'MyData needs the page and the API on one origin (its cookie is never sent across origins)');
    else {
      res.setHeader('access-control-allow-origin', origin);
      // Which gate checked a definition, read by a page on another origin too (see GATE_VERSION).
      res.setHeader('access-control-expose-headers', `location, retry-after, ${DEFINITION_CHECKED}`);
      if (preflight) {
        res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, DELETE');
        res.setHeader('access-control-allow-headers', CORS_REQUEST_HEADERS);
        res.setHeader('access-control-max-age', '600');
      }
    }
    if (preflight) {
      req.resume();
      res.writeHead(204).end();
    }
    return preflight;
  };
}
