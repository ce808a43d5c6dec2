// MyData prefill in real Chromium, against the reference server with the platform's sandbox beside it (real AES-CBC,
// JWE and signed ZIPs): consent → the platform's page → back → answers filled in, locked, with their provenance →
// submitted and stored as verified; and every way it can end otherwise, with the citizen going on by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { demoMyData, STRICT_CSP, type RunningServer } from '@formosa/server';
import type { Fault, Sandbox } from '@formosa/mydata-sandbox';
import { FormEngine } from '@formosa/engine';
import { example, typedAnswers } from '../fixtures.js';
import { answer, clickButton, close, launch, open, serve, violations } from './browser.js';

let server: RunningServer;
let sandbox: Sandbox;
/** Moves the server's clock (MyData values expire after the form's keepMinutes). */
let clock = 0;
before(async () => {
  await launch();
  const dir = mkdtempSync(join(tmpdir(), 'formosa-mydata-e2e-'));
  server = await serve(STRICT_CSP, { mydata: demoMyData({ auditLog: join(dir, 'audit.jsonl'), secret: 'the e2e server secret, long enough', retryAfterSeconds: 1, onSandbox: (s) => (sandbox = s) }), now: () => Date.now() + clock });
});
after(async () => {
  await server.close();
  await close();
});

const LOCALES = ['zh-Hant-TW', 'en', 'vi', 'id', 'th', 'ms', 'fil'];
const view = (page: Page) => page.evaluate(() => (document.querySelector('formosa-form') as unknown as { view: string }).view);
const until = (page: Page, fn: string, timeout = 15_000) =>
  page.waitForFunction(fn, { timeout, polling: 100 }).catch(async (error: Error) => {
    const shown = await page.evaluate(() => `${location.href} ${(document.querySelector('formosa-form') as unknown as { view?: string } | null)?.view}: ${(document.querySelector('formosa-form')?.shadowRoot ?? document.body).textContent?.replace(/\s+/g, ' ').slice(0, 500)}`);
    throw new Error(`${error.message} waiting for ${fn}; shown: ${shown}`);
  });
/** The host element of the field at `path`, as attributes the test reads. */
const field = (page: Page, path: string) =>
  page.evaluate((p) => {
    const host = document.querySelector('formosa-form')!.shadowRoot!.querySelector(`[data-path="${p}"]`);
    if (!host) return undefined;
    const control = host.shadowRoot!.querySelector('input, select, textarea') as HTMLInputElement | null;
    return {
      readonly: host.hasAttribute('readonly'), disabled: host.hasAttribute('disabled') || Boolean(control?.disabled),
      reason: (host as unknown as { lockReason?: string }).lockReason ?? null, provenance: (host as unknown as { provenance?: string }).provenance ?? null,
      value: (host as unknown as { value: unknown }).value, text: host.shadowRoot!.textContent!.replace(/\s+/g, ' '),
    };
  }, path);

async function openConsent(lang: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await open(`${server.url}/form.html?id=rent-subsidy&lang=${lang}`);
  await until(opened.page, `document.querySelector('formosa-form').view === 'consent'`);
  return opened;
}

/** The citizen types their ID, goes to MyData, and there agrees (or declines); the browser comes back to the form. */
async function throughMyData(page: Page, nationalId: string, choice: 'agree' | 'decline' = 'agree', fault?: Fault): Promise<void> {
  await answer(page, '/applicant/nationalId', nationalId);
  if (fault) sandbox.fault(fault);
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), clickButton(page, 'Continue to MyData')]);
  assert.ok(page.url().startsWith(sandbox.url), `on the platform's page: ${page.url()}`);
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click(`button[value=${choice}]`)]);
  assert.ok(page.url().startsWith(server.url), `back on the form's page: ${page.url()}`);
  assert.ok(!/code=|tx_id|ticket/.test(page.url()), 'nothing of the platform in the address the citizen sees');
}

test('consent → MyData → back: the household, address and income status are filled in, locked (read-only, focusable) with their provenance', async () => {
  const { page, problems } = await openConsent('en');
  await throughMyData(page, 'F126330107');
  await until(page, `document.querySelector('formosa-form').view === 'applicant'`);
  await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('[data-path="/applicant/name"]')?.hasAttribute('readonly')`);
  const name = (await field(page, '/applicant/name'))!;
  assert.equal(name.value, '陳志強');
  assert.ok(name.readonly && !name.disabled, 'read-only, not disabled');
  assert.match(name.reason!, /Verified by .*MyData/);
  assert.match(name.provenance!, /^MyData · Department of Household Registration/);
  assert.match(name.text, /Verified by/, 'the reason is shown with the field');
  const id = (await field(page, '/applicant/nationalId'))!;
  assert.ok(id.readonly && id.value === 'F126330107');
  assert.ok((await field(page, '/applicant/address/street'))!.readonly);
  const mobile = (await field(page, '/applicant/mobile'))!;
  assert.ok(!mobile.readonly && !mobile.reason, 'what MyData does not hold is typed as usual');
  const notice = await page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.mydata-notice')?.textContent ?? '');
  assert.match(notice, /answers were filled in from MyData/);
  // Reachable by Tab: from the step's heading, the first field reached is the locked name.
  await page.evaluate(() => (document.querySelector('formosa-form')!.shadowRoot!.querySelector('.step-title') as HTMLElement).focus());
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.activeElement?.getAttribute('data-path'));
  assert.equal(focused, '/applicant/name');
  await page.keyboard.type('X');
  assert.equal((await field(page, '/applicant/name'))!.value, '陳志強', 'typing changes nothing');
  for (const locale of LOCALES) {
    await page.evaluate((l) => document.querySelector('formosa-form')!.setAttribute('locale', l), locale);
    await new Promise((r) => setTimeout(r, 150));
    assert.deepEqual(await violations(page, `prefilled applicant step (${locale})`), []);
  }
  await page.evaluate(() => document.querySelector('formosa-form')!.setAttribute('locale', 'en'));
  for (const path of ['/applicant/mobile']) await answer(page, path, '0912345678');
  await answer(page, '/applicant/notifyBy', 'sms');
  await clickButton(page, 'Continue');
  await until(page, `document.querySelector('formosa-form').view === 'household'`);
  const members = await page.evaluate(() => [...document.querySelector('formosa-form')!.shadowRoot!.querySelectorAll('[data-path$="/name"]')].map((e) => (e as unknown as { value: string }).value));
  assert.deepEqual(members, ['陳林秀英', '黃淑惠', '陳怡君'], 'the other members of the household, from the register');
  const removable = await page.evaluate(() => [...document.querySelector('formosa-form')!.shadowRoot!.querySelectorAll('.entry button')].length);
  assert.equal(removable, 0, 'an entry from the register cannot be removed on its own');
  assert.deepEqual(await violations(page, 'prefilled household step'), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the consent step passes axe in every language, and says which data, from which agency, why', async () => {
  const { page, problems } = await openConsent('zh-Hant-TW');
  const text = await page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.consent')!.textContent!);
  assert.equal(await page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-stepper')), null, 'before the first step: no "step 0 of 7"');
  assert.match(text, /現戶全戶戶籍資料/);
  assert.match(text, /內政部戶政司/);
  assert.match(text, /低收入戶及中低收入戶證明/);
  for (const locale of LOCALES) {
    await page.evaluate((l) => document.querySelector('formosa-form')!.setAttribute('locale', l), locale);
    await new Promise((r) => setTimeout(r, 150));
    assert.deepEqual(await violations(page, `consent (${locale})`), []);
  }
  assert.deepEqual(problems, []);
  await page.close();
  for (const form of ['tuition-fee-reduction', 'disabled-parking-permit']) {
    const other = await open(`${server.url}/form.html?id=${form}&lang=zh-Hant-TW`);
    await until(other.page, `document.querySelector('formosa-form').view === 'consent'`);
    assert.deepEqual(await violations(other.page, `${form} consent`), []);
    assert.deepEqual(other.problems, []);
    await other.page.close();
  }
});

test('verified values go with the application; the agency\'s record marks them verified', async () => {
  const { page } = await openConsent('en');
  await page.evaluateOnNewDocument(() => document.addEventListener('formosa-mydata', (e) => ((window as unknown as { told: unknown[] }).told ??= []).push([(e as Event & { state: string }).state, (e as Event & { detail: object }).detail])));
  await throughMyData(page, 'A125001237');
  await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('[data-path="/applicant/name"]')?.hasAttribute('readonly')`);
  const told = (await page.evaluate(() => (window as unknown as { told: [string, { count?: number }][] }).told)) ?? [];
  assert.ok(told.some(([state, detail]) => state === 'ready' && (detail.count ?? 0) > 5), `the host is told: ${JSON.stringify(told)}`);
  assert.ok(!JSON.stringify(told).includes('王大明'), 'never a value');
  const engine = new FormEngine(example('rent-subsidy'));
  const prefilled = /^\/(applicant\/(name|nationalId|birthDate|address\/)|household\/)/;
  const todo = typedAnswers('rent-subsidy').filter(([path]) => !prefilled.test(path));
  for (const step of ['applicant', 'household', 'rental', 'landlord', 'eligibility', 'bank']) {
    for (const [path, value] of todo.filter(([p]) => engine.stepOf(p) === step)) await answer(page, path, value);
    await clickButton(page, 'Continue');
    await until(page, `document.querySelector('formosa-form').view !== '${step}'`);
  }
  assert.equal(await view(page), 'review');
  const stored = new Promise<{ id: string; secret: string }>((resolve) => page.on('response', (r) => r.url().endsWith('/submissions') && r.status() === 201 && void r.json().then(resolve)));
  await clickButton(page, 'Send application');
  await until(page, `document.querySelector('formosa-form').view === 'submitted'`);
  const { id, secret } = await stored;
  const record = (await (await fetch(`${server.url}/api/forms/rent-subsidy/submissions/${id}`, { headers: { 'formosa-receipt-secret': secret } })).json()) as { verified: { path: string }[]; data: { applicant: { name: string } } };
  assert.equal(record.data.applicant.name, '王大明');
  const verified = record.verified.map((v) => v.path);
  for (const path of ['/applicant/name', '/applicant/nationalId', '/applicant/birthDate', '/household/members/0/name']) assert.ok(verified.includes(path), `${path} verified`);
  await page.close();
});

for (const [name, fault, choice, message] of [
  ['declined (205)', undefined, 'decline', /chose not to share/],
  ['a different person (409)', { code: 409 }, 'agree', /not the person with the national ID/],
  ['datasets unavailable (504)', { code: 504 }, 'agree', /could not get your data/],
] as const) {
  test(`${name}: a clear message, then the form by hand with what was typed`, async () => {
    const { page, problems } = await openConsent('en');
    await throughMyData(page, 'A125001237', choice, fault);
    await until(page, `document.querySelector('formosa-form').view === 'applicant'`);
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('.mydata-notice')`);
    const notice = await page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.mydata-notice')!.textContent!);
    assert.match(notice, message);
    const id = (await field(page, '/applicant/nationalId'))!;
    assert.equal(id.value, 'A125001237', 'the national ID typed before is still there');
    assert.ok(!id.readonly, 'and can be changed: nothing was verified');
    assert.ok(!(await field(page, '/applicant/name'))!.readonly);
    assert.deepEqual(await violations(page, name), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

for (const fault of [{ badSignature: 'API.UDauDOLyZg' }, { badDigest: 'API.UDauDOLyZg' }]) {
  test(`${Object.keys(fault)[0]}: the household is not filled in (nor locked), the citizen is told and types it`, async () => {
    const { page } = await openConsent('en');
    await throughMyData(page, 'A125001237', 'agree', fault);
    await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('.mydata-notice')?.textContent.includes('could not be verified')`);
    const name = (await field(page, '/applicant/name'))!;
    assert.ok(!name.readonly && !name.value, 'nothing of an unverified dataset is filled in');
    await answer(page, '/applicant/name', '王大明');
    assert.equal((await field(page, '/applicant/name'))!.value, '王大明');
    await page.close();
  });
}

test('MyData values never reach the device in clear, and a draft resumed after they expired asks again, with nothing of them kept', async () => {
  const { page } = await openConsent('en');
  await throughMyData(page, 'F126330107');
  await until(page, `document.querySelector('formosa-form').shadowRoot.querySelector('[data-path="/applicant/name"]')?.hasAttribute('readonly')`);
  await answer(page, '/applicant/mobile', '0912345678');
  await new Promise((r) => setTimeout(r, 1000)); // saved
  const kept = await page.evaluate(async () => {
    const texts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie, location.href];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok) => (indexedDB.open(name!).onsuccess = (e) => ok((e.target as IDBOpenDBRequest).result)));
      for (const store of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((ok) => (db.transaction(store).objectStore(store).getAll().onsuccess = (e) => ok((e.target as IDBRequest<unknown[]>).result)));
        texts.push(JSON.stringify(all, (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? new TextDecoder().decode(v as ArrayBuffer) : v)));
      }
      db.close();
    }
    return texts.join('\n');
  });
  for (const clear of ['陳志強', 'F126330107', 'permission_ticket', 'secret_key', 'FormosaDemo16chr']) assert.ok(!kept.includes(clear), `${clear} on the device in clear`);
  clock += 61 * 60_000;
  try {
    await page.reload({ waitUntil: 'networkidle0' });
    await until(page, `document.querySelector('formosa-form').shadowRoot?.querySelector('.mydata-notice')?.textContent.includes('expired')`);
    const name = (await field(page, '/applicant/name'))!;
    assert.ok(!name.value && !name.readonly, 'the draft kept nothing MyData handed out');
    assert.equal((await field(page, '/applicant/mobile'))!.value, '0912345678', 'what the citizen typed is kept');
    await clickButton(page, 'Try MyData again');
    await until(page, `document.querySelector('formosa-form').view === 'consent'`);
  } finally {
    clock = 0;
  }
  await page.close();
});

test('fill in by hand instead: the first step, nothing sent to MyData, the national ID kept', async () => {
  const { page } = await openConsent('en');
  await answer(page, '/applicant/nationalId', 'A125001237');
  await clickButton(page, 'Fill in by hand instead');
  await until(page, `document.querySelector('formosa-form').view === 'applicant'`);
  assert.equal((await field(page, '/applicant/nationalId'))!.value, 'A125001237');
  await page.close();
});
