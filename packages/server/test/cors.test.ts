// Cross-origin embedding: the agency's pages on listed origins are answered with CORS headers (never credentials);
// any other origin gets none, and the agency's log says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@formosa/server';
import { crossOrigin } from '../src/http.js';

const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
const PAGE = 'https://www.agency.gov.tw';
const OTHER = 'https://elsewhere.example';
let server: RunningServer;
const warnings: string[] = [];
const warn = console.warn;

before(async () => {
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  server = await startServer({ formsDir, database: join(mkdtempSync(join(tmpdir(), 'formosa-cors-')), 'db.sqlite'), corsOrigins: [PAGE, 'http://localhost:5173'] });
});
after(async () => {
  console.warn = warn;
  await server.close();
});

/** A raw request (fetch would not let a test set Origin freely): its status and headers. */
function send(method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const PREFLIGHT = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' };

test('a listed origin reads a definition: its origin allowed, Vary: Origin, the headers the SDK reads exposed, no credentials', async () => {
  const answer = await send('GET', '/api/forms/smoke-alarm-subsidy', { origin: PAGE });
  assert.equal(answer.status, 200);
  assert.equal(answer.headers['access-control-allow-origin'], PAGE);
  assert.match(String(answer.headers['vary']), /\bOrigin\b/);
  assert.deepEqual(String(answer.headers['access-control-expose-headers']).split(/,\s*/).sort(), ['formosa-definition-checked', 'location', 'retry-after']);
  assert.equal(answer.headers['access-control-allow-credentials'], undefined);
});

test('a listed origin\'s preflight is answered 204 with the methods, the SDK\'s request headers and a max-age', async () => {
  const answer = await send('OPTIONS', '/api/forms/smoke-alarm-subsidy/submissions', { origin: PAGE, ...PREFLIGHT });
  assert.equal(answer.status, 204);
  assert.equal(answer.headers['access-control-allow-origin'], PAGE);
  for (const method of ['GET', 'POST', 'DELETE']) assert.ok(String(answer.headers['access-control-allow-methods']).includes(method), method);
  const allowed = String(answer.headers['access-control-allow-headers']).split(/,\s*/);
  for (const header of ['content-type', 'idempotency-key', 'formosa-corrects', 'formosa-mydata', 'x-formosa-filename', 'x-formosa-attachment-token']) assert.ok(allowed.includes(header), header);
  assert.ok(Number(answer.headers['access-control-max-age']) > 0);
  assert.equal(answer.headers['access-control-allow-credentials'], undefined);
});

test('a submission from a listed origin is judged like any other, and its answer (a 422 too) reaches the page', async () => {
  const answer = await send('POST', '/api/forms/smoke-alarm-subsidy/submissions', { origin: PAGE, 'content-type': 'application/json' }, '{}');
  assert.equal(answer.status, 422, 'judged like any other (an empty form is not valid)');
  assert.equal(answer.headers['access-control-allow-origin'], PAGE);
});

test('the bundle and its chunks (static files) are answered to a listed origin too: module chunks are fetched with CORS', async () => {
  const statics = await startServer({ formsDir, database: ':memory:', corsOrigins: [PAGE], staticDirs: [{ prefix: '/', dir: formsDir }] });
  try {
    const { url } = statics;
    const answer = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) =>
      request(`${url}/smoke-alarm-subsidy.json`, { headers: { origin: PAGE } }, (res) => (res.resume(), resolve(res.headers))).on('error', reject).end());
    assert.equal(answer['access-control-allow-origin'], PAGE);
  } finally {
    await statics.close();
  }
});

test('an origin not listed gets no CORS header at all, its preflight none either; the log names it once a minute', async () => {
  warnings.length = 0;
  const read = await send('GET', '/api/forms/smoke-alarm-subsidy', { origin: OTHER });
  assert.equal(read.status, 200, 'answered; the browser withholds it from the page');
  const preflight = await send('OPTIONS', '/api/forms/smoke-alarm-subsidy/submissions', { origin: OTHER, ...PREFLIGHT });
  for (const answer of [read, preflight]) {
    assert.deepEqual(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-')), []);
  }
  await send('GET', '/api/forms/smoke-alarm-subsidy', { origin: OTHER });
  assert.deepEqual(warnings, [`[formosa] refused cross-origin request from ${OTHER}: add it to corsOrigins`]);
});

test('near misses of a listed origin are other origins: another scheme, port, a subdomain, a trailing slash', async () => {
  for (const origin of ['http://www.agency.gov.tw', 'https://www.agency.gov.tw:8443', 'https://evil.www.agency.gov.tw', `${PAGE}/`, 'null', 'http://localhost:5174']) {
    const answer = await send('GET', '/api/forms/smoke-alarm-subsidy', { origin });
    assert.equal(answer.headers['access-control-allow-origin'], undefined, origin);
  }
  assert.equal((await send('GET', '/api/forms', { origin: 'http://localhost:5173' })).headers['access-control-allow-origin'], 'http://localhost:5173');
});

test('MyData routes are same-origin only, even for a listed origin (their cookie never crosses origins)', async () => {
  warnings.length = 0;
  for (const path of ['/api/forms/smoke-alarm-subsidy/mydata', '/api/mydata/return']) {
    const answer = await send('GET', path, { origin: PAGE });
    assert.equal(answer.headers['access-control-allow-origin'], undefined, path);
  }
  const preflight = await send('OPTIONS', '/api/forms/smoke-alarm-subsidy/mydata/begin', { origin: PAGE, ...PREFLIGHT });
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  assert.match(warnings[0] ?? '', /MyData needs the page and the API on one origin/);
});

test('a same-origin request needs and logs nothing (browsers send Origin on a same-origin POST)', async () => {
  warnings.length = 0;
  const answer = await send('POST', '/api/forms/smoke-alarm-subsidy/submissions', { origin: server.url, 'content-type': 'application/json' }, '{}');
  assert.equal(answer.status, 422);
  assert.deepEqual(warnings, []);
});

test('a request without Origin (not a browser\'s cross-origin one) is served as before, without CORS headers', async () => {
  const answer = await send('GET', '/api/forms/smoke-alarm-subsidy', {});
  assert.equal(answer.headers['access-control-allow-origin'], undefined);
  assert.deepEqual(String(answer.headers['vary']).split(/,\s*/).sort(), ['Origin', 'accept-encoding'], 'a cache keeps it apart from a listed origin\'s answer (and from a compressed one)');
  assert.equal((await send('OPTIONS', '/api/forms/smoke-alarm-subsidy', {})).status, 405);
});

test('corsOrigins takes exact origins only: "*", a path or a trailing slash is refused at start, plainly', () => {
  for (const bad of ['*', 'https://www.agency.gov.tw/', 'https://www.agency.gov.tw/forms', 'www.agency.gov.tw']) {
    assert.throws(() => crossOrigin([bad]), /is not an origin/, bad);
  }
});

test('the refusal log is once per origin and minute, and bounded however many origins call', () => {
  const lines: string[] = [];
  let now = 0;
  const cors = crossOrigin([PAGE], (line) => lines.push(line), () => now);
  const call = (origin: string) => {
    const res = { setHeader: () => undefined } as unknown as Parameters<typeof cors>[1];
    cors({ method: 'GET', headers: { origin, host: 'api.agency.gov.tw' } } as Parameters<typeof cors>[0], res, '/api/forms');
  };
  call(OTHER);
  call(OTHER);
  now = 59_999;
  call(OTHER);
  assert.equal(lines.length, 1);
  now = 60_000;
  call(OTHER);
  assert.equal(lines.length, 2);
  for (let i = 0; i < 5000; i++) call(`https://o${i}.example`);
  assert.ok(lines.length <= 1003, `${lines.length} lines`);
});
