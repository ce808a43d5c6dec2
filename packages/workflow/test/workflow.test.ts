import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import { createAjv } from '@formosa/schema/node';
import { FormEngine, SubmissionError, type Receipt } from '@formosa/engine';
import { createWorkflow, type SubmitInput, type WorkflowMachine } from '@formosa/workflow';
import { answers, example } from '../../../examples/fixtures.js';

const definition = example('rent-subsidy');
const engine = new FormEngine(definition, { validator: createAjv().compile(definition.schema as object) });
const all = answers('rent-subsidy');
const stepOf = (snapshot: SnapshotFrom<WorkflowMachine>) => (snapshot.value as { editing?: string }).editing ?? String(snapshot.value);

function start(submit?: (input: SubmitInput) => Promise<Receipt>) {
  const machine = submit ? createWorkflow(engine).provide({ actors: { submit: fromPromise(({ input }: { input: SubmitInput }) => submit(input)) } }) : createWorkflow(engine);
  return createActor(machine).start();
}

function answer(actor: ReturnType<typeof start>, step: string) {
  for (const [path, value] of all) if (engine.stepOf(path) === step) actor.send({ type: 'CHANGE', path, value });
}

function walkToReview(actor: ReturnType<typeof start>) {
  for (const step of ['applicant', 'household', 'rental', 'landlord', 'eligibility', 'bank']) {
    assert.equal(stepOf(actor.getSnapshot()), step);
    answer(actor, step);
    actor.send({ type: 'NEXT' });
  }
  assert.equal(stepOf(actor.getSnapshot()), 'review');
}

test('Continue on an unanswered step stays there and shows that step\'s errors; fixing one removes it at once', () => {
  const actor = start();
  actor.send({ type: 'NEXT' });
  let snapshot = actor.getSnapshot();
  assert.equal(stepOf(snapshot), 'applicant');
  assert.equal(snapshot.context.errors.length, 8);
  actor.send({ type: 'CHANGE', path: '/applicant/name', value: '林小美' });
  snapshot = actor.getSnapshot();
  assert.equal(snapshot.context.errors.length, 7);
  assert.ok(!snapshot.context.errors.some((e) => e.path === '/applicant/name'));
  actor.send({ type: 'CHANGE', path: '/bank/account', value: '1' });
  assert.equal(actor.getSnapshot().context.errors.length, 7, 'an answer on another step adds no error here');
});

test('the journey walks every shown step to the review, skipping the proof step for general households', () => {
  walkToReview(start());
});

test('branching: a low-income household goes through the proof step, forwards and backwards', () => {
  const actor = start();
  for (const step of ['applicant', 'household', 'rental', 'landlord']) {
    answer(actor, step);
    actor.send({ type: 'NEXT' });
  }
  actor.send({ type: 'CHANGE', path: '/eligibility/incomeStatus', value: 'low' });
  actor.send({ type: 'NEXT' });
  assert.equal(stepOf(actor.getSnapshot()), 'status-proof');
  actor.send({ type: 'BACK' });
  actor.send({ type: 'CHANGE', path: '/eligibility/incomeStatus', value: 'general' });
  actor.send({ type: 'NEXT' });
  assert.equal(stepOf(actor.getSnapshot()), 'bank');
  actor.send({ type: 'BACK' });
  assert.equal(stepOf(actor.getSnapshot()), 'eligibility', 'Back skips the hidden step too');
});

test('a Change link from the review opens the step, and Continue returns to the review', () => {
  const actor = start();
  walkToReview(actor);
  actor.send({ type: 'GOTO', step: 'landlord' });
  assert.equal(stepOf(actor.getSnapshot()), 'landlord');
  actor.send({ type: 'CHANGE', path: '/landlord/type', value: 'company' });
  actor.send({ type: 'NEXT' });
  assert.equal(stepOf(actor.getSnapshot()), 'landlord', 'the new business ID field must be answered first');
  assert.deepEqual(actor.getSnapshot().context.errors.map((e) => e.path), ['/landlord/businessId']);
  actor.send({ type: 'CHANGE', path: '/landlord/businessId', value: '22099131' });
  actor.send({ type: 'NEXT' });
  assert.equal(stepOf(actor.getSnapshot()), 'review');
});

test('GOTO refuses steps not reached yet', () => {
  const actor = start();
  actor.send({ type: 'GOTO', step: 'bank' });
  assert.equal(stepOf(actor.getSnapshot()), 'applicant');
});

test('submit sends the normalised data with the idempotency key and ends with the receipt', async () => {
  const inputs: SubmitInput[] = [];
  const actor = start(async (input) => {
    inputs.push(input);
    return { id: 'abc', receipt: 'RS-1' };
  });
  walkToReview(actor);
  actor.send({ type: 'SUBMIT' });
  const done = await waitFor(actor, (s) => s.status === 'done');
  assert.deepEqual(done.context.receipt, { id: 'abc', receipt: 'RS-1' });
  assert.equal(inputs.length, 1);
  assert.match(inputs[0]!.idempotencyKey, /^[0-9a-f-]{36}$/);
  assert.equal((inputs[0]!.data['applicant'] as Record<string, unknown>)['nationalId'], 'A123456789');
});

test('a dropped connection returns to the review with every answer kept, and the retry reuses the key', async () => {
  const keys: string[] = [];
  let fail = true;
  const actor = start(async (input) => {
    keys.push(input.idempotencyKey);
    if (fail) throw new SubmissionError('network', 'Failed to fetch');
    return { id: 'abc', receipt: 'RS-1' };
  });
  walkToReview(actor);
  const before = actor.getSnapshot().context.form.values;
  actor.send({ type: 'SUBMIT' });
  const failed = await waitFor(actor, (s) => s.context.submitError !== undefined);
  assert.equal(stepOf(failed), 'review');
  assert.equal(failed.context.submitError?.kind, 'network');
  assert.deepEqual(failed.context.form.values, before);
  fail = false;
  actor.send({ type: 'SUBMIT' });
  await waitFor(actor, (s) => s.status === 'done');
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1]);
});

test('a rejection with field errors opens the step of the first error, then Continue returns to the review', async () => {
  let reject = true;
  const actor = start(async () => {
    if (reject) throw new SubmissionError('rejected', 'rejected', [{ path: '/landlord/phone', code: 'format', params: { format: 'tw-phone', reason: 'shape' } }], 422);
    return { id: 'abc', receipt: 'RS-1' };
  });
  walkToReview(actor);
  actor.send({ type: 'SUBMIT' });
  const routed = await waitFor(actor, (s) => stepOf(s) === 'landlord');
  assert.deepEqual(routed.context.errors.map((e) => e.path), ['/landlord/phone']);
  reject = false;
  actor.send({ type: 'NEXT' });
  assert.equal(stepOf(actor.getSnapshot()), 'review');
});

test('submitting without a submit actor fails loudly instead of pretending', async () => {
  const actor = start();
  walkToReview(actor);
  actor.send({ type: 'SUBMIT' });
  const failed = await waitFor(actor, (s) => s.context.submitError !== undefined);
  assert.match(failed.context.submitError!.message, /No submit actor was provided/);
});

test('a persisted snapshot survives JSON and resumes at the same step with the same answers', () => {
  const actor = start();
  for (const step of ['applicant', 'household']) {
    answer(actor, step);
    actor.send({ type: 'NEXT' });
  }
  actor.send({ type: 'CHANGE', path: '/rental/monthlyRent', value: '9000' });
  const saved = JSON.stringify(actor.getPersistedSnapshot());
  actor.stop();
  const resumed = createActor(createWorkflow(engine), { snapshot: JSON.parse(saved) }).start();
  const snapshot = resumed.getSnapshot();
  assert.equal(stepOf(snapshot), 'rental');
  assert.equal((snapshot.context.form.values['rental'] as Record<string, unknown>)['monthlyRent'], '9000');
  assert.deepEqual(snapshot.context.visited, ['applicant', 'household', 'rental']);
  resumed.send({ type: 'BACK' });
  assert.equal(stepOf(resumed.getSnapshot()), 'household');
});

test('each actor of one machine gets its own idempotency key and starting answers, from its input', () => {
  const machine = createWorkflow(engine);
  const first = createActor(machine).start();
  const second = createActor(machine).start();
  assert.notEqual(first.getSnapshot().context.idempotencyKey, second.getSnapshot().context.idempotencyKey, 'two applications never share a key');
  const resumed = createActor(machine, { input: { values: { applicant: { name: '林小美' } }, idempotencyKey: 'draft-key-1' } }).start();
  assert.equal(resumed.getSnapshot().context.idempotencyKey, 'draft-key-1');
  assert.equal((resumed.getSnapshot().context.form.values['applicant'] as Record<string, unknown>)['name'], '林小美');
  assert.equal((first.getSnapshot().context.form.values['applicant'] as Record<string, unknown> | undefined)?.['name'], undefined, 'one actor\'s answers are not another\'s');
});

test('a saved journey resumes at its step with what was visited, or at the review, the outbox wait or the receipt', async () => {
  const values = Object.fromEntries([]);
  const machine = createWorkflow(engine);
  const atStep = createActor(machine, { input: { values, resume: { view: 'rental', visited: ['applicant', 'household', 'rental', 'gone'] } } }).start();
  assert.equal(stepOf(atStep.getSnapshot()), 'rental');
  assert.deepEqual(atStep.getSnapshot().context.visited, ['applicant', 'household', 'rental']);
  atStep.send({ type: 'GOTO', step: 'applicant' });
  assert.equal(stepOf(atStep.getSnapshot()), 'applicant', 'a visited step can be gone back to directly');

  const unknown = createActor(machine, { input: { resume: { view: 'no-such-step' } } }).start();
  assert.equal(stepOf(unknown.getSnapshot()), 'applicant', 'a step the definition no longer has: the first step');

  const receipt = { id: 'r', receipt: 'RS-20261206-AAAAAA' };
  const done = createActor(machine, { input: { resume: { view: 'submitted', receipt } } }).start();
  assert.equal(done.getSnapshot().value, 'submitted');
  assert.deepEqual(done.getSnapshot().context.receipt, receipt);
  const noReceipt = createActor(machine, { input: { resume: { view: 'submitted' } } }).start();
  assert.notEqual(noReceipt.getSnapshot().value, 'submitted', 'no receipt, no receipt view');

  let release!: (r: Receipt) => void;
  const waiting = createActor(createWorkflow(engine).provide({ actors: { submit: fromPromise(() => new Promise<Receipt>((r) => (release = r))) } }), { input: { resume: { view: 'submitting' } } }).start();
  assert.equal(waiting.getSnapshot().value, 'submitting');
  waiting.send({ type: 'EDIT' });
  assert.equal(stepOf(waiting.getSnapshot()), 'review', 'EDIT leaves the wait for the review');
  release(receipt);
});

// A definition that reads MyData: the consent step comes first only where the host offers it (a connector exists).
const withMyData = {
  ...definition,
  mydata: {
    purpose: { 'zh-Hant-TW': '帶入戶籍資料', en: 'To fill in your household' },
    subject: '/applicant/nationalId',
    datasets: [{ resource: 'API.UDauDOLyZg', why: { 'zh-Hant-TW': '帶入家庭成員', en: 'Household members' } }],
    map: [{ field: '/applicant/name', from: 'API.UDauDOLyZg:personHouseholdData21[person_id=$subject].person_name' }],
  },
};
const myDataEngine = new FormEngine(withMyData, { validator: createAjv().compile(definition.schema as object) });

test('with MyData offered, the journey opens on the consent step; Continue fills in by hand from the first step', () => {
  assert.equal(stepOf(createActor(createWorkflow(myDataEngine)).start().getSnapshot()), 'applicant', 'not offered: no consent step');
  const actor = createActor(createWorkflow(myDataEngine, { consent: true })).start();
  assert.equal(stepOf(actor.getSnapshot()), 'consent');
  assert.ok(actor.getSnapshot().hasTag('consent'));
  actor.send({ type: 'CHANGE', path: '/applicant/nationalId', value: 'A123456789' });
  actor.send({ type: 'NEXT' });
  assert.equal(stepOf(actor.getSnapshot()), 'applicant');
  assert.equal((actor.getSnapshot().context.form.values['applicant'] as Record<string, unknown>)['nationalId'], 'A123456789', 'what was typed on the consent step is kept');
  assert.deepEqual(actor.getSnapshot().context.errors, [], 'filling in by hand shows no error yet');
});

test('prefilled answers replace the answers; errors on screen stay only where the new answers still fail; CONSENT asks again', () => {
  const actor = createActor(createWorkflow(myDataEngine, { consent: true })).start();
  actor.send({ type: 'NEXT' });
  actor.send({ type: 'NEXT' });
  const before = actor.getSnapshot().context.errors.map((e) => e.path);
  assert.ok(before.includes('/applicant/name') && before.includes('/applicant/mobile'));
  actor.send({ type: 'PREFILL', values: { applicant: { name: '王大明', nationalId: 'A123456789', birthDate: '1967-09-14' } } });
  const after = actor.getSnapshot();
  assert.equal((after.context.form.values['applicant'] as Record<string, unknown>)['name'], '王大明');
  const paths = after.context.errors.map((e) => e.path);
  assert.ok(!paths.includes('/applicant/name') && !paths.includes('/applicant/birthDate'), 'answered by the prefill: its errors go');
  assert.ok(paths.includes('/applicant/mobile'), 'still unanswered: its error stays');
  assert.equal(stepOf(after), 'applicant');
  actor.send({ type: 'CONSENT' });
  assert.equal(stepOf(actor.getSnapshot()), 'consent');
  assert.deepEqual(actor.getSnapshot().context.errors, []);
});

test('a journey saved on the consent step resumes there; one saved on a step does not go back to consent', () => {
  const machine = createWorkflow(myDataEngine, { consent: true });
  assert.equal(stepOf(createActor(machine, { input: { resume: { view: 'consent' } } }).start().getSnapshot()), 'consent');
  assert.equal(stepOf(createActor(machine, { input: { resume: { view: 'household', visited: ['applicant', 'household'] } } }).start().getSnapshot()), 'household');
  assert.equal(stepOf(createActor(createWorkflow(myDataEngine), { input: { resume: { view: 'consent' } } }).start().getSnapshot()), 'applicant', 'not offered now: the first step');
});
