import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAjv } from '@formosa/schema/node';
import { FormEngine, getAt, type FormState, type Rule } from '@formosa/engine';
import { answers, example } from '../../../examples/fixtures.js';

const definition = example('rent-subsidy');
const validator = createAjv().compile(definition.schema as object);

const validAnswers = answers('rent-subsidy');

function fill(engine: FormEngine, answers = validAnswers): FormState {
  return answers.reduce((state, [pointer, value]) => engine.change(state, pointer, value), engine.init());
}

test('a fully answered form is valid and its data is normalised for submission', () => {
  const engine = new FormEngine(definition, { validator });
  const state = fill(engine);
  assert.deepEqual(engine.validate(state), []);
  const data = engine.data(state);
  assert.equal((data['applicant'] as Record<string, unknown>)['nationalId'], 'A123456789');
  assert.equal((data['applicant'] as Record<string, unknown>)['mobile'], '0912345678');
  assert.equal((data['rental'] as Record<string, unknown>)['monthlyRent'], 12000);
  assert.equal((data['landlord'] as Record<string, unknown>)['phone'], '0223456789');
  assert.equal((data['household'] as Record<string, unknown>)['size'], 1, 'computed');
  assert.equal((data['rental'] as Record<string, unknown>)['mailingSameAsRental'], true, 'schema default');
  assert.equal(data['mailing'], undefined, 'the hidden mailing-address section is not submitted');
  assert.ok(validator(data), JSON.stringify(validator.errors));
});

test('an empty step reports each required field once, in page order, as codes', () => {
  const engine = new FormEngine(definition, { validator });
  const errors = engine.validate(engine.init(), { step: 'applicant' });
  assert.deepEqual(errors.map((e) => [e.path, e.code]), [
    ['/applicant/name', 'required'], ['/applicant/nationalId', 'required'], ['/applicant/birthDate', 'required'],
    ['/applicant/mobile', 'required'], ['/applicant/notifyBy', 'required'],
    ['/applicant/address/county', 'required'], ['/applicant/address/district', 'required'], ['/applicant/address/street', 'required'],
  ]);
});

test('schema keywords, formats and designer checks become codes with parameters', () => {
  const engine = new FormEngine(definition, { validator });
  let state = fill(engine);
  state = engine.change(state, '/applicant/name', '林'.repeat(51));
  state = engine.change(state, '/applicant/nationalId', 'A123456788');
  state = engine.change(state, '/rental/leaseEnd', '2025-12-31');
  state = engine.change(state, '/rental/monthlyRent', 'about 12000');
  state = engine.change(state, '/bank/account', '12-34');
  state = engine.change(state, '/applicant/birthDate', '2023-02-29');
  assert.deepEqual(engine.validate(state).map((e) => [e.path, e.code, e.params]), [
    ['/applicant/name', 'maxLength', { limit: 50 }],
    ['/applicant/nationalId', 'format', { format: 'tw-national-id', reason: 'checksum' }],
    ['/applicant/birthDate', 'format', { format: 'date', reason: 'date' }],
    ['/rental/leaseEnd', 'check', { index: 0 }],
    ['/rental/monthlyRent', 'type', { type: 'integer' }],
    ['/bank/account', 'format', { format: 'tw-bank-account', reason: 'shape' }],
  ]);
});

test('a rule shows and hides a section; hidden answers are kept but neither validated nor submitted', () => {
  const engine = new FormEngine(definition, { validator });
  let state = fill(engine);
  assert.equal(engine.isShown(state, '/mailing/county'), false);
  state = engine.change(state, '/rental/mailingSameAsRental', false);
  assert.equal(engine.isShown(state, 'section:mailing-address'), true);
  assert.deepEqual(engine.validate(state, { step: 'rental' }).map((e) => e.path), ['/mailing/county', '/mailing/district', '/mailing/street']);
  state = engine.change(state, '/mailing/county', 'KHH');
  state = engine.change(state, '/rental/mailingSameAsRental', true);
  assert.equal(state.values['mailing'] && (state.values['mailing'] as Record<string, unknown>)['county'], 'KHH', 'kept');
  assert.equal(engine.data(state)['mailing'], undefined, 'not submitted');
  assert.deepEqual(engine.validate(state), []);
});

test('required-when: the e-mail address is required only when the result goes by e-mail', () => {
  const engine = new FormEngine(definition, { validator });
  let state = fill(engine);
  assert.equal(engine.isRequired(state, '/applicant/email'), false);
  state = engine.change(state, '/applicant/notifyBy', 'email');
  assert.equal(engine.isRequired(state, '/applicant/email'), true);
  assert.deepEqual(engine.validate(state).map((e) => [e.path, e.code]), [['/applicant/email', 'required']]);
});

test('a branch: the proof step exists only for low and middle-low income households', () => {
  const engine = new FormEngine(definition, { validator });
  let state = fill(engine);
  assert.ok(!engine.shownSteps(state).some((s) => s.id === 'status-proof'));
  state = engine.change(state, '/eligibility/incomeStatus', 'low');
  assert.deepEqual(engine.shownSteps(state).map((s) => s.id), ['applicant', 'household', 'rental', 'landlord', 'eligibility', 'status-proof', 'bank']);
  assert.deepEqual(engine.validate(state).map((e) => e.path), ['/statusProof/issuer', '/statusProof/documentNumber']);
});

test('repeats: entries are added and removed, rules inside an entry read that entry, computed totals follow', () => {
  const engine = new FormEngine(definition, { validator });
  let state = engine.change(fill(engine), '/household/composition', 'with-family');
  assert.deepEqual(engine.validate(state, { step: 'household' }).map((e) => [e.path, e.code]), [['/household/members', 'minItems']]);
  state = engine.addItem(engine.addItem(state, '/household/members'), '/household/members');
  assert.equal(engine.data(state)['household'] && (engine.data(state)['household'] as Record<string, unknown>)['size'], 3);
  state = engine.change(state, '/household/members/1/relationship', 'other');
  assert.equal(engine.isShown(state, '/household/members/1/relationshipOther'), true);
  assert.equal(engine.isShown(state, '/household/members/0/relationshipOther'), false);
  assert.deepEqual(engine.validate(state, { step: 'household' }).map((e) => e.path), [
    '/household/members/0/name', '/household/members/0/nationalId', '/household/members/0/relationship', '/household/members/0/birthDate',
    '/household/members/1/name', '/household/members/1/nationalId', '/household/members/1/relationshipOther', '/household/members/1/birthDate',
  ]);
  state = engine.removeItem(state, '/household/members', 0);
  assert.equal(engine.isShown(state, '/household/members/0/relationshipOther'), true, 'the remaining entry moved to index 0 with its rule');
  assert.equal(engine.isShown(state, '/household/members/1/relationshipOther'), true, 'no rule state left for the removed index');
  assert.equal(state.hidden['/household/members/1/relationshipOther'], undefined);
  assert.equal((engine.data(state)['household'] as Record<string, unknown>)['size'], 2);
});

test('a change re-evaluates only the rules that read what changed', () => {
  const evaluated: string[] = [];
  const engine = new FormEngine(definition, { validator, trace: (rule: Rule, target: string) => evaluated.push(`${rule.kind} ${target}`) });
  let state = engine.init();
  const perEntry = engine.model.rules.filter((rule) => rule.repeat).length;
  assert.equal(evaluated.length, engine.model.rules.length - perEntry, 'init evaluates every rule once (per-entry rules have no entries yet)');
  evaluated.length = 0;
  state = engine.change(state, '/landlord/name', '王大明');
  assert.deepEqual(evaluated, []);
  state = engine.change(state, '/landlord/type', 'company');
  assert.deepEqual(evaluated.sort(), ['visible /landlord/businessId', 'visible /landlord/nationalId']);
  evaluated.length = 0;
  state = engine.change(state, '/household/composition', 'with-family');
  state = engine.addItem(engine.addItem(state, '/household/members'), '/household/members');
  evaluated.length = 0;
  engine.change(state, '/household/members/1/relationship', 'child');
  // The size counts the whole list, so it reads every entry; the per-entry rule runs for entry 1 only.
  assert.deepEqual(evaluated.sort(), ['computed /household/size', 'visible /household/members/1/relationshipOther']);
});

test('the engine works without a schema validator: rules, formats and required still apply', () => {
  const engine = new FormEngine(definition);
  let state = fill(engine);
  state = engine.change(state, '/applicant/nationalId', 'A123456788');
  state = engine.change(state, '/applicant/name', undefined);
  assert.deepEqual(engine.validate(state).map((e) => [e.path, e.code]), [['/applicant/name', 'required'], ['/applicant/nationalId', 'format']]);
});

test('a restored state (init with saved values) decides rules exactly as the live one did', () => {
  const engine = new FormEngine(definition, { validator });
  let live = fill(engine);
  live = engine.change(live, '/landlord/type', 'company');
  live = engine.change(live, '/household/composition', 'with-family');
  live = engine.addItem(live, '/household/members');
  live = engine.change(live, '/household/members/0/relationship', 'other');
  const restored = engine.init(JSON.parse(JSON.stringify(live.values)));
  assert.deepEqual(restored, live);
});

test('ROC-calendar dates: stored as ISO, out-of-range 民國 years rejected with the range, incomplete dates named', () => {
  const engine = new FormEngine(definition, { validator });
  let state = fill(engine);
  state = engine.change(state, '/applicant/birthDate', '2024-05-02');
  assert.deepEqual(engine.validate(state, { step: 'applicant' }), []);
  state = engine.change(state, '/applicant/birthDate', '1911-05-02'); // 民國 0 年
  assert.deepEqual(engine.validate(state, { step: 'applicant' }), [{ path: '/applicant/birthDate', code: 'rocYear', params: { min: 1, max: 200, year: 0 } }]);
  state = engine.change(state, '/applicant/birthDate', '3935-05-02'); // 2024 typed as a 民國 year
  assert.equal(engine.validate(state, { step: 'applicant' })[0]?.code, 'rocYear');
  state = engine.change(state, '/applicant/birthDate', '2024--02');
  assert.deepEqual(engine.validate(state, { step: 'applicant' })[0]?.params, { format: 'date', reason: 'incomplete' });
  state = engine.change(state, '/rental/leaseStart', '1911-05-02');
  assert.ok(engine.validate(state, { step: 'rental' }).some((e) => e.code === 'rocYear'), 'the form\'s calendar is every date field\'s');
  const gregorian = new FormEngine({ ...definition, calendar: 'gregorian' }, { validator });
  assert.ok(!gregorian.validate(gregorian.change(fill(gregorian), '/rental/leaseStart', '1911-05-02'), { step: 'rental' }).some((e) => e.code === 'rocYear'), 'Gregorian fields have no ROC range');
});

test('Taiwan address: districts belong to the chosen county, the postal code is computed', () => {
  const engine = new FormEngine(definition, { validator });
  let state = fill(engine);
  assert.equal((engine.data(state)['applicant'] as { address: { postalCode: string } }).address.postalCode, '106', '臺北市大安區');
  state = engine.change(state, '/applicant/address/county', 'TXG');
  assert.deepEqual(engine.validate(state, { step: 'applicant' }), [], 'Taichung has its own 大安區');
  assert.equal((engine.data(state)['applicant'] as { address: { postalCode?: string } }).address.postalCode, '439');
  state = engine.change(state, '/applicant/address/county', 'KEE');
  assert.deepEqual(engine.validate(state, { step: 'applicant' }).map((e) => [e.path, e.code]), [['/applicant/address/district', 'enum']], 'Keelung has no 大安區');
  assert.equal((engine.data(state)['applicant'] as { address: { postalCode?: string } }).address.postalCode, undefined);
  state = engine.change(state, '/applicant/address/county', 'KHH');
  state = engine.change(state, '/applicant/address/district', '東沙群島');
  assert.deepEqual(engine.validate(state, { step: 'applicant' }), []);
  assert.equal((engine.data(state)['applicant'] as { address: { postalCode: string } }).address.postalCode, '817');
  state = engine.change(state, '/bank/code', '999');
  assert.deepEqual(engine.validate(state, { step: 'bank' }).map((e) => [e.path, e.code]), [['/bank/code', 'enum']]);
});

test('rules read answers as they will be submitted: full-width digits typed are numbers to a computed value', () => {
  // 臥室數量 typed on a Chinese keyboard as "２": the subsidy counts 2 bedrooms + 1 = 3 alarms, in the browser and on the server.
  const engine = new FormEngine(example('smoke-alarm-subsidy'));
  const state = engine.change(engine.init(), '/home/bedrooms', '２');
  assert.equal(engine.data(state)['home'] && (engine.data(state)['home'] as Record<string, unknown>)['bedrooms'], 2);
  assert.equal((engine.data(state)['home'] as Record<string, unknown>)['alarms'], 3);
  const spaced = engine.change(engine.init(), '/home/bedrooms', ' 4 ');
  assert.equal((engine.data(spaced)['home'] as Record<string, unknown>)['alarms'], 5);
});

test('checks and conditions read normalised answers too (a lower-case national ID with spaces, full-width amounts in a list)', () => {
  const engine = new FormEngine(example('smoke-alarm-subsidy'));
  // Conditions and checks compare what is submitted: "a123 456 789" is A123456789.
  const read = engine.readerFor(engine.change(engine.init(), '/applicant/nationalId', 'a123 456 789').values, '/applicant/nationalId');
  assert.equal(read('/applicant/nationalId'), 'A123456789');
  const T = { 'zh-Hant-TW': '收入', en: 'Income' };
  const total = new FormEngine({
    formatVersion: 1, id: 'incomes', version: '1', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'], title: T,
    schema: { type: 'object', properties: { people: { type: 'array', items: { type: 'object', properties: { income: { type: 'integer' } } } }, total: { type: 'integer' } } },
    steps: [{ id: 'one', title: T, items: [
      { repeat: '/people', title: T, itemTitle: T, items: [{ field: 'income', label: T }] },
      { field: '/total', label: T, computed: { sum: [{ var: '/people' }, 'income'] } },
    ] }],
    submission: { endpoint: '/x' },
  } as never);
  let state = total.addItem(total.addItem(total.init(), '/people'), '/people');
  state = total.change(total.change(state, '/people/0/income', '１２,０００'), '/people/1/income', '500');
  assert.equal(getAt(state.values, '/total'), 12500);
});

test('a computed answer stays empty until the answers it reads are given (no 1 person, no 5 alarms on an empty form)', () => {
  const alarms = new FormEngine(example('smoke-alarm-subsidy'));
  assert.equal(getAt(alarms.init().values, '/home/alarms'), undefined, 'alarms wait for the number of bedrooms');
  assert.equal(getAt(alarms.change(alarms.init(), '/home/bedrooms', '9').values, '/home/alarms'), 5, 'then at most 5');
  const rent = new FormEngine(definition);
  const empty = rent.init();
  assert.equal(getAt(empty.values, '/household/size'), undefined, 'household size waits for who lives with the applicant');
  const alone = rent.change(empty, '/household/composition', 'alone');
  assert.equal(getAt(alone.values, '/household/size'), 1);
  const family = rent.addItem(rent.change(alone, '/household/composition', 'with-family'), '/household/members');
  assert.equal(getAt(family.values, '/household/size'), 2, 'a list read by count is answered even with no entries typed in yet');
  assert.equal(getAt(rent.change(family, '/household/composition', undefined).values, '/household/size'), undefined, 'and empty again when unanswered');
});
