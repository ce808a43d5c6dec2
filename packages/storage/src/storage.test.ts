// The encrypted store in real Chromium: real IndexedDB, real Web Crypto, real Web Locks.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { DraftStoreError, type DraftEnvelope } from '@formosa/session';
import type { OutboxEntry } from '@formosa/transport';
import { browserTabLeases, openBrowserStorage } from './index.js';

let n = 0;
const fresh = () => `formosa-test-${Date.now()}-${n++}`;

const draft = (over: Partial<DraftEnvelope> = {}): DraftEnvelope => ({
  key: 'rent-subsidy', formId: 'rent-subsidy', version: '3', formatVersion: 1, savedAt: Date.now(), expiresAt: Date.now() + 86_400_000,
  title: { 'zh-Hant-TW': '租屋補貼', en: 'Rent subsidy' }, answers: { applicant: { name: '林小美', nationalId: 'A123456789' } },
  view: 'household', visited: ['applicant', 'household'], files: [], ...over,
});

/** Every byte IndexedDB holds for the database, as text (what someone reading the profile's files could see). */
async function rawBytes(name: string): Promise<string> {
  const db = await openDB(name);
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const visit = (value: unknown): void => {
    if (value instanceof ArrayBuffer) parts.push(decoder.decode(value));
    else if (ArrayBuffer.isView(value)) parts.push(decoder.decode(value as Uint8Array));
    else if (value instanceof Blob) parts.push('[blob]');
    else if (typeof value === 'string') parts.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const store of db.objectStoreNames) (await db.getAll(store)).forEach(visit);
  db.close();
  return parts.join('\n');
}

describe('the encrypted store (IndexedDB)', () => {
  it('keeps a draft, its files, its labels and outbox entries, and gives them back', async () => {
    const storage = await openBrowserStorage({ name: fresh() });
    await storage.drafts.save(draft());
    expect(await storage.drafts.load('rent-subsidy')).to.deep.equal(draft({ savedAt: (await storage.drafts.load('rent-subsidy'))!.savedAt, expiresAt: (await storage.drafts.load('rent-subsidy'))!.expiresAt }));
    expect((await storage.drafts.list()).map((d) => d.key)).to.deep.equal(['rent-subsidy']);
    await storage.drafts.putFile('local-1', { name: '租約.pdf', type: 'application/pdf', data: new Blob(['%PDF-1.7 lease of 林小美']) });
    const file = await storage.drafts.file('local-1');
    expect(file?.name).to.equal('租約.pdf');
    expect(await file!.data.text()).to.equal('%PDF-1.7 lease of 林小美');
    await storage.drafts.saveLabels('rent-subsidy', '3', { '/applicant/name': { en: 'Full name' } });
    expect(await storage.drafts.labels('rent-subsidy', '3')).to.deep.equal({ '/applicant/name': { en: 'Full name' } });
    const entry = { key: 'k-1', form: 'rent-subsidy', draft: 'rent-subsidy', endpoint: '/x', body: { name: '林小美' }, state: 'queued', reached: false, attempts: 0, nextAt: 0, createdAt: 0 } as OutboxEntry;
    await storage.outbox.put(entry);
    expect(await storage.outbox.get('k-1')).to.deep.equal(entry);
    expect(await storage.outbox.all()).to.have.length(1);
    await storage.outbox.delete('k-1');
    await storage.drafts.delete('rent-subsidy');
    expect(await storage.drafts.load('rent-subsidy')).to.equal(undefined);
    storage.close();
  });

  it('holds nothing readable as plain text: answers, names and file contents are ciphertext, under a key no script can export', async () => {
    const name = fresh();
    const storage = await openBrowserStorage({ name });
    await storage.drafts.save(draft());
    await storage.drafts.putFile('local-2', { name: '林小美的租約.pdf', type: 'application/pdf', data: new Blob(['lease signed by 林小美 A123456789']) });
    await storage.outbox.put({ key: 'k-2', form: 'rent-subsidy', draft: 'rent-subsidy', endpoint: '/x', body: { name: '林小美', id: 'A123456789' }, state: 'queued', reached: false, attempts: 0, nextAt: 0, createdAt: 0 });
    await storage.drafts.saveLabels('rent-subsidy', '3', { '/applicant/name': { 'zh-Hant-TW': '申請人姓名' } });
    storage.close();
    const raw = await rawBytes(name);
    expect(raw.length).to.be.greaterThan(100);
    for (const secret of ['林小美', 'A123456789', 'lease signed', '租約', 'household', '申請人姓名', 'rent-subsidy", "version']) expect(raw).to.not.include(secret);
    const db = await openDB(name);
    const key = (await db.get('keys', 'device')) as CryptoKey;
    db.close();
    expect(key.extractable).to.equal(false);
    let exported: unknown;
    try {
      exported = await crypto.subtle.exportKey('raw', key);
    } catch (error) {
      exported = error;
    }
    expect(exported).to.be.instanceOf(DOMException);
  });

  it('writes each save with a fresh IV, and a record copied under another id does not open', async () => {
    const name = fresh();
    const storage = await openBrowserStorage({ name });
    await storage.drafts.save(draft());
    const db = await openDB(name);
    const first = await db.get('drafts', 'rent-subsidy');
    await storage.drafts.save(draft());
    const second = await db.get('drafts', 'rent-subsidy');
    expect([...first.sealed.iv]).to.not.deep.equal([...second.sealed.iv]);
    await db.put('drafts', { ...second, key: 'other' });
    db.close();
    let error: unknown;
    try {
      await storage.drafts.load('other');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(DraftStoreError);
    storage.close();
  });

  it('leaves expired drafts out, and deletes them with their files when it opens', async () => {
    const name = fresh();
    let now = Date.now();
    const storage = await openBrowserStorage({ name, now: () => now });
    await storage.drafts.putFile('local-3', { name: 'a.png', type: 'image/png', data: new Blob(['png']) });
    await storage.drafts.save(draft({ expiresAt: now + 1000, files: ['local-3'] }));
    now += 2000;
    expect(await storage.drafts.load('rent-subsidy')).to.equal(undefined);
    expect(await storage.drafts.list()).to.deep.equal([]);
    storage.close();
    const reopened = await openBrowserStorage({ name, now: () => now });
    expect(await reopened.drafts.file('local-3')).to.equal(undefined);
    reopened.close();
  });

  it('creates nothing on the device until something is kept: a citizen who only looks at a form leaves no database', async () => {
    const name = fresh();
    const listed = async () => (await indexedDB.databases()).some((d) => d.name === name);
    const storage = await openBrowserStorage({ name });
    expect(await storage.drafts.load('rent-subsidy')).to.equal(undefined);
    expect(await storage.drafts.list()).to.deep.equal([]);
    expect(await storage.drafts.labels('rent-subsidy', '3')).to.equal(undefined);
    expect(await storage.outbox.all()).to.deep.equal([]);
    expect(await listed()).to.equal(false);
    await storage.drafts.save(draft());
    expect(await listed()).to.equal(true);
    expect((await storage.drafts.load('rent-subsidy'))?.answers).to.deep.equal(draft().answers);
    storage.close();
  });

  it('a store opened before anything was kept reads what another tab keeps afterwards (the tab that takes a draft over)', async () => {
    const name = fresh();
    const early = await openBrowserStorage({ name });
    const other = await openBrowserStorage({ name });
    await other.drafts.save(draft());
    await other.outbox.put({ key: 'k-2', form: 'rent-subsidy', draft: 'rent-subsidy', endpoint: '/x', body: {}, state: 'queued', reached: false, attempts: 0, nextAt: 0, createdAt: 0 } as OutboxEntry);
    expect((await early.drafts.load('rent-subsidy'))?.view).to.equal('household');
    expect((await early.outbox.all()).map((e) => e.key)).to.deep.equal(['k-2']);
    early.close();
    other.close();
  });

  it('a full disk is reported as quota, not as a crash', async () => {
    const storage = await openBrowserStorage({ name: fresh() });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    let error: unknown;
    try {
      await storage.drafts.save(draft());
    } catch (e) {
      error = e;
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(error).to.be.instanceOf(DraftStoreError);
    expect((error as DraftStoreError).reason).to.equal('quota');
    storage.close();
  });
});

describe('one tab at a time on a draft (Web Locks)', () => {
  it('a second claim is refused; a take-over makes the holder save and let go first', async () => {
    const tabs = browserTabLeases();
    const key = fresh();
    const events: string[] = [];
    const first = await tabs.claim(key, { beforeLoss: async () => void events.push('first saves'), onLost: () => events.push('first let go') });
    expect(first).to.not.equal(undefined);
    expect(await tabs.claim(key, { beforeLoss: async () => undefined, onLost: () => undefined })).to.equal(undefined);
    const second = await tabs.takeOver(key, { beforeLoss: async () => undefined, onLost: () => events.push('second lost') });
    expect(events).to.deep.equal(['first saves', 'first let go']);
    second.release();
    await new Promise((r) => setTimeout(r, 20)); // a released Web Lock is free a moment later
    const third = await tabs.claim(key, { beforeLoss: async () => undefined, onLost: () => undefined });
    expect(third).to.not.equal(undefined);
    third!.release();
  });
});
