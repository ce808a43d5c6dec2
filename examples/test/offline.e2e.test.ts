// Never losing a citizen's work, in real Chromium against the real reference server: a renderer crash, a browser
// closed while offline, a failing network, a correction, a rejection, two tabs, a full disk, a new version of the
// form, and what IndexedDB really holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '@formosa/server';
import { findChromium, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { typedAnswers } from '../fixtures.js';
import { answer, clickButton, root, violations } from './browser.js';
import { faultProxy } from './fault-proxy.js';

const chromium = await findChromium();
let browser: Browser;
before(async () => (browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS })));
after(() => browser.close());

const SMOKE = typedAnswers('smoke-alarm-subsidy');

const databases = new WeakMap<RunningServer, string>();

/** The reference server with the demo site, on `port` (0: any) and with the definitions in `forms`. */
async function serve(forms = join(root, 'examples/forms'), port = 0, database = join(mkdtempSync(join(tmpdir(), 'formosa-offline-')), 'db.sqlite')): Promise<RunningServer> {
  const server = await startServer({ formsDir: forms, database, staticDirs: [{ prefix: '/dist/', dir: join(root, 'dist') }, { prefix: '/', dir: join(root, 'examples/site') }] }, port);
  databases.set(server, database);
  return server;
}

/** A page of the demo in a context (default: a fresh one), recording page errors; the form may get submitter options. */
async function open(context: { newPage(): Promise<Page> }, url: string, submitter?: object): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push((error as Error).message));
  if (submitter) await page.evaluateOnNewDocument((options) => document.addEventListener('DOMContentLoaded', () => Object.assign(document.getElementById('form')!, { submitter: options })), submitter);
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'), { timeout: 10_000 });
  return { page, errors };
}

const inForm = <T>(page: Page, fn: (root: ShadowRoot) => T) => page.evaluate(`(${fn.toString()})(document.querySelector('formosa-form').shadowRoot)`) as Promise<T>;
const view = (page: Page) => page.evaluate(() => (document.querySelector('formosa-form') as unknown as { view: string }).view);
/** An answer as the form would send it now. */
const valueOf = (page: Page, path: string) =>
  page.evaluate((p) => p.split('/').slice(1).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], (document.querySelector('formosa-form') as unknown as { data: unknown }).data), path);
/** Waits for `fn` to hold in the page; on a time-out, says what the form shows instead. */
const until = (page: Page, fn: string, timeout = 10_000) =>
  // Polled by time, not by animation frame: a tab in the background paints nothing.
  page.waitForFunction(fn, { timeout, polling: 100 }).catch(async (error: Error) => {
    const shown = await page.evaluate(() => {
      const form = document.querySelector('formosa-form') as (HTMLElement & { view?: string }) | null;
      return `view ${form?.view}: ${form?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 600)}`;
    }).catch(() => 'the page is gone');
    throw new Error(`${error.message} waiting for ${fn}; the form shows ${shown}`);
  });

/** Fills the smoke-alarm form (one step) and goes to the review. */
async function fillSmokeAlarm(page: Page, name = '陳阿嬤'): Promise<void> {
  for (const [path, value] of SMOKE) await answer(page, path, path === '/applicant/name' ? name : value);
  await clickButton(page, 'Continue');
  await until(page, `document.querySelector('formosa-form').view === 'review'`);
}

test('typed, then the renderer crashes within a second: reopened, the text and the step are there', async () => {
  const server = await serve();
  const context = await browser.createBrowserContext();
  try {
    const { page } = await open(context, `${server.url}/form.html?id=rent-subsidy&lang=en`);
    for (const [path, value] of typedAnswers('rent-subsidy').filter(([p]) => p.startsWith('/applicant/'))) await answer(page, path, value);
    await clickButton(page, 'Continue');
    await until(page, `document.querySelector('formosa-form').view === 'household'`);
    await answer(page, '/household/composition', 'alone');
    await new Promise((r) => setTimeout(r, 600)); // under a second after the last keystroke
    const cdp = await page.createCDPSession();
    void cdp.send('Page.crash').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    const { page: again } = await open(context, `${server.url}/form.html?id=rent-subsidy&lang=en`);
    assert.equal(await view(again), 'household');
    assert.equal(await valueOf(again, '/household/composition'), 'alone');
    assert.equal(await valueOf(again, '/applicant/name'), typedAnswers('rent-subsidy').find(([p]) => p === '/applicant/name')![1]);
    assert.match(await inForm(again, (r) => r.querySelector('.draft-notice')?.textContent ?? ''), /Welcome back/);
    assert.deepEqual(await violations(again, 'welcome back'), []);
    // The services page lists it among the applications in progress on this device; Continue opens it there.
    const home = await context.newPage();
    const refused: string[] = [];
    home.on('console', (message) => message.type() === 'error' && refused.push(message.text()));
    await home.goto(`${server.url}/?lang=en`);
    await until(home, `document.querySelector('formosa-drafts')?.shadowRoot?.querySelector('li')`);
    const listed = await home.evaluate(() => [...document.querySelector('formosa-drafts')!.shadowRoot!.querySelectorAll('li')].map((li) => [li.querySelector('.name')!.textContent, li.querySelector('a')!.getAttribute('href')]));
    assert.deepEqual(listed, [['Apply for a rent subsidy', '/form.html?id=rent-subsidy']]);
    assert.deepEqual(await violations(home, 'applications in progress'), []);
    assert.deepEqual(refused, [], 'nothing refused by the strict CSP (the list styles itself with a constructed sheet)');
  } finally {
    await context.close();
    await server.close();
  }
});

test('offline, sent, the browser closed; reopened online: one record, and the citizen sees the receipt', async () => {
  const server = await serve();
  const profile = mkdtempSync(join(tmpdir(), 'formosa-profile-'));
  const url = `${server.url}/form.html?id=smoke-alarm-subsidy&lang=en`;
  const launchProfile = () => puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS, userDataDir: profile });
  try {
    const first = await launchProfile();
    const { page } = await open(first, url);
    await fillSmokeAlarm(page);
    await page.setOfflineMode(true);
    await clickButton(page, 'Send application');
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('.notice')?.textContent.includes('You are offline')`);
    assert.equal(await view(page), 'submitting');
    await first.close();
    assert.equal(await server.store.count('smoke-alarm-subsidy'), 0);

    const second = await launchProfile();
    const { page: back, errors } = await open(second, url);
    await until(back, `document.querySelector('formosa-form').shadowRoot.querySelector('formosa-receipt')`);
    assert.equal(await server.store.count('smoke-alarm-subsidy'), 1);
    const shown = await inForm(back, (r) => r.querySelector('formosa-receipt')!.getAttribute('receipt'));
    assert.equal(shown, (await server.store.get('smoke-alarm-subsidy', listIds(server)[0]!))?.receipt);
    assert.deepEqual(errors, []);
    await second.close();
  } finally {
    await server.close();
  }
});

/** The ids of the stored smoke-alarm applications, oldest first (read from the server's database file). */
function listIds(server: RunningServer): string[] {
  const db = new Database(databases.get(server)!, { readonly: true });
  try {
    return (db.prepare("SELECT id FROM submissions WHERE form_id = 'smoke-alarm-subsidy' ORDER BY rowid").all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

test('500s, then a time-out, then stored but the answer dropped: one record, and the receipt it issued', async () => {
  const server = await serve();
  const proxy = await faultProxy(server.url);
  const context = await browser.createBrowserContext();
  try {
    proxy.script('POST', /\/submissions$/, ['fail', 'fail', 'fail', 'hang', 'drop-after']);
    const { page, errors } = await open(context, `${proxy.url}/form.html?id=smoke-alarm-subsidy&lang=en`, { timeout: 1500, backoff: 100 });
    await fillSmokeAlarm(page);
    await clickButton(page, 'Send application');
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('formosa-receipt')`, 30_000);
    assert.deepEqual(proxy.remaining(), [], 'every fault was met');
    assert.equal(await server.store.count('smoke-alarm-subsidy'), 1);
    const [id] = listIds(server);
    assert.equal(await inForm(page, (r) => r.querySelector('formosa-receipt')!.getAttribute('receipt')), (await server.store.get('smoke-alarm-subsidy', id!))!.receipt);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await proxy.close();
    await server.close();
  }
});

test('the sending machinery did not arrive when the first step showed (a 503): the Send asks for it again and goes', async () => {
  const server = await serve();
  const proxy = await faultProxy(server.url);
  const context = await browser.createBrowserContext();
  try {
    // A browser keeps a failed module fetch for the page's life: asked again under the same URL, it fails unsent.
    proxy.script('GET', /\/dist\/chunks\/sending\.js$/, ['fail']);
    const { page, errors } = await open(context, `${proxy.url}/form.html?id=smoke-alarm-subsidy&lang=en`, { backoff: 100 });
    await until(page, `performance.getEntriesByType('resource').some((e) => e.name.includes('/chunks/sending.js'))`);
    assert.deepEqual(proxy.remaining(), [], 'the fetch once the first step was on screen met the fault');
    await fillSmokeAlarm(page);
    await clickButton(page, 'Send application');
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('formosa-receipt')`, 30_000);
    assert.equal(await server.store.count('smoke-alarm-subsidy'), 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await proxy.close();
    await server.close();
  }
});

test('stored but unanswered, then an answer changed and sent again: the receipt and what differs are shown; the correction is stored linked to it', async () => {
  const server = await serve();
  const proxy = await faultProxy(server.url);
  const context = await browser.createBrowserContext();
  try {
    proxy.script('POST', /\/submissions$/, ['drop-after']);
    proxy.otherwise('POST', /\/submissions$/, 'hang');
    const { page } = await open(context, `${proxy.url}/form.html?id=smoke-alarm-subsidy&lang=en`, { timeout: 800, backoff: 60_000 });
    await fillSmokeAlarm(page, '陳阿嬤');
    await clickButton(page, 'Send application');
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('.notice')?.textContent.includes('could not reach the service')`);
    assert.equal(await server.store.count('smoke-alarm-subsidy'), 1, 'the agency holds the first answers');
    assert.deepEqual(await violations(page, 'waiting to be sent'), []);
    await clickButton(page, 'Change my answers');
    await until(page, `document.querySelector('formosa-form').view === 'review'`);
    await page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-review')!.shadowRoot!.querySelector('button')!.click());
    await until(page, `document.querySelector('formosa-form').view === 'application'`);
    await page.evaluate(() => {
      const input = document.querySelector('formosa-form')!.shadowRoot!.querySelector('[data-path="/applicant/name"]')!.shadowRoot!.querySelector('input')!;
      input.select();
    });
    await page.keyboard.type('陳阿公');
    await clickButton(page, 'Continue');
    await until(page, `document.querySelector('formosa-form').view === 'review'`);
    proxy.otherwise('POST', /\/submissions/, 'pass');
    await clickButton(page, 'Send application');
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('.correction')`, 20_000);
    const shown = await inForm(page, (r) => ({
      receipt: r.querySelector('formosa-receipt')!.getAttribute('receipt'),
      differences: [...r.querySelectorAll('.difference')].map((d) => d.textContent!.replace(/\s+/g, ' ').trim()),
    }));
    const [first] = listIds(server);
    assert.equal(shown.receipt, (await server.store.get('smoke-alarm-subsidy', first!))!.receipt);
    assert.equal(shown.differences.length, 1);
    assert.match(shown.differences[0]!, /陳阿嬤.*陳阿公/);
    assert.equal(await server.store.count('smoke-alarm-subsidy'), 1, 'nothing sent before the citizen chooses');
    assert.deepEqual(await violations(page, 'the differences'), []);
    await clickButton(page, 'Send my changes as a correction');
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('.correction')?.textContent.includes('Your correction was received')`, 20_000);
    const ids = listIds(server);
    assert.equal(ids.length, 2);
    // Read from the store: the page's receipt secrets are the citizen's, not this test's.
    type Stored = { id: string; corrects?: string; data: { applicant: { name: string } } };
    const original = (await server.store.get('smoke-alarm-subsidy', ids[0]!)) as unknown as Stored;
    const correction = (await server.store.get('smoke-alarm-subsidy', ids[1]!)) as unknown as Stored;
    assert.equal(original.data.applicant.name, '陳阿嬤');
    assert.equal(correction.data.applicant.name, '陳阿公');
    assert.equal(correction.corrects, original.id);
    assert.deepEqual(await server.store.correctionsOf('smoke-alarm-subsidy', original.id), [correction.id]);
  } finally {
    await context.close();
    await proxy.close();
    await server.close();
  }
});

test('a 422 from the agency puts the citizen on the step with the field errors', async () => {
  const server = await serve();
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // The validator module does not arrive: the browser checks rules, formats and required answers only.
    await page.setRequestInterception(true);
    page.on('request', (request) => (request.url().endsWith('/validator.js') ? request.abort() : request.continue()));
    await page.goto(`${server.url}/form.html?id=smoke-alarm-subsidy&lang=en`);
    await until(page, `document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title')`);
    for (const [path, value] of SMOKE) await answer(page, path, path === '/applicant/name' ? '陳'.repeat(60) : value);
    await clickButton(page, 'Continue');
    await until(page, `document.querySelector('formosa-form').view === 'review'`);
    await clickButton(page, 'Send application');
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('formosa-error-summary')?.errors?.length > 0`);
    assert.equal(await view(page), 'application');
    const error = await page.evaluate(() => (document.querySelector('formosa-form')!.shadowRoot!.querySelector('[data-path="/applicant/name"]') as unknown as { error: string }).error);
    assert.match(error, /Full name|name/i);
    assert.equal(await server.store.count('smoke-alarm-subsidy'), 0);
  } finally {
    await context.close();
    await server.close();
  }
});

test('two tabs: the second is told, takes over with every keystroke of the first, no exception; both sending store one record', async () => {
  const server = await serve();
  const context = await browser.createBrowserContext();
  const url = `${server.url}/form.html?id=smoke-alarm-subsidy&lang=en`;
  try {
    const { page: a, errors: errorsA } = await open(context, url);
    await answer(a, '/applicant/name', '林小美');
    const { page: b, errors: errorsB } = await open(context, url).catch(() => ({ page: undefined as unknown as Page, errors: [] }));
    await until(b, `document.querySelector('formosa-form').shadowRoot.querySelector('.elsewhere')`);
    assert.deepEqual(await violations(b, 'open in another tab'), []);
    await answer(a, '/applicant/phone', '0912345678'); // typed in the first tab just before the take-over
    await inForm(b, (r) => [...r.querySelectorAll('button')].find((x) => x.textContent!.includes('Continue here'))!.click());
    await until(b, `document.querySelector('formosa-form').shadowRoot.querySelector('[data-path="/applicant/name"]')`);
    assert.equal(await valueOf(b, '/applicant/name'), '林小美');
    assert.equal(await valueOf(b, '/applicant/phone'), '0912345678');
    await until(a, `document.querySelector('formosa-form').shadowRoot.querySelector('.elsewhere')`);
    for (const [path, value] of SMOKE.filter(([p]) => !['/applicant/name', '/applicant/phone'].includes(p))) await answer(b, path, value);
    await clickButton(b, 'Continue');
    await until(b, `document.querySelector('formosa-form').view === 'review'`);
    await b.setOfflineMode(true);
    await clickButton(b, 'Send application');
    await until(b, `document.querySelector('formosa-form').shadowRoot.querySelector('.notice')?.textContent.includes('offline')`);
    // The first tab takes it back and sends it too, online; then the second comes back online.
    await inForm(a, (r) => [...r.querySelectorAll('button')].find((x) => x.textContent!.includes('Continue here'))!.click());
    await until(a, `document.querySelector('formosa-form').shadowRoot.querySelector('formosa-receipt')`, 15_000);
    await b.setOfflineMode(false);
    await b.evaluate(() => dispatchEvent(new Event('online')));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await server.store.count('smoke-alarm-subsidy'), 1);
    assert.deepEqual([...errorsA, ...errorsB], []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a full disk: the citizen is told, nothing typed is lost, and the application is still sent', async () => {
  const server = await serve();
  const context = await browser.createBrowserContext();
  try {
    // The disk fills up while the citizen types (simulated: IndexedDB refuses every write as the browser does then).
    const { page } = await open(context, `${server.url}/form.html?id=smoke-alarm-subsidy&lang=en`);
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await fillSmokeAlarm(page);
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('.notice')?.textContent.includes('storage is full')`);
    assert.equal(await valueOf(page, '/applicant/name'), '陳阿嬤');
    assert.deepEqual(await violations(page, 'storage full'), []);
    await clickButton(page, 'Send application');
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('formosa-receipt')`);
    assert.equal(await server.store.count('smoke-alarm-subsidy'), 1);
  } finally {
    await context.close();
    await server.close();
  }
});

test('what IndexedDB holds of a draft is not readable: no answer, no name, no national ID in the raw records', async () => {
  const server = await serve();
  const context = await browser.createBrowserContext();
  try {
    const { page } = await open(context, `${server.url}/form.html?id=smoke-alarm-subsidy&lang=en`);
    for (const [path, value] of SMOKE.slice(0, 4)) await answer(page, path, value);
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('.save-status')?.textContent.includes('Saved')`);
    // Every byte of every record, as text (a string, so the test runner's helpers stay out of the page).
    const raw = (await page.evaluate(`(async () => {
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open('formosa'); r.onsuccess = () => resolve(r.result); r.onerror = reject; });
      const texts = [];
      const decoder = new TextDecoder();
      const visit = (v) => {
        if (v instanceof ArrayBuffer) texts.push(decoder.decode(v));
        else if (ArrayBuffer.isView(v)) texts.push(decoder.decode(v));
        else if (typeof v === 'string') texts.push(v);
        else if (v && typeof v === 'object' && !(v instanceof CryptoKey)) Object.values(v).forEach(visit);
      };
      for (const name of db.objectStoreNames) {
        const all = await new Promise((resolve) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => resolve(r.result); });
        all.forEach(visit);
      }
      return texts.join('\\n');
    })()`)) as string;
    assert.ok(raw.length > 200, 'the draft is there');
    for (const secret of ['陳阿嬤', 'F231104095', '1951-03-15', '02-2345-6789', 'applicant']) assert.ok(!raw.includes(secret), `${secret} is not readable`);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a draft saved under one version, opened under the next with a field removed and one retyped: the rest kept, the two named by label', async () => {
  const forms = mkdtempSync(join(tmpdir(), 'formosa-versions-'));
  cpSync(join(root, 'examples/forms/smoke-alarm-subsidy.json'), join(forms, 'smoke-alarm-subsidy.json'));
  const database = join(mkdtempSync(join(tmpdir(), 'formosa-versions-db-')), 'db.sqlite');
  let server = await serve(forms, 0, database);
  const port = Number(new URL(server.url).port);
  const context = await browser.createBrowserContext();
  try {
    const { page } = await open(context, `${server.url}/form.html?id=smoke-alarm-subsidy&lang=en`);
    for (const [path, value] of SMOKE.slice(0, 4)) await answer(page, path, value);
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('.save-status')?.textContent.includes('Saved')`);
    await page.close();
    await server.close();
    // Version 2: the phone number is no longer asked; the birth date is now a number (a year of birth).
    const definition = JSON.parse(readFileSync(join(forms, 'smoke-alarm-subsidy.json'), 'utf8'));
    definition.version = '2026.2.0';
    const applicant = definition.schema.properties.applicant;
    delete applicant.properties.phone;
    applicant.required = applicant.required.filter((r: string) => r !== 'phone');
    applicant.properties.birthDate = { type: 'integer', minimum: 1900, maximum: 2026 };
    const strip = (items: { field?: string; items?: unknown[]; widget?: string; calendar?: string }[]): unknown[] =>
      items.filter((i) => i.field !== '/applicant/phone').map((i) => (i.items ? { ...i, items: strip(i.items as never) } : i.field === '/applicant/birthDate' ? { field: i.field, label: (i as { label: unknown }).label } : i));
    definition.steps = definition.steps.map((s: { items: never[] }) => ({ ...s, items: strip(s.items) }));
    writeFileSync(join(forms, 'smoke-alarm-subsidy.json'), JSON.stringify(definition));
    server = await serve(forms, port, database);
    const { page: again } = await open(context, `${server.url}/form.html?id=smoke-alarm-subsidy&lang=en`);
    const listed = await inForm(again, (r) => [...r.querySelectorAll('.draft-notice li')].map((li) => li.textContent!.trim()));
    const labels = (path: string) => {
      const find = (items: { field?: string; items?: unknown[]; label?: { en: string } }[]): string | undefined => {
        for (const i of items) {
          if (i.field === path) return i.label!.en;
          const inner = i.items && find(i.items as never);
          if (inner) return inner;
        }
        return undefined;
      };
      return find(JSON.parse(readFileSync(join(root, 'examples/forms/smoke-alarm-subsidy.json'), 'utf8')).steps[0].items);
    };
    assert.deepEqual(listed.sort(), [labels('/applicant/birthDate'), labels('/applicant/phone')].sort());
    assert.equal(await valueOf(again, '/applicant/name'), '陳阿嬤');
    assert.equal(await valueOf(again, '/applicant/nationalId'), 'F231104095');
    assert.equal(await valueOf(again, '/applicant/birthDate'), undefined);
  } finally {
    await context.close();
    await server.close();
  }
});
