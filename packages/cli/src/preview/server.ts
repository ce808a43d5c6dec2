/**
 * `formosa preview`'s server: the page, the drop-in bundle, the definition as last saved, its validator, the
 * submission echo, and a stream of server-sent events telling the page of each save.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { formatProblem } from '@formosa/schema';
import { echo, type EchoedSubmission } from './echo.js';
import { PREVIEW_CSP, PREVIEW_STYLES, previewPage } from './page.js';
import { watchFile } from './watch.js';
import { WatchedDefinition } from './watched-definition.js';

export interface PreviewOptions {
  readonly file: string;
  readonly port?: number;
  readonly host?: string;
  /** The form's language (else the definition's default). */
  readonly locale?: string;
  /** The folder of the built drop-in bundle (formosa.min.js, chunks/, locales/). */
  readonly bundle?: string;
  /** Where each save's outcome and each submission is told (the terminal). */
  readonly log?: (line: string) => void;
}

export interface RunningPreview {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The drop-in bundle the page loads: the copy the installed package ships (dist/bundle, written by `npm run build`),
 * else the repository's own build (`dist/` at its root), from src/preview or dist/preview alike.
 */
export const DEFAULT_BUNDLE = [new URL('../bundle/', import.meta.url), new URL('../../../../dist/', import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((folder) => existsSync(`${folder}formosa.min.js`)) ?? fileURLToPath(new URL('../../../../dist/', import.meta.url));

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8' };
const HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

function answer(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
const answerJson = (res: ServerResponse, status: number, body: unknown) => answer(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

/** The page script: its compiled file once built, else its TypeScript source made into JavaScript once. */
async function pageScript(): Promise<string> {
  const built = fileURLToPath(new URL('./page-script.js', import.meta.url));
  if (existsSync(built)) return readFile(built, 'utf8');
  const source = await readFile(fileURLToPath(new URL('./page-script.ts', import.meta.url)), 'utf8');
  return (await transform(source, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
}

/** A file of the bundle folder, or false when `path` names none inside it. */
async function bundleFile(res: ServerResponse, folder: string, path: string): Promise<boolean> {
  let file: string;
  try {
    file = resolve(folder, `.${decodeURIComponent(path)}`);
  } catch {
    return false;
  }
  if (!file.startsWith(folder.endsWith(sep) ? folder : folder + sep)) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, { ...HEADERS, 'cache-control': 'no-cache', 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
  createReadStream(file).pipe(res);
  return true;
}

/** Only this machine's names reach a preview on a loopback address (no page elsewhere can rebind its DNS to it). */
function hostAllowed(req: IncomingMessage, host: string): boolean {
  if (!/^(127\.|::1$|localhost$)/.test(host)) return true;
  const name = URL.parse(`http://${req.headers.host ?? ''}`)?.hostname ?? '';
  return ['127.0.0.1', 'localhost', '[::1]'].includes(name) || name.startsWith('127.');
}

/**
 * Starts the preview of a definition file, and watches it.
 * @example
 * const preview = await startPreview({ file: 'form.json', port: 4000 });
 * console.log(preview.url); // http://127.0.0.1:4000/
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const host = options.host ?? '127.0.0.1';
  const bundle = resolve(options.bundle ?? DEFAULT_BUNDLE);
  const log = options.log ?? console.log;
  const definition = new WatchedDefinition(options.file);
  const listeners = new Set<ServerResponse>();
  const send = (event: 'state' | 'submission', body: unknown) => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(body)}\n\n`);
  };
  const tell = () => {
    const { state } = definition;
    const time = new Date().toLocaleTimeString('en-GB');
    if (state.ok) log(`${time} ${options.file}: ok (${state.id} ${state.version}${state.problems.length ? `, ${state.problems.length} warning${state.problems.length === 1 ? '' : 's'}` : ''})`);
    else log(`${time} ${options.file}: ${state.problems.length} problem${state.problems.length === 1 ? '' : 's'}`);
    for (const problem of state.problems) log(`  ${formatProblem(problem, options.file)}`);
  };
  const accepted = ({ receipt, data }: EchoedSubmission) => {
    log(`${new Date().toLocaleTimeString('en-GB')} submission ${receipt} (checked, sent nowhere):\n${JSON.stringify(data, null, 2)}`);
    send('submission', { receipt, data });
  };
  await definition.reload();
  tell();
  let script: Promise<string> | undefined;

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void> | void> = {
    '/': (_req, res) => {
      const lang = options.locale ?? definition.state.defaultLocale ?? 'zh-Hant-TW';
      answer(res, 200, 'text/html; charset=utf-8', previewPage({ lang, ...(options.locale ? { locale: options.locale } : {}) }), { 'content-security-policy': PREVIEW_CSP });
    },
    '/preview.css': (_req, res) => answer(res, 200, 'text/css; charset=utf-8', PREVIEW_STYLES),
    '/preview.js': async (_req, res) => answer(res, 200, 'text/javascript; charset=utf-8', await (script ??= pageScript())),
    '/definition.json': (_req, res) => {
      const served = definition.served();
      if (served) answerJson(res, 200, served);
      else answerJson(res, 409, { error: 'definition_has_problems', problems: definition.state.problems });
    },
    '/validator.js': async (_req, res) => {
      const source = await definition.validator()?.catch((error: Error) => error);
      if (typeof source === 'string') answer(res, 200, 'text/javascript; charset=utf-8', source);
      else answerJson(res, 409, { error: 'no_validator', message: source?.message ?? 'the definition has problems' });
    },
    '/events': (_req, res) => {
      res.writeHead(200, { ...HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      // Reconnect soon after the preview is started again.
      res.write(`retry: 500\nevent: state\ndata: ${JSON.stringify(definition.state)}\n\n`);
      listeners.add(res);
      // The response's close, not the request's (which closes as soon as its empty body is read).
      res.on('close', () => listeners.delete(res));
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req, host)) return answerJson(res, 403, { error: 'forbidden_host', message: 'Open the preview at the address it printed' });
    const path = URL.parse(req.url ?? '/', 'http://preview')?.pathname ?? '/';
    const echoed = await echo(req, path, definition, accepted);
    if (echoed) return echoed.status === 204 ? void res.writeHead(204, HEADERS).end() : answerJson(res, echoed.status, echoed.body);
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') return answerJson(res, 405, { error: 'method_not_allowed' });
    const route = routes[path];
    if (route) return route(req, res);
    if (path.startsWith('/dist/') && (await bundleFile(res, bundle, path.slice('/dist'.length)))) return;
    answerJson(res, 404, { error: 'not_found', message: `Nothing at ${path}` });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`preview: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) res.destroy();
      else answerJson(res, 500, { error: 'internal' });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, done);
  });
  const stopWatching = watchFile(options.file, () => {
    void definition.reload().then((changed) => {
      if (!changed) return;
      tell();
      send('state', definition.state);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        stopWatching();
        for (const res of listeners) res.end();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
