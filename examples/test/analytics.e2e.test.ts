// Journey analytics end to end: the built bundle, the reference server, real Chromium, and the agency's analytics
// endpoint (a server of its own here) receiving the form's beacons. The records come in journey order, and none holds
// an answer, the national ID or the draft key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import type { RunningServer } from '@formosa/server';
import { typedAnswers } from '../fixtures.js';
import { answer, clickButton, close, launch, moveOn, open, serve } from './browser.js';

interface JourneyRecord {
  kind: string; formId: string; formVersion: string; step: string; journey: string; at: number;
  errors?: { path: string; code: string }[]; ms?: number;
}
interface Beacon { method: string; contentType: string; records: JourneyRecord[]; bytes: number }

const DRAFT_KEY = 'kiosk-7-F231104095';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The agency's analytics endpoint: every request it received, preflights included. */
async function endpoint(): Promise<{ url: string; server: Server; beacons: Beacon[] }> {
  const beacons: Beacon[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    beacons.push({
      method: req.method!, contentType: req.headers['content-type'] ?? '', bytes: body.length,
      records: req.method === 'POST' ? (JSON.parse(body.toString('utf8')) as { records: JourneyRecord[] }).records : [],
    });
    res.writeHead(204).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, beacons };
}

let site: RunningServer;
let agency: Awaited<ReturnType<typeof endpoint>>;

before(async () => {
  await launch();
  agency = await endpoint();
  // The agency's page allows its analytics endpoint in connect-src, as it must for sendBeacon.
  site = await serve(`default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ${agency.url}`);
});
after(async () => {
  await close();
  await site?.close();
  agency?.server.close();
});

/** The demo's form page with `analytics` and a recognizable `draft-key` set as the page parses, and every record kept. */
async function openForm(): Promise<{ page: Page; problems: string[] }> {
  const opened = await open(`${site.url}/form.html?id=smoke-alarm-subsidy&lang=zh-Hant-TW`, (page) =>
    page.evaluateOnNewDocument((url: string, key: string) => {
      const kept: unknown[] = [];
      Object.assign(window, { records: kept });
      document.addEventListener('formosa-analytics', (e) => kept.push((e as Event & { record: unknown }).record));
      new MutationObserver((_, observer) => {
        const form = document.querySelector('formosa-form');
        if (!form) return;
        form.setAttribute('analytics', `${url}/analytics`);
        form.setAttribute('draft-key', key);
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    }, agency.url, DRAFT_KEY),
  );
  await opened.page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
  return opened;
}

/** A form opened, answered and continued to the review. */
async function atReview(): Promise<Page> {
  const { page } = await openForm();
  for (const [path, value] of typedAnswers('smoke-alarm-subsidy')) await answer(page, path, value);
  await moveOn(page, '繼續');
  return page;
}

const recordsIn = (page: Page) => page.evaluate(() => (window as unknown as { records: JourneyRecord[] }).records);
const sent = (from: number) => agency.beacons.slice(from).flatMap((b) => b.records);
async function arrived(from: number, count: number): Promise<void> {
  for (let i = 0; i < 100 && sent(from).length < count; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(sent(from).length, count, 'every record reached the endpoint');
}

test('a journey to the receipt: records in order, sent as text/plain beacons when the page goes, with no answer, ID or draft key', async () => {
  const from = agency.beacons.length;
  const { page, problems } = await openForm();
  await clickButton(page, '繼續'); // nothing answered yet: errors shown
  await page.waitForFunction(() => (window as unknown as { records: { kind: string }[] }).records.some((r) => r.kind === 'error-shown'));
  const answers = typedAnswers('smoke-alarm-subsidy');
  for (const [path, value] of answers) await answer(page, path, value);
  await moveOn(page, '繼續');
  const receipt = page.evaluate(() => new Promise((resolve) => document.addEventListener('formosa-submit', resolve)));
  await clickButton(page, '確認送出');
  await receipt;
  await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt'));
  const records = await recordsIn(page);
  assert.deepEqual(agency.beacons.slice(from), [], 'nothing sent while the page is open and fewer than 20 wait');

  assert.deepEqual(records.map((r) => `${r.kind} ${r.step}`), [
    'step-reached application', 'error-shown application', 'step-left application', 'step-reached review',
    'step-left review', 'step-reached receipt', 'submitted receipt',
  ]);
  const [first] = records;
  assert.match(first!.journey, UUID);
  for (const record of records) {
    assert.equal(record.journey, first!.journey, 'one journey');
    assert.deepEqual([record.formId, record.formVersion], ['smoke-alarm-subsidy', '2026.1.0']);
    assert.equal(record.at % 1000, 0, 'to the second');
    assert.ok(Math.abs(record.at - Date.now()) < 120_000);
    assert.equal('ms' in record, record.kind === 'step-left');
    assert.equal('errors' in record, record.kind === 'error-shown');
  }
  assert.ok(records.filter((r) => r.kind === 'step-left').every((r) => typeof r.ms === 'number' && r.ms > 0));
  const shown = records.find((r) => r.kind === 'error-shown')!;
  assert.ok(shown.errors!.some((e) => e.path === '/applicant/nationalId' && e.code === 'required'));
  assert.ok(shown.errors!.every((e) => Object.keys(e).join() === 'path,code'));

  await page.goto('about:blank'); // the citizen leaves: pagehide sends what waits
  await arrived(from, records.length);
  const beacons = agency.beacons.slice(from);
  assert.deepEqual(sent(from), records, 'the endpoint received exactly the records the page heard');
  assert.ok(beacons.every((b) => b.method === 'POST' && b.contentType.startsWith('text/plain')), 'CORS-safelisted: no preflight');
  assert.ok(beacons.every((b) => b.records.length <= 50 && b.bytes <= 16 * 1024));

  const serialized = JSON.stringify(beacons) + JSON.stringify(records);
  const secrets = [DRAFT_KEY, 'F231104095', ...answers.map(([, value]) => String(value)).filter((value) => value.length > 2)];
  for (const secret of secrets) assert.ok(!serialized.includes(secret), `no record holds "${secret}"`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('abandoned: the citizen leaves before sending; a new load is a new journey', async () => {
  const from = agency.beacons.length;
  const page = await atReview();
  const records = await recordsIn(page);
  await page.goto('about:blank');
  await arrived(from, records.length + 1);
  const received = sent(from);
  assert.deepEqual(received.map((r) => `${r.kind} ${r.step}`), ['step-reached application', 'step-left application', 'step-reached review', 'abandoned review']);
  assert.ok(received.every((r) => r.journey === received[0]!.journey));
  assert.ok(!agency.beacons.slice(0, from).some((b) => b.records.some((r) => r.journey === received[0]!.journey)), 'a journey of its own');
  await page.close();
});

test('twenty records waiting are sent at once, without waiting for the page to go', async () => {
  const from = agency.beacons.length;
  const page = await atReview();
  // Back and forth between the step and the review: two records per move.
  for (let i = 0; i < 8; i++) {
    await page.evaluate(() => (document.querySelector('formosa-form') as unknown as { goTo(step: string): boolean }).goTo('application'));
    await page.evaluate(() => (document.querySelector('formosa-form') as unknown as { submit(): void }).submit());
  }
  await arrived(from, 20);
  assert.deepEqual(agency.beacons.slice(from).map((b) => b.records.length), [20]);
  assert.equal((await recordsIn(page)).length, 3 + 8 * 4);
  await page.close();
});
