import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DraftStoreError, viewOf, type DraftStore } from '@formosa/session';
import type { createUploader as CreateUploader } from '@formosa/transport/upload';
import { newDevice, network, openPage, permitDefinition, startAgency, until, type Page } from './harness.js';

let agency: Awaited<ReturnType<typeof startAgency>>;
before(async () => (agency = await startAgency()));
after(() => agency.close());

const stored = () => agency.server.store.count('permit');
const type = (page: Page, path: string, value: unknown) => page.session.send({ type: 'CHANGE', path, value });
const saved = (page: Page) => until(() => page.session.save.status === 'saved', 2000, 'the draft to be saved');

test('every change is saved within the autosave delay, and a reload resumes with the answers, the step and what was visited', async () => {
  const device = newDevice();
  const page = await openPage(device, agency);
  type(page, '/name', '林小美');
  page.session.send({ type: 'NEXT' });
  type(page, '/seats', '5');
  await saved(page);
  const savedAt = Date.now();
  type(page, '/notes', '輪椅');
  await new Promise((r) => setTimeout(r, 40)); // autosave is 10 ms behind here
  page.crash(); // no flush: only what autosave already wrote survives
  const again = await openPage(device, agency);
  const { context } = again.session.snapshot;
  assert.equal(viewOf(again.session.snapshot), 'more');
  assert.deepEqual(context.form.values, { name: '林小美', seats: '5', notes: '輪椅' });
  assert.deepEqual(context.visited, ['about', 'more']);
  assert.ok(again.session.restored && again.session.restored.savedAt >= savedAt);
  again.session.send({ type: 'BACK' });
  assert.equal(viewOf(again.session.snapshot), 'about', 'the steps before are there to go back to');
  await again.close();
});

test('a form opened and left untouched saves no draft (nothing to lose, and no application listed as begun); the first answer is saved', async () => {
  const device = newDevice();
  const page = await openPage(device, agency, { autosaveMs: 20 });
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(await device.drafts.list(), [], 'no draft after ten autosave delays without a change');
  type(page, '/name', '林小美');
  await saved(page);
  assert.equal((await device.drafts.list()).length, 1);
  await page.close();
});

test('typing faster than the autosave delay still saves at most that far behind (never postponed indefinitely)', async () => {
  const page = await openPage(newDevice(), agency, { autosaveMs: 50 });
  const saves: number[] = [];
  page.session.subscribe((change) => change === 'save' && page.session.save.status === 'saved' && saves.push(Date.now()));
  const start = Date.now();
  for (let i = 0; i < 40; i++) {
    type(page, '/notes', 'x'.repeat(i + 1));
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.ok(saves.length >= 2, `saved ${saves.length} times while typing for ${Date.now() - start} ms`);
  await page.close();
});

test('closing the page flushes the last keystroke', async () => {
  const device = newDevice();
  const page = await openPage(device, agency, { autosaveMs: 500 });
  type(page, '/name', '陳大文');
  await page.close();
  const again = await openPage(device, agency);
  assert.equal(again.session.snapshot.context.form.values['name'], '陳大文');
  await again.close();
});

test('offline: the submission is queued and survives the browser closing; online again, it is sent once and the receipt is shown', async () => {
  const device = newDevice();
  const before = await stored();
  const net = network(false);
  const page = await openPage(device, agency, { net });
  type(page, '/name', '王小明');
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'SUBMIT' });
  await until(() => page.session.submission?.state === 'queued');
  assert.equal(viewOf(page.session.snapshot), 'submitting');
  await page.close();
  assert.equal(await stored(), before);

  const back = await openPage(device, agency, { net: network(true) });
  await until(() => viewOf(back.session.snapshot) === 'submitted', 5000, 'the receipt');
  assert.equal(await stored(), before + 1);
  const receipt = back.session.snapshot.context.receipt!;
  assert.match(receipt.receipt, /^P-\d{8}-[0-9A-Z]{6}$/);
  await back.close();
  // Seen once; the next visit is a new application, and the draft is gone.
  const later = await openPage(device, agency);
  assert.equal(viewOf(later.session.snapshot), 'about');
  assert.deepEqual(later.session.snapshot.context.form.values, {});
  assert.equal(await device.drafts.load('permit'), undefined);
  await later.close();
});

test('500s, a time-out and a stored answer that never arrives: one record, the receipt the agency issued', async () => {
  const before = await stored();
  agency.faults.push('fail', 'fail', 'fail', 'hang', 'drop-after');
  const page = await openPage(newDevice(), agency, { timeout: 200 });
  type(page, '/name', '李四');
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'SUBMIT' });
  await until(() => viewOf(page.session.snapshot) === 'submitted', 8000, 'the receipt');
  assert.equal(agency.faults.length, 0, 'every fault was met');
  assert.equal(await stored(), before + 1);
  const record = await agency.server.store.get('permit', page.session.snapshot.context.receipt!.id);
  assert.equal(record?.receipt, page.session.snapshot.context.receipt!.receipt);
  await page.close();
});

test('answers changed after an attempt stored but unanswered: the citizen sees the receipt and the differences, and can send a correction linked to it', async () => {
  const before = await stored();
  agency.faults.push('drop-after');
  agency.setFault(() => 'hang'); // the retries meanwhile get no answer either
  const page = await openPage(newDevice(), agency, { timeout: 200 });
  type(page, '/name', '張三');
  type(page, '/plate', 'ABC-1234');
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'SUBMIT' });
  await until(() => page.session.submission?.reached === true && page.session.submission.attempts >= 1 && !page.session.sending, 3000, 'the first attempt');
  // The citizen goes back, corrects the plate, and sends again.
  page.session.send({ type: 'EDIT' });
  assert.equal(viewOf(page.session.snapshot), 'review');
  type(page, '/plate', 'ABC-5678');
  agency.setFault(() => 'pass');
  page.session.send({ type: 'SUBMIT' });
  await until(() => viewOf(page.session.snapshot) === 'submitted', 8000, 'the stored receipt');
  assert.equal(await stored(), before + 1, 'the first attempt was stored, and nothing else yet');
  const first = page.session.snapshot.context.receipt!;
  assert.equal(((await agency.server.store.get('permit', first.id))?.data as { plate: string } | undefined)?.plate, 'ABC-1234');
  assert.deepEqual(page.session.differences(), [{ path: '/plate', before: 'ABC-1234', after: 'ABC-5678' }]);
  await page.session.sendCorrection();
  await until(() => page.session.submission?.state === 'sent' && page.session.submission.corrects !== undefined, 5000, 'the correction');
  assert.equal(await stored(), before + 2);
  const correction = page.session.submission!.receipt!;
  assert.deepEqual(correction.corrects, { id: first.id, receipt: first.receipt });
  assert.equal(((await agency.server.store.get('permit', correction.id))!.data as { plate: string }).plate, 'ABC-5678');
  await page.close();
});

test('answers changed after an attempt that never reached the agency: the new answers go under their own key, once', async () => {
  const before = await stored();
  agency.faults.push('drop-before');
  const page = await openPage(newDevice(), agency, { timeout: 200 });
  type(page, '/name', '周五');
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'NEXT' });
  agency.setFault(() => 'hang');
  page.session.send({ type: 'SUBMIT' });
  await until(() => (page.session.submission?.attempts ?? 0) >= 1 && !page.session.sending, 3000, 'the first attempt');
  page.session.send({ type: 'EDIT' });
  type(page, '/name', '周六');
  agency.setFault(() => 'pass');
  page.session.send({ type: 'SUBMIT' });
  await until(() => viewOf(page.session.snapshot) === 'submitted', 8000, 'the receipt');
  assert.equal(await stored(), before + 1);
  assert.equal(((await agency.server.store.get('permit', page.session.snapshot.context.receipt!.id))!.data as { name: string }).name, '周六');
  assert.deepEqual(page.session.differences(), []);
  await page.close();
});

test('a 422 puts the citizen on the step of the first rejected answer with the field errors', async () => {
  // Without the validator module (it failed to load) the browser checks rules, formats and required answers only; the agency checks the rest.
  const page = await openPage(newDevice(), agency, { validator: undefined });
  type(page, '/name', '林小美');
  page.session.send({ type: 'NEXT' });
  type(page, '/seats', '12345');
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'SUBMIT' });
  await until(() => page.session.snapshot.context.errors.length > 0, 5000, 'the rejection');
  assert.equal(viewOf(page.session.snapshot), 'more');
  assert.deepEqual(page.session.snapshot.context.errors.map((e) => [e.path, e.code]), [['/seats', 'maxLength']]);
  assert.equal(page.session.snapshot.context.submitError?.kind, 'rejected');
  type(page, '/seats', '4');
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'SUBMIT' });
  await until(() => viewOf(page.session.snapshot) === 'submitted', 5000, 'the receipt after the fix');
  await page.close();
});

test('two tabs on one draft: the second is told it is open elsewhere, takes it over with the first tab\'s last keystroke, and one record is stored', async () => {
  const device = newDevice();
  const before = await stored();
  const first = await openPage(device, agency, { autosaveMs: 500 });
  const second = await openPage(device, agency, { autosaveMs: 500 });
  assert.equal(first.session.tab, 'active');
  assert.equal(second.session.tab, 'elsewhere');
  type(first, '/name', '吳一');
  type(second, '/name', 'ignored'); // a tab that does not hold the draft changes nothing
  await second.session.takeOver();
  assert.equal(second.session.tab, 'active');
  assert.equal(first.session.tab, 'elsewhere');
  assert.equal(second.session.snapshot.context.form.values['name'], '吳一', 'the keystroke made just before the take-over');
  second.session.send({ type: 'NEXT' });
  second.session.send({ type: 'NEXT' });
  second.session.send({ type: 'SUBMIT' });
  first.session.send({ type: 'SUBMIT' });
  await until(() => viewOf(second.session.snapshot) === 'submitted', 5000, 'the receipt');
  assert.equal(await stored(), before + 1);
  await first.close();
  await second.close();
});

test('storage full: the citizen is told, nothing typed is lost, and the application can still be sent', async () => {
  const device = newDevice();
  const full: DraftStore = { ...device.drafts, save: () => Promise.reject(new DraftStoreError('quota', 'QuotaExceededError')) };
  const page = await openPage({ ...device, drafts: full }, agency);
  type(page, '/name', '鄭七');
  await until(() => page.session.save.status === 'failed', 2000, 'the failure');
  assert.deepEqual(page.session.save.status === 'failed' && page.session.save.reason, 'quota');
  assert.equal(page.session.snapshot.context.form.values['name'], '鄭七');
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'NEXT' });
  page.session.send({ type: 'SUBMIT' });
  await until(() => viewOf(page.session.snapshot) === 'submitted', 5000, 'the receipt');
  await page.close();
});

test('a draft saved under version 1 opened under version 2: the answers still asked for are kept, a removed and a retyped one are named by label', async () => {
  const device = newDevice();
  const v1 = await openPage(device, agency);
  type(v1, '/name', '林小美');
  type(v1, '/plate', 'XYZ-9');
  v1.session.send({ type: 'NEXT' });
  type(v1, '/seats', 'abc');
  type(v1, '/notes', '需要無障礙車位');
  await v1.close();
  const v2 = permitDefinition('2', (d) => {
    const schema = d['schema'] as { properties: Record<string, unknown> };
    delete schema.properties['plate'];
    schema.properties['seats'] = { type: 'integer', minimum: 1 };
    const steps = d['steps'] as { items: { field: string }[] }[];
    steps[0]!.items = steps[0]!.items.filter((i) => i.field !== '/plate');
  });
  const page = await openPage(device, agency, { definition: v2 });
  assert.deepEqual(page.session.snapshot.context.form.values, { name: '林小美', notes: '需要無障礙車位' });
  assert.deepEqual(page.session.restored?.dropped.map((d) => d.label?.['en']), ['Plate', 'Seats']);
  assert.equal(viewOf(page.session.snapshot), 'more');
  await saved(page);
  assert.equal((await device.drafts.load('permit'))?.version, '2', 'saved again under the new version');
  await page.close();
});

test('a shared computer: saying "do not keep my answers" deletes the draft and saves nothing more', async () => {
  const device = newDevice();
  const page = await openPage(device, agency);
  type(page, '/name', '林小美');
  await saved(page);
  await page.session.keepOnDevice(false);
  assert.equal(await device.drafts.load('permit'), undefined);
  type(page, '/plate', 'KIOSK-1');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(await device.drafts.load('permit'), undefined);
  assert.equal(page.session.save.status, 'off');
  await page.close();
  const off = await openPage(device, agency, { keep: false });
  type(off, '/name', 'x');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(await device.drafts.load('permit'), undefined, 'an agency that keeps nothing on the device');
  await off.close();
});

test('a file chosen offline through the built upload chunk (dist/chunks/upload.js, whose UploadError is a class of its own) is kept on the device too', async () => {
  const { createUploader } = (await import(new URL('../../../dist/chunks/upload.js', import.meta.url).href)) as { createUploader: typeof CreateUploader };
  const device = newDevice();
  const page = await openPage(device, agency, { net: network(false), uploader: createUploader });
  const photo = new File([new Uint8Array([137, 80, 78, 71])], 'plate.png', { type: 'image/png' });
  assert.match((await page.session.upload(photo, '/photo')).id, /^local-/);
  await page.close();
});

test('a file chosen offline is kept on the device with the draft and uploaded when the connection returns', async () => {
  const device = newDevice();
  const net = network(false);
  const page = await openPage(device, agency, { net });
  type(page, '/name', '林小美');
  page.session.send({ type: 'NEXT' });
  const photo = new File([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], '車牌.png', { type: 'image/png' });
  const kept = await page.session.upload(photo, '/photo');
  assert.match(kept.id, /^local-/);
  type(page, '/photo', [kept]);
  await saved(page);
  assert.deepEqual((await device.drafts.load('permit'))?.files, [kept.id], 'the draft names the file it keeps');
  assert.equal((await device.drafts.file(kept.id))?.name, '車牌.png');
  await page.close();

  const back = await openPage(device, agency, { net });
  net.set(true);
  await until(() => {
    const files = back.session.snapshot.context.form.values['photo'] as { id: string }[] | undefined;
    return files?.[0]?.id !== undefined && !files[0].id.startsWith('local-');
  }, 5000, 'the upload');
  const [uploaded] = back.session.snapshot.context.form.values['photo'] as { id: string; name: string }[];
  assert.equal(uploaded!.name, '車牌.png');
  assert.equal((await agency.server.store.attachment('permit', uploaded!.id))?.size, 7);
  await back.close();
});
