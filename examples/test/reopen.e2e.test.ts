// "More information requested", the citizen's side, end to end: the built bundles, the reference server, real
// Chromium. A citizen sends the rent subsidy through the form; a caseworker (a decide token, the real route) asks for
// more information and reopens the landlord step with a note; the citizen finds it on the status page, follows
// "Update your application", and the form opens at that step with the answers the agency holds; answers outside it
// cannot be changed in the page (and the server's 422, forced by rewriting the request, is told plainly, the answers
// kept); the citizen changes the landlord's phone and sends; the record keeps both versions; the caseworker approves
// and the status page says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { FormEngine } from '@formosa/engine';
import { STRICT_CSP, type RunningServer } from '@formosa/server';
import { example, typedAnswers } from '../fixtures.js';
import { newToken } from '../../packages/server/src/backoffice/tokens.js';
import { answer, clickButton, close, launch, moveOn, open, serve, stepTitle, violations } from './browser.js';

let site: RunningServer;
let decide: string;

before(async () => {
  await launch();
  site = await serve(STRICT_CSP, { secret: 'the reopen e2e server secret, long enough' });
  const { text, stored } = newToken({ holder: '陳科員', scopes: ['read', 'decide'], forms: ['rent-subsidy'] }, new Date());
  await site.store.backoffice.saveToken(stored);
  decide = `Bearer ${text}`;
});
after(async () => {
  await close();
  await site?.close();
});

const notice = (page: Page) => page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('[part~=reopen-notice]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
const formData = (page: Page) => page.evaluate(() => (document.querySelector('formosa-form') as HTMLElement & { data: Record<string, Record<string, unknown>> }).data);


/** The citizen completes the rent subsidy in the form and reads the receipt's number and status code. */
async function apply(): Promise<{ id: string; receipt: string; secret: string }> {
  const { page, problems } = await open(`${site.url}/form.html?id=rent-subsidy&lang=zh-Hant-TW`);
  await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
  const engine = new FormEngine(example('rent-subsidy'));
  const all = typedAnswers('rent-subsidy');
  for (const step of new Set(all.map(([path]) => engine.stepOf(path)))) {
    for (const [path, value] of all.filter(([p]) => engine.stepOf(p) === step)) await answer(page, path, value);
    await moveOn(page, '繼續');
  }
  const submitted = page.evaluate(() => new Promise<{ id: string; receipt: string; secret: string }>((resolve) => document.addEventListener('formosa-submit', (e) => resolve((e as Event & { receipt: { id: string; receipt: string; secret: string } }).receipt))));
  await clickButton(page, '確認送出');
  const receipt = await submitted;
  assert.deepEqual(problems, []);
  await page.close();
  return receipt;
}

async function lookUp(page: Page, receipt: string, secret: string): Promise<void> {
  await page.waitForFunction(() => document.querySelector('formosa-status')?.shadowRoot?.querySelector('form'));
  for (const [id, text] of [['receipt', receipt], ['secret', secret]] as const) {
    await (await page.$(`formosa-status >>> #${id}`))!.click({ count: 3 });
    await page.keyboard.type(text);
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('formosa-status')!.shadowRoot!.activeElement?.id === 'result-heading');
}

test('a citizen updates the application the agency reopened: the reopened step only, sent again, both versions kept, approved', async () => {
  const sent = await apply();
  const move = (body: object) =>
    fetch(`${site.url}/api/backoffice/forms/rent-subsidy/applications/${sent.id}/status`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: decide }, body: JSON.stringify(body) });
  assert.equal((await move({ to: 'in_review' })).status, 200);
  assert.equal((await move({ to: 'info_requested', note: '請補上出租人的手機號碼', reopen: ['landlord'] })).status, 200);

  // The status page: the request, the note, and the way to the form.
  const { page, problems } = await open(`${site.url}/status.html`);
  await lookUp(page, sent.receipt, sent.secret);
  const request = await page.evaluate(() => document.querySelector('formosa-status')!.shadowRoot!.querySelector('[part~=request]')!.textContent!.replace(/\s+/g, ' '));
  assert.match(request, /需要您補充資料.*請補上出租人的手機號碼.*出租人資料/);
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.evaluate(() => document.querySelector('formosa-status')!.shadowRoot!.querySelector<HTMLAnchorElement>('[part~=update-link]')!.click())]);

  // The form opens at the reopened step, with the answers the agency holds and what it asked for.
  await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('[part~=reopen-notice]'), { timeout: 8000 }).catch(async () =>
    assert.fail(`no request shown: ${JSON.stringify(problems)} ${await page.evaluate(() => document.querySelector('formosa-form')?.shadowRoot?.textContent?.slice(0, 300))} ${await page.evaluate(() => sessionStorage.getItem('formosa-reopen'))}`));
  assert.equal(await stepTitle(page), '出租人資料');
  assert.match(await notice(page), /^承辦機關請您補充資料承辦人員說明： 請補上出租人的手機號碼您可以修改：出租人資料。/);
  const before = await formData(page);
  assert.equal(before['landlord']!['phone'], '0223456789');
  assert.equal(before['applicant']!['name'], '林小美');
  assert.deepEqual(await violations(page, 'reopened step'), []);

  // The landlord's phone changes, by keyboard, like any answer.
  await (await page.$('formosa-form >>> [data-path="/landlord/phone"] >>> input'))!.click({ count: 3 });
  await page.keyboard.type('0912-000-111');
  await moveOn(page, '繼續');
  assert.equal(await stepTitle(page), '送出前請確認您的資料', 'Continue returns to the review');

  // The review: Change links for the reopened step only; the others say why not.
  const review = await page.evaluate(() =>
    [...document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-review')!.shadowRoot!.querySelectorAll('section')].map((s) => ({ title: s.querySelector('h3')!.textContent, changes: s.querySelectorAll('button').length })),
  );
  assert.deepEqual(review.filter((s) => s.changes > 0).map((s) => s.title), ['出租人資料']);
  assert.ok(review.filter((s) => s.changes === 0).every((s) => s.title!.endsWith('（未開放修改，維持原送出內容）')), JSON.stringify(review));
  assert.deepEqual(await violations(page, 'reopened review'), []);

  // Outside the reopened step nothing can change: its fields are read-only with the reason, and typing does nothing.
  await page.evaluate(() => (document.querySelector('formosa-form') as HTMLElement & { goTo(step: string): boolean }).goTo('applicant'));
  await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.step-title')?.textContent === '申請人資料');
  const name = await page.evaluate(() => {
    const field = document.querySelector('formosa-form')!.shadowRoot!.querySelector('[data-path="/applicant/name"]')!;
    return { readonly: field.hasAttribute('readonly'), reason: field.shadowRoot!.querySelector('[part~=lock-reason]')?.textContent };
  });
  assert.deepEqual(name, { readonly: true, reason: '未開放修改，維持原送出內容' });
  await (await page.$('formosa-form >>> [data-path="/applicant/name"] >>> input'))!.click({ count: 3 });
  await page.keyboard.type('王小明');
  assert.equal((await formData(page))['applicant']!['name'], '林小美', 'the answer outside the reopened step stays');
  for (let i = 0; i < 8 && (await stepTitle(page)) !== '送出前請確認您的資料'; i++) await moveOn(page, '繼續');

  // Forced: the request rewritten on its way (an answer outside the step changed); the server's 422 is told plainly.
  await page.setRequestInterception(true);
  const tamper = (request: HTTPRequest) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/forms/rent-subsidy/submissions')) return void request.continue();
    const body = JSON.parse(request.postData()!);
    body.applicant.name = '王小明';
    void request.continue({ postData: JSON.stringify(body) });
  };
  page.on('request', tamper);
  await clickButton(page, '確認送出');
  await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('[part~=reopen-notice][role=alert]'));
  assert.match(await notice(page), /只接受已開放步驟的修改.*沒有送出.*您填寫的內容都還在/);
  // Focus moves once the notice is rendered (a frame after it appears): waited for, not sampled.
  const focused = await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.activeElement?.getAttribute('part') === 'reopen-notice', { timeout: 3_000 }).then(() => true, () => false);
  assert.ok(focused, `the explanation takes focus, not ${await page.evaluate(() => { const a = document.querySelector('formosa-form')!.shadowRoot!.activeElement; return a ? a.outerHTML.slice(0, 120) : String(document.activeElement?.tagName); })}`);
  assert.equal((await formData(page))['landlord']!['phone'], '0912000111', 'the answers are kept');
  page.off('request', tamper);
  await page.setRequestInterception(false);

  // Sent again as it is: stored as a new version, the receipt says it is the updated application.
  const resubmitted = page.evaluate(() => new Promise<{ id: string; receipt: string; corrects?: { id: string } }>((resolve) => document.addEventListener('formosa-submit', (e) => resolve((e as Event & { receipt: { id: string; receipt: string; corrects?: { id: string } } }).receipt))));
  await clickButton(page, '確認送出');
  const update = await resubmitted;
  await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt'));
  assert.match(await notice(page), /已收到您更新後的申請/);
  assert.equal(update.corrects?.id, sent.id);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('formosa-reopen')), null, 'the hand-over has served');
  assert.deepEqual(await violations(page, 'updated receipt'), []);
  // The forced 422 is the one line Chromium logs for itself.
  assert.deepEqual(problems.filter((p) => !p.includes('422')), []);
  await page.close();

  // The record keeps both versions: the first as sent, the second with the new phone and everything else the same.
  const first = await site.store.get('rent-subsidy', sent.id);
  const second = await site.store.get('rent-subsidy', update.id);
  assert.equal((first!.data as { landlord: { phone: string } }).landlord.phone, '0223456789');
  assert.equal((second!.data as { landlord: { phone: string } }).landlord.phone, '0912000111');
  assert.deepEqual({ ...(second!.data as object), landlord: undefined }, { ...(first!.data as object), landlord: undefined });

  assert.equal((await move({ to: 'approved', note: '已核准。' })).status, 200);
  const again = await open(`${site.url}/status.html`);
  await lookUp(again.page, sent.receipt, sent.secret);
  const heading = await again.page.evaluate(() => document.querySelector('formosa-status')!.shadowRoot!.getElementById('result-heading')!.textContent!);
  assert.match(heading, /: 核准$/);
  assert.deepEqual(again.problems, []);
});
