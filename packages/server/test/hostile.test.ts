// The reference server against anonymous, hostile input: every request below gets a clear 4xx (never a 5xx),
// nothing invalid is stored, no record leaks through a reused key, and the process keeps answering.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import Database from 'better-sqlite3';
import { FormEngine } from '@formosa/engine';
import type { Attachment } from '@formosa/schema';
import { SqliteStore, startServer, type RunningServer } from '@formosa/server';
import { shapeExceeded } from '../src/http.js';
import { answers, example, fixtureFile } from '../../../examples/fixtures.js';
import { base } from '../../../examples/hostile/definitions.js';

const formsDir = mkdtempSync(join(tmpdir(), 'formosa-hostile-forms-'));
copyFileSync(new URL('../../../examples/forms/rent-subsidy.json', import.meta.url), join(formsDir, 'rent-subsidy.json'));
// A form whose data schema has a catastrophic pattern: accepted by the gate, since patterns run in linear time.
const patterned = base();
patterned.id = 'patterned';
patterned.schema.properties.name.pattern = '^(a+)+$';
patterned.schema.properties.name.maxLength = 100_000;
patterned.submission.endpoint = '/api/forms/patterned/submissions';
writeFileSync(join(formsDir, 'patterned.json'), JSON.stringify(patterned));

const database = join(mkdtempSync(join(tmpdir(), 'formosa-hostile-db-')), 'db.sqlite');
let server: RunningServer;
/** Submissions stored for every form of the suite (the hostile requests post to several). */
const storedCount = async () => {
  let n = 0;
  for (const file of readdirSync(formsDir)) n += await server.store.count(file.replace(/\.json$/, ''));
  return n;
};
const LEASE = readFileSync(fixtureFile('@file:lease.pdf')!);

interface Sent {
  /** The server asked (the suite's own by default). */
  readonly url?: string;
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

/** A raw request (fetch would refuse or fix up some of these). */
function send({ url: base = server.url, method = 'POST', path = '/api/forms/rent-subsidy/submissions', headers = { 'content-type': 'application/json' }, body }: Sent): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function validData(lease: Attachment): Record<string, unknown> {
  const engine = new FormEngine(example('rent-subsidy'));
  const state = answers('rent-subsidy', () => lease).reduce((s, [path, value]) => engine.change(s, path, value), engine.init());
  return engine.data(state) as Record<string, unknown>;
}

const json = (value: unknown) => JSON.stringify(value);
/** How many values the scan counts in JSON text: the smallest budget it fits. */
const countValues = (text: string) => {
  let n = 1;
  while (shapeExceeded(text, { values: n, depth: 1000 })) n++;
  return n;
};
const withName = (lease: Attachment, name: string) => {
  const data = validData(lease);
  (data['applicant'] as Record<string, unknown>)['name'] = name;
  return json(data);
};
const upload = (headers: Record<string, string>, body: Buffer = LEASE, field = '/rental/leaseCopy') =>
  send({ path: `/api/forms/rent-subsidy/attachments?field=${encodeURIComponent(field)}`, headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'lease.pdf', ...headers }, body });

let lease: Attachment & { token: string };

before(async () => {
  server = await startServer({ formsDir, database });
  lease = JSON.parse((await upload({})).text);
});
after(() => server.close());

/** [what, request, expected status, expected error code in the body, headers the answer must carry exactly]. */
type Case = [string, () => Sent | Promise<Sent>, number, string?, Record<string, string>?];

const cases: Case[] = [
  // Bodies that are not JSON data.
  ['text/plain', () => ({ headers: { 'content-type': 'text/plain' }, body: '{}' }), 415, 'unsupported_media_type'],
  ['application/json-patch+json', () => ({ headers: { 'content-type': 'application/json-patch+json' }, body: '[]' }), 415, 'unsupported_media_type'],
  ['application/json; charset=utf-8 is read (then judged)', () => ({ headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{}' }), 422],
  ['application/json;charset="UTF-8" is read (then judged)', () => ({ headers: { 'content-type': 'application/json;charset="UTF-8"' }, body: '{}' }), 422],
  ['application/json; charset=latin1', () => ({ headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' }), 415, 'unsupported_media_type'],
  ['no content type', () => ({ headers: {}, body: '{}' }), 415, 'unsupported_media_type'],
  ['application/jsonx', () => ({ headers: { 'content-type': 'application/jsonx' }, body: '{}' }), 415, 'unsupported_media_type'],
  ['invalid UTF-8', () => ({ body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }), 400, 'bad_encoding'],
  ['half a character (a lone surrogate) in the name', () => ({ body: withName(lease, '林\ud800小美') }), 422, 'characters'],
  ['not JSON', () => ({ body: '{not json' }), 400, 'bad_json'],
  ['over 1 MB', () => ({ body: json({ applicant: { name: 'x'.repeat(1_100_000) } }) }), 413, 'too_large'],
  ['a JSON array', () => ({ body: '[1, 2]' }), 422],
  ['a JSON string', () => ({ body: '"hello"' }), 422],
  ['null', () => ({ body: 'null' }), 422],
  ['nested 200,000 deep', () => ({ body: '['.repeat(200_000) + ']'.repeat(200_000) }), 422, 'tooLarge'],
  ['objects nested 100,000 deep', () => ({ body: '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) }), 422, 'tooLarge'],
  ['objects nested 5 deep where the form has 4', () => ({ body: json({ applicant: { address: { county: { a: { b: 1 } } } } }) }), 422, 'tooLarge'],
  // Data that would cost the engine, or reach a prototype.
  ['a __proto__ key', () => ({ body: '{"__proto__": {"polluted": true}}' }), 422, 'unexpected'],
  ['constructor.prototype', () => ({ body: '{"applicant": {"constructor": {"prototype": {"polluted": true}}}}' }), 422, 'unexpected'],
  ['100,000 entries where 10 are allowed', () => ({ body: json({ household: { composition: 'with-family', members: Array.from({ length: 100_000 }, () => ({})) } }) }), 422, 'tooLarge'],
  ['11 entries where 10 are allowed', () => ({ body: json({ household: { composition: 'with-family', members: Array.from({ length: 11 }, () => ({})) } }) }), 422, 'maxItems'],
  ['a 900 KB name', () => ({ body: withName(lease, 'x'.repeat(900_000)) }), 422, 'maxLength'],
  ['30,000 unknown answers', () => ({ body: json({ applicant: Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, i])) }) }), 422, 'tooLarge'],
  ['90,000 unknown answers in 1 MB', () => ({ body: json({ applicant: Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`k${i}`, 1])) }) }), 422, 'tooLarge'],
  ['120 unknown answers', () => ({ body: json({ applicant: Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`k${i}`, i])) }) }), 422, 'unexpected'],
  ['an answer no field asks for', () => ({ body: json({ ...validData(lease), isAdmin: true }) }), 422, 'unexpected'],
  ['rent written 0x2EE0', () => ({ body: (() => { const d = validData(lease); (d['rental'] as Record<string, unknown>)['monthlyRent'] = '0x2EE0'; return json(d); })() }), 422, 'type'],
  ['rent written 1.2e4', () => ({ body: (() => { const d = validData(lease); (d['rental'] as Record<string, unknown>)['monthlyRent'] = '1.2e4'; return json(d); })() }), 422, 'type'],
  ['rent written Infinity', () => ({ body: (() => { const d = validData(lease); (d['rental'] as Record<string, unknown>)['monthlyRent'] = 'Infinity'; return json(d); })() }), 422, 'type'],
  ['a NUL in the name', () => ({ body: withName(lease, '林\u0000小美') }), 422, 'characters'],
  ['U+202E in the name', () => ({ body: withName(lease, '林小美\u202Egnp.exe') }), 422, 'characters'],
  ['a zero-width space in the name', () => ({ body: withName(lease, '林\u200B小美') }), 422, 'characters'],
  ['a line break in the name', () => ({ body: withName(lease, '林\n小美') }), 422, 'characters'],
  ['a catastrophic pattern fed 40,000 characters', () => ({ path: '/api/forms/patterned/submissions', body: json({ name: 'a'.repeat(40_000) + '!' }) }), 422, 'pattern'],
  // Keys.
  ['an Idempotency-Key with spaces', () => ({ headers: { 'content-type': 'application/json', 'idempotency-key': 'bad key' }, body: withName(lease, '林小美') }), 400, 'bad_idempotency_key'],
  ['an Idempotency-Key of 300 characters', () => ({ headers: { 'content-type': 'application/json', 'idempotency-key': 'k'.repeat(300) }, body: withName(lease, '林小美') }), 400, 'bad_idempotency_key'],
  ['a correction naming a key with spaces', () => ({ headers: { 'content-type': 'application/json', 'idempotency-key': 'fix-1', 'formosa-corrects': 'bad key' }, body: withName(lease, '林小美') }), 400, 'bad_correction'],
  ['a correction of a key never used', () => ({ headers: { 'content-type': 'application/json', 'idempotency-key': 'fix-2', 'formosa-corrects': 'guessed-key' }, body: withName(lease, '林小美') }), 422, 'correction_target_missing'],
  ['a lookup without a key', () => ({ path: '/api/forms/rent-subsidy/submissions/lookup', body: withName(lease, '林小美') }), 400, 'bad_idempotency_key'],
  ['a lookup nested 200,000 deep', () => ({ path: '/api/forms/rent-subsidy/submissions/lookup', headers: { 'content-type': 'application/json', 'idempotency-key': 'look-1' }, body: '['.repeat(200_000) + ']'.repeat(200_000) }), 422, 'tooLarge'],
  // Files.
  ['an attachment id that was never uploaded', () => ({ body: (() => { const d = validData(lease); (d['rental'] as Record<string, unknown>)['leaseCopy'] = [{ ...lease, id: '00000000-0000-4000-8000-000000000000' }]; return json(d); })() }), 422, 'attachment'],
  ['an attachment with extra properties', () => ({ body: (() => { const d = validData(lease); (d['rental'] as Record<string, unknown>)['leaseCopy'] = [{ ...lease, owner: 'admin' }]; return json(d); })() }), 422, 'unexpected'],
  ['upload typed APPLICATION/PDF', () => ({ path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy', headers: { 'content-type': 'APPLICATION/PDF', 'x-formosa-filename': 'lease.pdf' }, body: LEASE }), 201],
  ['upload typed application/pdf; name=x', () => ({ path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy', headers: { 'content-type': 'application/pdf; name=x', 'x-formosa-filename': 'lease.pdf' }, body: LEASE }), 201],
  ['upload with a malformed %-escape in its name', () => ({ path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'lease%E0%A4%A.pdf' }, body: LEASE }), 400, 'bad_filename'],
  ['upload whose name hides its extension with U+202E', () => ({ path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': encodeURIComponent('lease\u202Efdp.exe') }, body: LEASE }), 400, 'bad_filename'],
  ['upload with a NUL in its name', () => ({ path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': encodeURIComponent('lease\u0000.pdf') }, body: LEASE }), 400, 'bad_filename'],
  ['an empty file', () => ({ path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'lease.pdf' }, body: Buffer.alloc(0) }), 422, 'empty_file'],
  ['a file over the field\'s size', () => ({ path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'lease.pdf' }, body: Buffer.alloc(11 * 1024 * 1024) }), 413, 'too_large'],
  ['an HTML file for a PDF field', () => ({ path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy', headers: { 'content-type': 'text/html', 'x-formosa-filename': 'x.html' }, body: Buffer.from('<script>alert(1)</script>') }), 415, 'file_type'],
  ['a file for a field that takes none', () => ({ path: '/api/forms/rent-subsidy/attachments?field=%2Fapplicant%2Fname', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'a.pdf' }, body: LEASE }), 422, 'not_a_file_field'],
  ['a file for the field __proto__', () => ({ path: '/api/forms/rent-subsidy/attachments?field=__proto__', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'a.pdf' }, body: LEASE }), 422, 'not_a_file_field'],
  ['deleting a file without its token', () => ({ method: 'DELETE', path: lease.url!, headers: {} }), 403, 'forbidden'],
  ['deleting a file with a wrong token', () => ({ method: 'DELETE', path: lease.url!, headers: { 'x-formosa-attachment-token': 'x'.repeat(43) } }), 403, 'forbidden'],
  ['reading a file of another form', () => ({ method: 'GET', path: lease.url!.replace('rent-subsidy', 'patterned'), headers: {} }), 404, 'not_found'],
  // Routes.
  ['an unknown form', () => ({ path: '/api/forms/nope/submissions', body: '{}' }), 404, 'unknown_form'],
  ['a form id with ..', () => ({ path: '/api/forms/..%2F..%2Fetc/submissions', body: '{}' }), 404],
  ['PUT on submissions', () => ({ method: 'PUT', body: '{}' }), 405, 'method_not_allowed', { allow: 'POST' }],
  ['DELETE on the list of forms', () => ({ method: 'DELETE', path: '/api/forms', headers: {} }), 405, 'method_not_allowed', { allow: 'GET, HEAD' }],
  ['POST on a file', () => ({ path: lease.url!, headers: { 'content-type': 'application/pdf' }, body: LEASE }), 405, 'method_not_allowed', { allow: 'GET, HEAD, DELETE' }],
  ['GET on lookup', () => ({ method: 'GET', path: '/api/forms/rent-subsidy/submissions/lookup', headers: {} }), 405, 'method_not_allowed', { allow: 'POST' }],
  ['a submission id that is not one', () => ({ method: 'GET', path: '/api/forms/rent-subsidy/submissions/1%20OR%201=1', headers: {} }), 404],
  ['a path out of the site', () => ({ method: 'GET', path: '/../../etc/passwd', headers: {} }), 404],
  ['an encoded path out of the site', () => ({ method: 'GET', path: '/%2e%2e/%2e%2e/etc/passwd', headers: {} }), 404],
];

for (const [name, build, status, code, headers] of cases) {
  test(`${name}: ${status}${code ? ` ${code}` : ''}, nothing stored, never a 5xx`, async () => {
    const before = await storedCount();
    const response = await send(await build());
    assert.equal(response.status, status, response.text.slice(0, 300));
    if (code) {
      const body = JSON.parse(response.text) as { error?: string; errors?: { code: string }[] };
      assert.ok(body.error === code || body.errors?.some((e) => e.code === code), `${code} in ${response.text.slice(0, 300)}`);
      if (body.errors) assert.ok(body.errors.length <= 100, 'at most 100 errors');
    }
    if (response.status === 405) assert.ok(headers?.['allow'], 'a 405 case says which methods its Allow names');
    for (const [header, value] of Object.entries(headers ?? {})) assert.equal(response.headers[header], value, header);
    assert.equal(await storedCount(), before, 'nothing stored, for any form');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype untouched');
  });
}

test('the fullest application the form allows fits the shape the server scans bodies against; one value more does not', () => {
  const engine = new FormEngine(example('rent-subsidy'));
  const data = validData(lease) as { household: { composition: string; members?: unknown[] }; rental: { leaseCopy: unknown[] } } & Record<string, unknown>;
  const member = { name: '林小華', nationalId: 'A123456789', relationship: 'other', relationshipOther: '表妹', birthDate: '2010-01-01' };
  data.household = { composition: 'with-family', members: Array.from({ length: 10 }, () => ({ ...member })) };
  data.rental.leaseCopy = Array.from({ length: 5 }, () => ({ ...lease }));
  data['mailing'] = { county: 'TPE', district: '大安區', street: '和平東路一段 1 號', postalCode: '106' };
  const text = json(data);
  assert.equal(shapeExceeded(text, engine.shape), undefined, `fits ${JSON.stringify(engine.shape)}`);
  assert.equal(shapeExceeded(text.replace(/\}$/, ',"x":1}'), { ...engine.shape, values: countValues(text) }), 'values');
});

test('the body scan counts containers and leaves, skips strings, and follows nesting', () => {
  assert.equal(countValues('{}'), 1);
  assert.equal(countValues('{"a":1}'), 2);
  assert.equal(countValues('{"a":[1,2,3],"b":{}}'), 6);
  assert.equal(countValues('["{,[", "\\"", ","]'), 4);
  assert.equal(shapeExceeded('[[[]]]', { values: 10, depth: 2 }), 'depth');
  assert.equal(shapeExceeded('[[]]', { values: 10, depth: 2 }), undefined);
});

test('the corpus holds at least 50 hostile requests', () => {
  assert.ok(cases.length >= 50, String(cases.length));
});

test('an Idempotency-Key is not a capability: another body under a used key is refused, never answered with the first receipt', async () => {
  const key = 'hostile-reuse-1';
  const headers = { 'content-type': 'application/json', 'idempotency-key': key };
  const first = await send({ headers, body: withName(lease, '林小美') });
  assert.equal(first.status, 201, first.text);
  const again = await send({ headers, body: withName(lease, '林小美') });
  assert.equal(again.status, 200);
  assert.equal(JSON.parse(again.text).receipt, JSON.parse(first.text).receipt, 'the same body under its key: the same receipt');
  const other = await send({ headers, body: withName(lease, '陳大文') });
  assert.equal(other.status, 422);
  const body = JSON.parse(other.text);
  assert.equal(body.error, 'idempotency_key_reused');
  assert.ok(!other.text.includes(JSON.parse(first.text).id) && !other.text.includes(JSON.parse(first.text).receipt), 'nothing of the first record');
});

test('a valid application sent as application/json; charset=utf-8 is stored (201), not refused with 415', async () => {
  for (const [i, type] of ['application/json; charset=utf-8', 'application/json;charset="UTF-8"'].entries()) {
    const own = JSON.parse((await upload({})).text) as Attachment;
    const res = await send({ headers: { 'content-type': type, 'idempotency-key': `charset-${i}` }, body: withName(own, '林小美') });
    assert.equal(res.status, 201, `${type}: ${res.text.slice(0, 300)}`);
  }
});

test('a file is claimed by one submission only; a file a submission took cannot be deleted, even with its token', async () => {
  const file = JSON.parse((await upload({})).text) as Attachment & { token: string };
  const withFile = () => {
    const d = validData(file);
    return json(d);
  };
  assert.equal((await send({ headers: { 'content-type': 'application/json', 'idempotency-key': 'claim-1' }, body: withFile() })).status, 201);
  const second = await send({ headers: { 'content-type': 'application/json', 'idempotency-key': 'claim-2' }, body: withFile() });
  assert.equal(second.status, 422, second.text);
  assert.equal(JSON.parse(second.text).errors[0].code, 'attachment');
  assert.equal((await send({ method: 'DELETE', path: file.url!, headers: { 'x-formosa-attachment-token': file.token } })).status, 409);
});

test('a file is deleted with the token issued at its upload; it is served privately and never cached', async () => {
  const file = JSON.parse((await upload({})).text) as Attachment & { token: string };
  assert.match(file.token, /^[\w-]{32,}$/);
  const served = await send({ method: 'GET', path: file.url!, headers: {} });
  assert.equal(served.headers['cache-control'], 'no-store');
  assert.equal((await send({ method: 'DELETE', path: file.url!, headers: { 'x-formosa-attachment-token': file.token } })).status, 204);
  assert.equal((await send({ method: 'GET', path: file.url!, headers: {} })).status, 404);
});

test('a long file name is cut by characters, never inside an emoji, and keeps its extension', async () => {
  // An odd number of UTF-16 units before the emoji (101): a cut by code units at 196 would land inside one.
  const prefix = 'x' + '租約'.repeat(50);
  const name = prefix + '😀'.repeat(150) + '.pdf';
  const file = JSON.parse((await upload({ 'x-formosa-filename': encodeURIComponent(name) })).text) as Attachment;
  assert.ok([...file.name].length <= 200, `${[...file.name].length} characters`);
  assert.ok(file.name.endsWith('.pdf'));
  assert.doesNotMatch(file.name, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, 'no lone surrogate');
  assert.equal(file.name, prefix + '😀'.repeat(200 - 101 - 4) + '.pdf', 'the first 196 characters, then the extension');
});

test('submissions are durable: SQLite writes with synchronous=FULL', () => {
  const db = new Database(database, { readonly: true });
  db.close();
  assert.ok(server.store instanceof SqliteStore);
  assert.equal(server.store.synchronous(), 2, 'FULL');
});

test('a request still in flight under a key is answered 409; once done, the key gives its receipt', async () => {
  const url = new URL(server.url);
  const body = withName(JSON.parse((await upload({})).text), '林小美');
  const headers = { 'content-type': 'application/json', 'idempotency-key': 'in-flight-1', 'content-length': String(Buffer.byteLength(body)) };
  // The first request sends half its body and waits.
  const slow = request({ host: url.hostname, port: url.port, method: 'POST', path: '/api/forms/rent-subsidy/submissions', headers, agent: false });
  const first = new Promise<number>((resolve) => slow.on('response', (res) => (res.resume(), resolve(res.statusCode!))));
  slow.write(body.slice(0, 100));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const second = await send({ headers: { 'content-type': 'application/json', 'idempotency-key': 'in-flight-1' }, body });
  assert.equal(second.status, 409);
  assert.equal(JSON.parse(second.text).error, 'in_flight');
  slow.end(body.slice(100));
  assert.equal(await first, 201);
  assert.equal((await send({ headers: { 'content-type': 'application/json', 'idempotency-key': 'in-flight-1' }, body })).status, 200);
});

test('the per-address rate limit and the upload quota answer 429 with Retry-After', async () => {
  const limited = await startServer({
    formsDir, database: ':memory:',
    limits: { perAddress: { requests: 5, seconds: 60 }, perForm: { requests: 1000, seconds: 60 }, uploadBytes: { bytes: LEASE.length * 2, seconds: 3600 } },
  });
  try {
    const post = () => fetch(`${limited.url}/api/forms/rent-subsidy/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post()).status);
    assert.deepEqual(statuses, [422, 422, 422, 422, 422, 429]);
    const refused = await post();
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.equal((await refused.json()).error, 'rate_limited');
    assert.equal((await fetch(`${limited.url}/api/health`)).status, 200, 'reading is not limited');
  } finally {
    await limited.close();
  }
  const quota = await startServer({ formsDir, database: ':memory:', limits: { uploadBytes: { bytes: LEASE.length * 2, seconds: 3600 } } });
  try {
    const put = () => fetch(`${quota.url}/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy`, { method: 'POST', headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'a.pdf' }, body: new Uint8Array(LEASE) });
    assert.deepEqual([(await put()).status, (await put()).status], [201, 201]);
    const over = await put();
    assert.equal(over.status, 429);
    assert.ok(Number(over.headers.get('retry-after')) > 0);
  } finally {
    await quota.close();
  }
});

test('the per-form rate limit counts every address: beyond it, requests from two addresses get 429 with Retry-After; other forms go on', async () => {
  const limited = await startServer({
    formsDir, database: ':memory:', trustProxy: true,
    limits: { perAddress: { requests: 1000, seconds: 60 }, perForm: { requests: 4, seconds: 60 } },
  });
  try {
    const from = (address: string, form = 'rent-subsidy') => send({
      url: limited.url, path: `/api/forms/${form}/submissions`, headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: '{}',
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await from(i % 2 ? '203.0.113.7' : '198.51.100.7')).status);
    assert.deepEqual(statuses, [422, 422, 422, 422], 'two requests from each address: far below the per-address limit');
    const refused = await from('198.51.100.7');
    assert.equal(refused.status, 429, refused.text);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal(JSON.parse(refused.text).error, 'rate_limited');
    assert.equal((await from('192.0.2.7')).status, 429, 'an address never seen: the form\'s limit, not the address\'s');
    assert.equal((await from('192.0.2.7', 'patterned')).status, 422, 'another form is not held back');
  } finally {
    await limited.close();
  }
});

test('the upload quota counts the bytes read: chunked uploads (no Content-Length) beyond it get 429 with Retry-After', async () => {
  const quota = await startServer({ formsDir, database: ':memory:', limits: { uploadBytes: { bytes: LEASE.length * 2 + 100, seconds: 3600 } } });
  try {
    // Written in pieces with no Content-Length: what arrives is all the server can count.
    const chunked = (body: Buffer) => send({
      url: quota.url, path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy',
      headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'a.pdf', 'transfer-encoding': 'chunked' }, body,
    });
    assert.deepEqual([(await chunked(LEASE)).status, (await chunked(LEASE)).status], [201, 201]);
    const over = await chunked(LEASE);
    assert.equal(over.status, 429, over.text);
    assert.ok(Number(over.headers['retry-after']) > 0);
    assert.equal(JSON.parse(over.text).error, 'rate_limited');
  } finally {
    await quota.close();
  }
  // A large chunked upload is refused when it crosses the quota, not after it was all read, and still gets its answer.
  const small = await startServer({ formsDir, database: ':memory:', limits: { uploadBytes: { bytes: 100_000, seconds: 3600 } } });
  try {
    const url = new URL(small.url);
    const status = await new Promise<{ status: number; retryAfter: unknown }>((resolve, reject) => {
      const req = request({
        host: url.hostname, port: url.port, method: 'POST', path: '/api/forms/rent-subsidy/attachments?field=%2Frental%2FleaseCopy', agent: false,
        headers: { 'content-type': 'application/pdf', 'x-formosa-filename': 'big.pdf', 'transfer-encoding': 'chunked' },
      }, (res) => (res.resume(), resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] })));
      req.on('error', reject);
      let sent = 0;
      const more = () => {
        while (sent < 1_000_000) {
          sent += 16_384;
          if (!req.write(Buffer.alloc(16_384, 0x25))) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    });
    assert.equal(status.status, 429);
    assert.ok(Number(status.retryAfter) > 0);
  } finally {
    await small.close();
  }
});

test('while hostile bodies arrive in parallel, every health probe is answered, nothing is stored, a valid application still gets its receipt', async () => {
  const heavy = [
    json({ applicant: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, 1])) }),
    json({ name: 'a'.repeat(90_000) + '!' }),
    '['.repeat(100_000) + ']'.repeat(100_000),
    json({ household: { composition: 'with-family', members: Array.from({ length: 11 }, () => ({ name: '\u0000'.repeat(40) })) } }),
  ];
  const before = await storedCount();
  const attacks = Array.from({ length: 24 }, (_, i) => send({ path: i % 4 === 1 ? '/api/forms/patterned/submissions' : undefined, body: heavy[i % 4] }));
  const probes = Array.from({ length: 20 }, () => send({ method: 'GET', path: '/api/health', headers: {} }));
  const ownLease = JSON.parse((await upload({})).text) as Attachment & { token: string };
  const honest = send({ headers: { 'content-type': 'application/json', 'idempotency-key': 'honest-during-attack' }, body: withName(ownLease, '王大明') });
  const statuses = (await Promise.all(attacks)).map((r) => r.status);
  assert.ok(statuses.every((s) => s >= 400 && s < 500 && s !== 429), `refused for what they are (4xx, not rate-limited): ${statuses.join(' ')}`);
  assert.ok((await Promise.all(probes)).every((r) => r.status === 200), 'every probe answered');
  const receipt = await honest;
  assert.equal(receipt.status, 201, receipt.text.slice(0, 300));
  assert.equal(await storedCount(), before + 1, 'only the honest application stored, for any form');
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('after all of it the server still answers, and its health says so', async () => {
  const health = await send({ method: 'GET', path: '/api/health', headers: {} });
  assert.equal(health.status, 200);
  assert.equal(JSON.parse(health.text).status, 'ok');
});
