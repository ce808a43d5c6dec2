/** The consent page over real HTTP: both languages, no inline script or style, the form POST decides. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Sandbox } from '../src/index.js';
import { open, parseReturn, shareSandbox, type Receiver } from './helpers.js';

let sandbox: Sandbox;
let receiver: Receiver;
shareSandbox((started) => ({ sandbox, receiver } = started));

const RESOURCES = ['API.UDauDOLyZg', 'API.AbAYGIjoYw'];

function assertNoInlineCode(html: string): void {
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<style/i);
  assert.doesNotMatch(html, /\sstyle=/i);
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /javascript:/i);
}

async function post(form: Record<string, string>): Promise<Response> {
  return fetch(`${sandbox.url}/service/consent`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
}

test('the page in zh-Hant-TW, with the datasets, their fields and agencies, the personas and both buttons', async () => {
  const { response, txId } = await open(sandbox, { resources: RESOURCES, pid: 'F126330107' });
  assert.equal(response.status, 200);
  const csp = response.headers.get('content-security-policy')!;
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /style-src 'self'/);
  assert.doesNotMatch(csp, /script-src|unsafe-inline/);
  assert.match(csp, /form-action 'self' https:\/\/sp\.example\.gov\.tw/, 'the form may follow the 302 back to the SP');
  const html = await response.text();
  assertNoInlineCode(html);
  assert.match(html, /<html lang="zh-Hant-TW">/);
  for (const text of ['現戶全戶戶籍資料', '內政部戶政司', '低收入戶及中低收入戶證明', '衛生福利部社會救助及社工司', '同意並傳送資料', '不同意', '陳志強']) assert.ok(html.includes(text), text);
  assert.match(html, /<input type="radio" name="persona" id="persona-low-income" value="low-income" required checked>/, 'the person named by pid is preselected');
  assert.match(html, /<link rel="stylesheet" href="\/service\/static\/consent.css">/);
  assert.ok(html.includes(`href="/service/consent?tx=${txId}&amp;lang=en"`), 'a switch to English');
});

test('the page in English through the language switch', async () => {
  const { txId } = await open(sandbox, { resources: RESOURCES, pid: 'F126330107' });
  const response = await fetch(`${sandbox.url}/service/consent?tx=${txId}&lang=en`);
  const html = await response.text();
  assertNoInlineCode(html);
  assert.match(html, /<html lang="en">/);
  for (const text of ['Whole household registration record', 'Department of Household Registration', 'Agree and send my data', 'Decline', 'Test sandbox']) assert.ok(html.includes(text), text);
  assert.match(html, /lang="zh-Hant-TW" hreflang="zh-Hant-TW">中文</);
});

test('the stylesheet is served as CSS', async () => {
  const response = await fetch(`${sandbox.url}/service/static/consent.css`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/css/);
  assert.match(await response.text(), /button/);
});

test('Agree on the page: the notification goes out and the browser is sent back with 200', async () => {
  const { txId } = await open(sandbox, { resources: RESOURCES, pid: 'F126330107' });
  const response = await post({ tx: txId, lang: 'zh-Hant-TW', persona: 'low-income', action: 'agree', fault: '' });
  assert.equal(response.status, 302);
  assert.deepEqual(parseReturn(response.headers.get('location')!), { code: 200, txId, form: 'tuition' });
  assert.ok(receiver.notifications.some((n) => n.tx_id === txId));
});

test('Decline on the page → 205', async () => {
  const { txId } = await open(sandbox, { resources: RESOURCES, pid: 'F126330107' });
  const response = await post({ tx: txId, lang: 'en', action: 'decline' });
  assert.equal(parseReturn(response.headers.get('location')!).code, 205);
});

test('a fault chosen on the page applies to that transaction', async () => {
  const { txId } = await open(sandbox, { resources: RESOURCES, pid: 'F126330107' });
  const response = await post({ tx: txId, lang: 'en', persona: 'low-income', action: 'agree', fault: 'code-423' });
  assert.equal(parseReturn(response.headers.get('location')!).code, 423);
});

test('Agree as someone else than pid → 409', async () => {
  const { txId } = await open(sandbox, { resources: RESOURCES, pid: 'F126330107' });
  const response = await post({ tx: txId, lang: 'en', persona: 'student', action: 'agree' });
  assert.equal(parseReturn(response.headers.get('location')!).code, 409);
});

test('an unknown transaction on the consent routes is a 400 page', async () => {
  assert.equal((await post({ tx: 'nope', action: 'agree', persona: 'student' })).status, 400);
  assert.equal((await fetch(`${sandbox.url}/service/consent?tx=nope`)).status, 400);
});
