// The back office page in headless Chromium, under its own strict CSP: a caseworker pastes a token (kept in
// sessionStorage only), sees the applications, opens one, moves it with a note, sees the funnel, switches to English;
// no CSP violation, no error in the console.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '@formosa/server';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.js';
import { FORMS_DIR, grant, submitApplication } from './backoffice-fixtures.js';

let server: RunningServer;
let browser: Browser;
let token: string;
const sent: Awaited<ReturnType<typeof submitApplication>>[] = [];

before(async () => {
  server = await startServer({ formsDir: FORMS_DIR, database: join(mkdtempSync(join(tmpdir(), 'formosa-bo-page-')), 'db.sqlite') });
  token = await grant(server, ['read', 'decide', 'export'], ['rent-subsidy']);
  for (const street of ['和平東路一段 1 號', '新生南路 3 號']) sent.push(await submitApplication(server, street));
  const record = { kind: 'step-reached', formId: 'rent-subsidy', formVersion: '2026.1.0', step: 'applicant', journey: '0123456789abcdef0123', at: 0 };
  await fetch(`${server.url}/api/forms/rent-subsidy/analytics`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ records: [record, record] }) });
  const chromium = await findChromium();
  browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
const until = (page: Page, predicate: string) => page.waitForFunction(predicate, { timeout: 10_000 });

test('a caseworker pastes a token, opens an application, moves it with a note, sees the funnel, in Chinese and English', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => void (['error', 'warning'].includes(message.type()) && problems.push(`console: ${message.text()}`)));
  await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)));
  const answer = await page.goto(`${server.url}/backoffice/`, { waitUntil: 'networkidle0' });
  assert.match(answer!.headers()['content-security-policy']!, /script-src 'self'.*trusted-types 'none'/);
  assert.equal(await text(page, 'h1'), 'Formosa 後台');
  await page.type('#token', token);
  await page.click('#login button[type=submit]');
  await until(page, "document.querySelectorAll('#applications tbody tr[data-id]').length === 2");
  assert.deepEqual(await page.evaluate(() => [sessionStorage.getItem('formosa-backoffice-token')?.slice(0, 4), localStorage.length, document.cookie]), ['fbo_', 0, '']);
  assert.equal(await page.$eval('#token', (e) => (e as HTMLInputElement).value), '', 'not left in the field');
  await page.click(`#applications tr[data-id="${sent[0]!.id}"]`);
  await until(page, `document.querySelector('#application-title').textContent.startsWith(${JSON.stringify(sent[0]!.receipt)})`);
  assert.equal(await text(page, '#application-status'), '已送出');
  assert.match(await text(page, '#versions'), /和平東路一段 1 號/);
  await page.select('#move-to', 'in_review');
  await page.type('#note', '已收件，審查中');
  await page.click('#move button[type=submit]');
  await until(page, "document.querySelector('#application-status').textContent === '審查中'");
  assert.match(await text(page, '#history'), /已收件，審查中/);
  assert.equal((await server.store.status.current('rent-subsidy', sent[0]!.id)), 'in_review');
  await until(page, "[...document.querySelectorAll('#funnel-steps tr')].some((r) => r.textContent.includes('2'))");
  await page.click('#language');
  await until(page, "document.querySelector('h1').textContent === 'Formosa back office'");
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await text(page, '#applications tbody'), /In review/);
  assert.deepEqual(problems, []);
  await page.click('#forget');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('formosa-backoffice-token')), null);
  await page.close();
});
