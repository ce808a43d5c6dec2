// The anonymous funnel over HTTP: the element's beacons are counted, shown to a caseworker's token, and nothing a page
// did not make that way gets in — extra keys, a value smuggled in a path or a code, another form's steps, 10,000
// records, a 1 MB body — nor anything that identifies a citizen (journey ids and addresses are not kept).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@formosa/server';
import { newToken } from '../src/backoffice/tokens.js';

const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
const file = join(mkdtempSync(join(tmpdir(), 'formosa-funnel-')), 'db.sqlite');
const JOURNEY = 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
let server: RunningServer;
let token: string;

before(async () => {
  server = await startServer({ formsDir, database: file });
  const { text, stored } = newToken({ holder: 'analyst', scopes: ['read'], forms: ['rent-subsidy'] }, new Date());
  await server.store.backoffice.saveToken(stored);
  token = text;
});
after(() => server?.close());

type Record = { [key: string]: unknown };
const record = (kind: string, step: string, more: Record = {}): Record => ({ kind, formId: 'rent-subsidy', formVersion: '2026.1.0', step, journey: JOURNEY, at: 1_765_000_000_000, ...more });
const beacon = (body: unknown, type = 'text/plain;charset=UTF-8', form = 'rent-subsidy') =>
  fetch(`${server.url}/api/forms/${form}/analytics`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const funnel = async () => (await fetch(`${server.url}/api/backoffice/forms/rent-subsidy/funnel`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<{ steps: { id: string; reached: number; left: number; abandoned: number; averageMs: number | null }[]; submitted: number; topErrors: { step: string; path: string; code: string; count: number }[] }>;

test('a journey is counted: reached, left with its time, errors by field and code, abandoned; shown to a read token', async () => {
  const res = await beacon({ records: [
    record('step-reached', 'consent'), record('step-left', 'consent', { ms: 4000 }),
    record('step-reached', 'applicant'),
    record('error-shown', 'applicant', { errors: [{ path: '/applicant/nationalId', code: 'nationalId' }, { path: '/applicant/name', code: 'required' }] }),
    record('error-shown', 'applicant', { errors: [{ path: '/applicant/nationalId', code: 'nationalId' }] }),
    record('step-left', 'applicant', { ms: 60_000 }), record('step-reached', 'household'),
    record('error-shown', 'household', { errors: [{ path: '/household/members/2/name', code: 'required' }] }),
    record('abandoned', 'household'),
  ] });
  assert.equal(res.status, 204);
  const shown = await funnel();
  const step = (id: string) => shown.steps.find((s) => s.id === id)!;
  assert.deepEqual([step('consent').reached, step('consent').left, step('consent').averageMs], [1, 1, 4000]);
  assert.deepEqual([step('applicant').reached, step('applicant').averageMs, step('household').abandoned], [1, 60_000, 1]);
  assert.deepEqual(shown.topErrors[0], { step: 'applicant', path: '/applicant/nationalId', code: 'nationalId', count: 2 });
  assert.ok(shown.topErrors.some((e) => e.path === '/household/members/*/name'), 'an index in a repeat is counted under its pattern');
  assert.equal((await fetch(`${server.url}/api/backoffice/forms/rent-subsidy/funnel`)).status, 401);
});

test('hostile records are refused whole and count nothing', async () => {
  const before = JSON.stringify(await funnel());
  const many = Array.from({ length: 10_000 }, () => record('step-reached', 'applicant'));
  const cases: [string, Response][] = [
    ['an extra key in a record', await beacon({ records: [record('step-reached', 'applicant', { name: '陳阿嬤' })] })],
    ['an extra key beside records', await beacon({ records: [record('step-reached', 'applicant')], values: { nationalId: 'A123456789' } })],
    ['a value in a path', await beacon({ records: [record('error-shown', 'applicant', { errors: [{ path: '/applicant/nationalId/A123456789', code: 'nationalId' }] })] })],
    ['a value as a path', await beacon({ records: [record('error-shown', 'applicant', { errors: [{ path: 'A123456789', code: 'nationalId' }] })] })],
    ['a value in a code', await beacon({ records: [record('error-shown', 'applicant', { errors: [{ path: '/applicant/nationalId', code: 'A123456789' }] })] })],
    ['a name in a code', await beacon({ records: [record('error-shown', 'applicant', { errors: [{ path: '/applicant/name', code: '陳阿嬤' }] })] })],
    ['a value beside an error', await beacon({ records: [record('error-shown', 'applicant', { errors: [{ path: '/applicant/name', code: 'required', value: '陳' }] })] })],
    ['a step of another form', await beacon({ records: [record('step-reached', 'children')] })],
    ['a value as a step', await beacon({ records: [record('step-reached', 'A123456789')] })],
    ["another form's records", await beacon({ records: [record('step-reached', 'applicant', { formId: 'childcare-allowance' })] })],
    ['another version', await beacon({ records: [record('step-reached', 'applicant', { formVersion: '1999.1.0' })] })],
    ['a value as the journey', await beacon({ records: [record('step-reached', 'applicant', { journey: 'A123456789 陳阿嬤' })] })],
    ['an unknown kind', await beacon({ records: [record('field-typed', 'applicant')] })],
    ['ms on another kind', await beacon({ records: [record('step-reached', 'applicant', { ms: 5 })] })],
    ['51 records', await beacon({ records: many.slice(0, 51) })],
    ['10,000 records', await beacon({ records: many })],
    ['a 1 MB body', await beacon(`{"records":[${'0,'.repeat(500_000)}0]}`)],
    ['no records', await beacon({ records: [] })],
    ['not JSON', await beacon('records=1')],
    ['not UTF-8', await beacon(new Uint8Array([0x7b, 0xff, 0x7d]) as unknown as string)],
    ['another content type', await beacon({ records: [record('step-reached', 'applicant')] }, 'application/x-www-form-urlencoded')],
  ];
  for (const [what, res] of cases) assert.ok([400, 413, 415].includes(res.status), `${what}: ${res.status}`);
  assert.equal(cases.find(([what]) => what === 'a 1 MB body')![1].status, 413);
  assert.equal(JSON.stringify(await funnel()), before, 'nothing counted');
  assert.equal((await beacon({ records: [record('step-reached', 'applicant')] }, 'text/plain', 'no-such-form')).status, 404);
});

test('nothing that identifies a citizen is kept: no journey id, no address, in the whole database file', async () => {
  assert.equal((await beacon({ records: [record('submitted', 'review')] })).status, 204);
  await server.close();
  const bytes = readFileSync(file).toString('latin1') + (() => {
    try {
      return readFileSync(`${file}-wal`).toString('latin1');
    } catch {
      return '';
    }
  })();
  assert.ok(bytes.includes('step-reached'), 'the counts are there');
  assert.ok(!bytes.includes(JOURNEY) && !bytes.includes('127.0.0.1'), 'no journey id, no address');
  // A form's budget of writes smaller than the beacons sent next: were beacons charged to it, submissions would be refused.
  server = await startServer({ formsDir, database: file, limits: { perForm: { requests: 5, seconds: 60 } } });
});

test('beacons are limited per address (60 a minute), and do not spend the form\'s budget of submissions', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 61; i++) statuses.push((await beacon({ records: [record('step-reached', 'applicant')] })).status);
  assert.deepEqual([statuses.filter((s) => s === 204).length, statuses.at(-1)], [60, 429]);
  const res = await fetch(`${server.url}/api/forms/rent-subsidy/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(res.status, 422, 'the submission is judged, not refused for the beacons');
});
