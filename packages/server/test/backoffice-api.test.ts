// The back office's API as a caseworker uses it, on a real server: the forms a token sees, the list (pages with a
// cursor, by status, date and receipt), one application with its files and history, a status change through the
// status section's route, and the exports (CSV for Excel in Taiwan, safe from formulas; JSON).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@formosa/server';
import { csvCell } from '../src/backoffice/export.js';
import { fixtureFile } from '../../../examples/fixtures.js';
import { FORMS_DIR, grant, submitApplication } from './backoffice-fixtures.js';

let server: RunningServer;
let token: string;
const sent: Awaited<ReturnType<typeof submitApplication>>[] = [];

before(async () => {
  server = await startServer({ formsDir: FORMS_DIR, database: join(mkdtempSync(join(tmpdir(), 'formosa-bo-api-')), 'db.sqlite'), secret: 'back office api test secret' });
  token = await grant(server, ['read', 'decide', 'export'], ['rent-subsidy']);
  // A street a spreadsheet would run as a formula, one with a quote and a line break is not allowed by the form.
  for (const street of ['和平東路一段 1 號', '=HYPERLINK("http://evil.example","點我")', '+886-2-1234', '新生南路 "三" 段 3 號', '@SUM(A1)']) sent.push(await submitApplication(server, street));
});
after(() => server?.close());

const get = (path: string, auth = token) => fetch(`${server.url}/api/backoffice${path}`, { headers: { authorization: `Bearer ${auth}` } });
const json = async <T>(path: string): Promise<T> => {
  const res = await get(path);
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
};
type Row = { submissionId: string; receipt: string; status: string };

test('the forms a token sees, with their steps and statuses', async () => {
  const { forms, holder } = await json<{ forms: { id: string; steps: { id: string }[]; statuses: string[] }[]; holder: string }>('/forms');
  assert.deepEqual(forms.map((f) => f.id), ['rent-subsidy']);
  assert.ok(forms[0]!.steps.some((s) => s.id === 'rental') && forms[0]!.statuses.includes('info_requested'));
  assert.match(holder, /rent-subsidy/);
});

test('the list: pages with a cursor, a receipt, dates, a status; strict about its parameters', async () => {
  const first = await json<{ applications: Row[]; next?: string }>('/forms/rent-subsidy/applications?limit=2');
  assert.equal(first.applications.length, 2);
  const second = await json<{ applications: Row[]; next?: string }>(`/forms/rent-subsidy/applications?limit=2&cursor=${first.next}`);
  const third = await json<{ applications: Row[]; next?: string }>(`/forms/rent-subsidy/applications?limit=2&cursor=${second.next}`);
  assert.equal(third.next, undefined);
  assert.deepEqual([...first.applications, ...second.applications, ...third.applications].map((a) => a.submissionId).sort(), sent.map((s) => s.id).sort(), 'every application once');
  const found = await json<{ applications: Row[] }>(`/forms/rent-subsidy/applications?receipt=${sent[3]!.receipt.toLowerCase()}`);
  assert.deepEqual(found.applications.map((a) => [a.submissionId, a.status]), [[sent[3]!.id, 'submitted']]);
  assert.deepEqual((await json<{ applications: Row[] }>('/forms/rent-subsidy/applications?receipt=CA-20260101-000000')).applications, []);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date());
  assert.equal((await json<{ applications: Row[] }>(`/forms/rent-subsidy/applications?from=${today}&to=${today}`)).applications.length, 5);
  assert.equal((await json<{ applications: Row[] }>('/forms/rent-subsidy/applications?to=2020-01-01')).applications.length, 0);
  for (const bad of ['limit=0', 'limit=201', 'limit=1e3', 'from=yesterday', 'cursor=xyz', 'status=%3Cscript%3E', 'sort=name', 'limit=1&limit=2']) {
    const res = await get(`/forms/rent-subsidy/applications?${bad}`);
    assert.equal(res.status, 400, bad);
  }
});

test('one application: its answers, files (downloaded), history; a move with a note shows in it and in the list by status', async () => {
  const app = sent[0]!;
  const moved = await fetch(`${server.url}/api/backoffice/forms/rent-subsidy/applications/${app.id}/status`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ to: 'in_review', note: '已收件，審查中' }) });
  assert.equal(moved.status, 200, await moved.clone().text());
  type Detail = { receipt: string; status: string; moves: string[]; history: { status: string; note?: string; who?: string }[]; versions: { id: string; data: { rental: { address: { street: string } } }; files: { id: string; name: string; url: string }[] }[] };
  const detail = await json<Detail>(`/forms/rent-subsidy/applications/${app.id}`);
  assert.deepEqual([detail.receipt, detail.status], [app.receipt, 'in_review']);
  assert.deepEqual(detail.history.map((h) => h.status), ['submitted', 'in_review']);
  assert.equal(detail.history[1]!.note, '已收件，審查中');
  assert.ok(detail.moves.includes('approved'));
  assert.equal(detail.versions.length, 1);
  assert.equal(detail.versions[0]!.data.rental.address.street, '和平東路一段 1 號');
  const [file] = detail.versions[0]!.files;
  assert.equal(file!.id, app.file);
  const download = await fetch(`${server.url}${file!.url}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(download.status, 200);
  assert.match(download.headers.get('content-disposition')!, /^attachment; filename\*=UTF-8''/);
  assert.deepEqual(Buffer.from(await download.arrayBuffer()), readFileSync(fixtureFile('@file:lease.pdf')!));
  assert.equal((await get(`/forms/rent-subsidy/applications/${sent[1]!.id}/files/${app.file}`)).status, 404, "another application's file is not this one's");
  assert.equal((await get('/forms/rent-subsidy/applications/00000000-0000-0000-0000-000000000000')).status, 404);
  const inReview = await json<{ applications: Row[] }>('/forms/rent-subsidy/applications?status=in_review');
  assert.deepEqual(inReview.applications.map((a) => a.submissionId), [app.id]);
});

test('exports: CSV in UTF-8 with a BOM, every cell quoted, formulas defused; JSON; the filters apply', async () => {
  assert.equal(csvCell('=1+2'), `"'=1+2"`);
  for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.ok(csvCell(`${start}x`).startsWith(`"'${start}`), JSON.stringify(start));
  assert.equal(csvCell('和平 "東" 路'), '"和平 ""東"" 路"');
  const res = await get('/forms/rent-subsidy/export?format=csv');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition')!, /^attachment; filename="rent-subsidy-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark');
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines.length, 6, 'a header and five applications');
  assert.ok(lines[0]!.startsWith('"receipt","submittedAt","status","changedAt","formVersion","versions","/applicant/name"'));
  const cells = lines.slice(1).flatMap((line) => line.match(/"(?:[^"]|"")*"/g)!);
  assert.ok(cells.includes(`"'=HYPERLINK(""http://evil.example"",""點我"")"`) && cells.includes(`"'+886-2-1234"`) && cells.includes(`"'@SUM(A1)"`));
  assert.ok(!cells.some((c) => /^"[=+\-@\t\r]/.test(c)), 'no cell begins a formula');
  assert.ok(cells.includes('"新生南路 ""三"" 段 3 號"'));
  assert.ok(cells.includes('"lease.pdf"') || cells.includes('"租約.pdf"'), 'files by name');
  const exported = (await (await get('/forms/rent-subsidy/export?format=json&status=in_review')).json()) as { applications: { receipt: string; status: string; data: unknown }[]; count: number };
  assert.deepEqual([exported.count, exported.applications[0]!.receipt, exported.applications[0]!.status], [1, sent[0]!.receipt, 'in_review']);
  assert.equal((await get('/forms/rent-subsidy/export?format=xlsx')).status, 400);
  assert.equal((await get('/forms/rent-subsidy/export', await grant(server, ['read'], ['rent-subsidy']))).status, 403, 'reading is not exporting');
});
