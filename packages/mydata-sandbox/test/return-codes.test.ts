/** Every code the platform sends the browser back with, produced the way the platform would (and by fault). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startSandbox, type Sandbox } from '../src/index.js';
import { CLIENT_ID, IV, RETURN_URL, SCOPE, SECRET, encrypt, open, parseReturn, redirectUrl, shareSandbox, type Receiver } from './helpers.js';

const HOUSEHOLD = ['API.UDauDOLyZg'];
let sandbox: Sandbox;
let receiver: Receiver;
let clock = Date.now();
shareSandbox((started) => ({ sandbox, receiver } = started), { now: () => clock });

/** Opens a transaction and expects the platform to send the browser straight back with `code`. */
async function expectRedirectCode(response: Response, code: number, txId?: string): Promise<void> {
  assert.equal(response.status, 302);
  const back = parseReturn(response.headers.get('location')!);
  assert.equal(back.code, code);
  assert.equal(back.form, 'tuition', "the SP's own query is kept");
  if (txId) assert.equal(back.txId, txId);
}

async function consentThen(action: (txId: string) => Promise<string>, pid = 'A125001237', resources = HOUSEHOLD): Promise<number> {
  const { response, txId } = await open(sandbox, { resources, pid });
  assert.equal(response.status, 200, 'the consent page');
  const back = parseReturn(await action(txId));
  assert.equal(back.txId, txId);
  return back.code;
}

describe('codes given at the redirect', () => {
  test('400: a duplicate parameter', async () => {
    const { response, txId } = await open(sandbox, { resources: HOUSEHOLD, pid: 'A125001237', extra: `&pid=${encodeURIComponent(encrypt('A125001237'))}` });
    await expectRedirectCode(response, 400, txId);
  });

  test('400: a missing parameter', async () => {
    const { url, txId } = redirectUrl(sandbox, { resources: HOUSEHOLD, pid: 'A125001237' });
    await expectRedirectCode(await fetch(url.replace(/&pid=[^&]*/, ''), { redirect: 'manual' }), 400, txId);
  });

  test('400: a pid that is not ours to decrypt', async () => {
    const { url, txId } = redirectUrl(sandbox, { resources: HOUSEHOLD, pid: 'A125001237' });
    await expectRedirectCode(await fetch(url.replace(/&pid=[^&]*/, '&pid=bm90LWNpcGhlcnRleHQ%3D'), { redirect: 'manual' }), 400, txId);
  });

  test('400: a resource list whose Base64 holds a "/" (it splits the path)', async () => {
    // Ids of letters, digits and dots never give a "/" (it needs a "?" or a byte over 0x7f); cut one in by hand.
    const { url, txId } = redirectUrl(sandbox, { resources: ['API.UDauDOLyZg', 'API.7QovE2Gev6'], pid: 'A125001237' });
    const ids = Buffer.from('API.UDauDOLyZg:API.7QovE2Gev6').toString('base64');
    const response = await fetch(url.replace(ids, `${ids.slice(0, 8)}/${ids.slice(8)}`), { redirect: 'manual' });
    await expectRedirectCode(response, 400, txId);
  });

  test('401: a resource outside the approved scope', async () => {
    const { response, txId } = await open(sandbox, { resources: ['API.UDauDOLyZg', 'API.Mo23SDWhsn'], pid: 'A125001237' });
    await expectRedirectCode(response, 401, txId);
  });

  test('401: an unknown client_id gets an error page (nowhere to send the browser)', async () => {
    const { url } = redirectUrl(sandbox, { resources: HOUSEHOLD, pid: 'A125001237' });
    const response = await fetch(url.replace(CLIENT_ID, 'CLI.nobody'), { redirect: 'manual' });
    assert.equal(response.status, 401);
    assert.match(response.headers.get('content-type')!, /text\/html/);
  });

  test('404: a returnUrl other than the registered one', async () => {
    const { response, txId } = await open(sandbox, { resources: HOUSEHOLD, pid: 'A125001237', returnUrl: `${RETURN_URL}&x=1` });
    await expectRedirectCode(response, 404, txId);
  });

  test('403: a client with no approved scope', async () => {
    const empty = await startSandbox({ clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, cbcIv: IV, returnUrl: RETURN_URL, spApiUrl: receiver.url, resources: [] }] });
    try {
      const { response, txId } = await open(empty, { resources: HOUSEHOLD, pid: 'A125001237' });
      await expectRedirectCode(response, 403, txId);
    } finally {
      await empty.close();
    }
  });

  for (const code of [400, 401, 403, 404, 423] as const) {
    test(`${code} by fault, for the next transaction only`, async () => {
      sandbox.fault({ code });
      const first = await open(sandbox, { resources: HOUSEHOLD, pid: 'A125001237' });
      await expectRedirectCode(first.response, code, first.txId);
      const second = await open(sandbox, { resources: HOUSEHOLD, pid: 'A125001237' });
      assert.equal(second.response.status, 200);
    });
  }
});

describe('codes given at consent', () => {
  test('205: declined', async () => {
    assert.equal(await consentThen((txId) => sandbox.decline(txId)), 205);
    assert.equal(receiver.notifications.length, 0, 'nothing is sent on decline');
  });

  test('408: agreed after the 20 minutes', async () => {
    const code = await consentThen(async (txId) => {
      clock += 21 * 60_000;
      return sandbox.approve(txId, 'household-head');
    });
    assert.equal(code, 408);
  });

  test('409: the verified person is not pid', async () => {
    assert.equal(await consentThen((txId) => sandbox.approve(txId, 'disability-proxy'), 'B220345611'), 409);
  });

  test('410: the SP-API answers 500', async () => {
    receiver.status = 500;
    try {
      assert.equal(await consentThen((txId) => sandbox.approve(txId, 'household-head')), 410);
    } finally {
      receiver.status = 200;
    }
  });

  test('410: the SP-API cannot be reached', async () => {
    const unreachable = await startSandbox({ clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, cbcIv: IV, returnUrl: RETURN_URL, spApiUrl: 'http://127.0.0.1:9/nothing', resources: SCOPE }] });
    try {
      const { txId } = await open(unreachable, { resources: HOUSEHOLD, pid: 'A125001237' });
      assert.equal(parseReturn(await unreachable.approve(txId, 'A125001237')).code, 410);
    } finally {
      await unreachable.close();
    }
  });

  test('504: the person has no record in any requested dataset', async () => {
    assert.equal(await consentThen((txId) => sandbox.approve(txId, 'household-head'), 'A125001237', ['API.AbAYGIjoYw', 'API.nyhnLM1fve']), 504);
  });

  test('504: every dataset unavailable by fault', async () => {
    sandbox.fault({ unavailable: HOUSEHOLD });
    assert.equal(await consentThen((txId) => sandbox.approve(txId, 'household-head')), 504);
  });

  for (const code of [205, 408, 409, 410, 504] as const) {
    test(`${code} by fault`, async () => {
      sandbox.fault({ code });
      const before = receiver.notifications.length;
      assert.equal(await consentThen((txId) => sandbox.approve(txId, 'household-head')), code);
      assert.equal(receiver.notifications.length, before, 'no notification');
    });
  }

  test('410 by fault: the notification is never sent', async () => {
    sandbox.fault({ notifyFails: true });
    const before = receiver.notifications.length;
    assert.equal(await consentThen((txId) => sandbox.approve(txId, 'household-head')), 410);
    assert.equal(receiver.notifications.length, before);
  });

  test('200 and then the same answer: agreeing twice does not notify twice', async () => {
    const before = receiver.notifications.length;
    const { txId } = await open(sandbox, { resources: HOUSEHOLD, pid: 'A125001237' });
    const [a, b] = await Promise.all([sandbox.approve(txId, 'household-head'), sandbox.approve(txId, 'household-head')]);
    assert.equal(a, b);
    assert.equal(parseReturn(a).code, 200);
    assert.equal(receiver.notifications.length, before + 1);
    const reopened = await fetch(redirectUrl(sandbox, { resources: HOUSEHOLD, pid: 'A125001237', txId }).url, { redirect: 'manual' });
    await expectRedirectCode(reopened, 400, txId);
  });

  test('approve() refuses a transaction the browser never opened', async () => {
    await assert.rejects(sandbox.approve(randomUUID(), 'household-head'), /open the redirect URL first/);
  });
});
