import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDefinition, requireDefinition, DefinitionError, formatProblem, type Problem } from '@formosa/schema';

const rentSubsidy = readFileSync(new URL('../../../examples/forms/rent-subsidy.json', import.meta.url), 'utf8');

/** A definition under construction: the cases below reach deep into it to break one thing each. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test fixtures are mutated freely, then checked by the loader
type Draft = Record<string, any>;

/** A small valid definition every case below breaks in one way. */
function minimal(): Draft {
  return {
    formatVersion: 1, id: 'permit', version: '1.0.0', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'],
    title: { 'zh-Hant-TW': '許可申請', en: 'Permit' },
    schema: {
      type: 'object', required: ['name'],
      properties: { name: { type: 'string' }, kind: { type: 'string', enum: ['a', 'b'] }, note: { type: 'string' }, total: { type: 'number' } },
    },
    steps: [{
      id: 'main', title: { 'zh-Hant-TW': '資料', en: 'Details' },
      items: [
        { field: '/name', label: { 'zh-Hant-TW': '姓名', en: 'Name' } },
        { field: '/kind', label: { 'zh-Hant-TW': '種類', en: 'Kind' }, widget: 'radio', options: [{ value: 'a', label: { 'zh-Hant-TW': '甲', en: 'A' } }, { value: 'b', label: { 'zh-Hant-TW': '乙', en: 'B' } }] },
        { field: '/note', label: { 'zh-Hant-TW': '備註', en: 'Note' }, visibleWhen: { '==': [{ var: '/kind' }, 'b'] } },
        { field: '/total', label: { 'zh-Hant-TW': '合計', en: 'Total' }, computed: { '+': [1, 2] } },
      ],
    }],
    submission: { endpoint: '/api/forms/permit/submissions' },
  };
}

function problemsOf(definition: unknown): readonly Problem[] {
  const result = loadDefinition(definition);
  return result.ok ? result.warnings : result.problems;
}

test('the rent-subsidy example loads without a single problem', () => {
  const result = loadDefinition(rentSubsidy);
  assert.ok(result.ok, result.ok ? '' : result.problems.map((p) => formatProblem(p)).join('\n'));
  assert.deepEqual(result.warnings, []);
  assert.equal(result.definition.id, 'rent-subsidy');
});

test('the minimal fixture is valid', () => {
  assert.deepEqual(problemsOf(minimal()), []);
});

// One case per rule, each with the exact problem a designer sees.
const cases: [string, (d: Draft) => void, Partial<Problem>][] = [
  ['missing property', (d) => delete d.id, { path: '', code: 'missing_property', message: 'missing required property "id"' }],
  ['misspelt property', (d) => { d.steps[0].items[0].lable = d.steps[0].items[0].label; delete d.steps[0].items[0].label; },
    { path: '/steps/0/items/0/lable', code: 'unknown_property', message: 'unknown property "lable" (did you mean "label"?)' }],
  ['unknown widget', (d) => (d.steps[0].items[1].widget = 'radios'), { path: '/steps/0/items/1/widget', code: 'wrong_value' }],
  ['bad step id', (d) => (d.steps[0].id = 'Main Step'), { path: '/steps/0/id', code: 'wrong_format' }],
  ['item of no kind', (d) => (d.steps[0].items[0] = { label: { 'zh-Hant-TW': 'x' } }),
    { path: '/steps/0/items/0', code: 'unknown_item', message: 'an item needs one of the properties "field", "section", "repeat" or "content"' }],
  ['unknown operator', (d) => (d.steps[0].items[2].visibleWhen = { equals: [{ var: '/kind' }, 'b'] }),
    { path: '/steps/0/items/2/visibleWhen/equals', code: 'unknown_operator', message: 'unknown operator "equals"' }],
  ['bad locale key', (d) => (d.title = { zh_TW: '許可' }), { path: '/title/zh_TW', code: 'bad_key' }],
  ['wrong type', (d) => (d.steps = {}), { path: '/steps', code: 'wrong_type', message: 'must be an array' }],
  ['newer format version', (d) => (d.formatVersion = 2), { path: '/formatVersion', code: 'newer_format' }],
  ['default locale not listed', (d) => (d.locales = ['en']), { path: '/defaultLocale', code: 'default_locale_not_listed' }],
  ['field bound to nothing', (d) => (d.steps[0].items[0].field = '/nmae'),
    { path: '/steps/0/items/0/field', code: 'unknown_data_property', message: 'no property "/nmae" in the data schema (did you mean "/name"?)' }],
  ['two fields, one value', (d) => (d.steps[0].items[2].field = '/name'), { path: '/steps/0/items/2/field', code: 'duplicate_field' }],
  ['duplicate ids', (d) => d.steps.push({ ...d.steps[0], items: [{ content: 'x', text: { 'zh-Hant-TW': '說明', en: 'Text' } }] }),
    { path: '/steps/1/id', code: 'duplicate_id', message: 'the id "main" is already used at /steps/0/id' }],
  ['text without the default locale', (d) => (d.steps[0].items[0].label = { en: 'Name' }),
    { path: '/steps/0/items/0/label', code: 'missing_default_text', message: 'has no zh-Hant-TW text (the default locale)' }],
  ['option outside the enum', (d) => (d.steps[0].items[1].options[1].value = 'c'), { path: '/steps/0/items/1/options/1/value', code: 'option_not_in_enum' }],
  ['enum value without option', (d) => d.steps[0].items[1].options.pop(), { path: '/steps/0/items/1/options', code: 'enum_without_option' }],
  ['unknown option set', (d) => (d.steps[0].items[1].options = 'kinds'), { path: '/steps/0/items/1/options', code: 'unknown_option_set' }],
  ['widget for another type', (d) => (d.steps[0].items[0].widget = 'checkbox'), { path: '/steps/0/items/0/widget', code: 'widget_mismatch' }],
  ['var of an unknown property', (d) => (d.steps[0].items[2].visibleWhen = { '==': [{ var: '/knd' }, 'b'] }),
    { path: '/steps/0/items/2/visibleWhen/==/0/var', code: 'unknown_data_property', message: 'reads "/knd", which is not in the data schema (did you mean "/kind"?)' }],
  ['wrong number of arguments', (d) => (d.steps[0].items[2].visibleWhen = { '==': [{ var: '/kind' }] }),
    { path: '/steps/0/items/2/visibleWhen/==', code: 'wrong_arity', message: '"==" takes 2 arguments, not 1' }],
  ['computed values in a circle', (d) => {
    d.schema.properties.other = { type: 'number' };
    d.steps[0].items[3].computed = { '+': [{ var: '/other' }, 1] };
    d.steps[0].items.push({ field: '/other', label: { 'zh-Hant-TW': '其他', en: 'Other' }, computed: { '+': [{ var: '/total' }, 1] } });
  }, { code: 'computed_cycle' }],
  ['required by the schema but conditional', (d) => d.schema.required.push('note'), { path: '/steps/0/items/2/field', code: 'required_but_conditional' }],
  ['unknown format', (d) => (d.schema.properties.name.format = 'tw-nationalid'),
    { path: '/schema/properties/name/format', code: 'unknown_format', message: 'unknown format "tw-nationalid" (did you mean "tw-national-id"?); known formats: date, email, tw-national-id, tw-resident-id, tw-person-id, tw-business-id, tw-mobile, tw-phone, tw-bank-account' }],
  ['a calendar on a field that is not a date', (d) => (d.steps[0].items[0].calendar = 'roc'), { path: '/steps/0/items/0/calendar', code: 'calendar_not_date' }],
  ['a currency on a field that is not a number', (d) => (d.steps[0].items[0].currency = 'TWD'), { path: '/steps/0/items/0/currency', code: 'currency_not_number' }],
  ['an option list no field uses', (d) => (d.optionSets = { spare: [{ value: 'a', label: { 'zh-Hant-TW': '甲', en: 'A' } }] }), { path: '/optionSets/spare', code: 'unused_option_set', severity: 'warning' }],
  ['districts without their county', (d) => { d.schema.properties.note = { type: 'string' }; d.steps[0].items[2].widget = 'select'; d.steps[0].items[2].options = { source: 'tw-districts' }; },
    { path: '/steps/0/items/2/options', code: 'missing_county' }],
  ['districts of a county that is not an answer', (d) => { d.steps[0].items[2].widget = 'select'; d.steps[0].items[2].options = { source: 'tw-districts', county: '/cuonty' }; },
    { path: '/steps/0/items/2/options/county', code: 'unknown_data_property' }],
  ['field on an object', (d) => { d.schema.properties.note = { type: 'object', properties: {} }; }, { path: '/steps/0/items/2/field', code: 'not_a_value' }],
];

for (const [name, breakIt, expected] of cases) {
  test(`reports: ${name}`, () => {
    const definition = minimal();
    breakIt(definition);
    const problems = problemsOf(definition);
    const match = problems.find((p) => Object.entries(expected).every(([k, v]) => p[k as keyof Problem] === v));
    assert.ok(match, `expected ${JSON.stringify(expected)} among:\n${problems.map((p) => formatProblem(p)).join('\n')}`);
  });
}

test('missing translations and unbound properties are warnings, not errors', () => {
  const definition = minimal();
  definition.steps[0].items[0].label = { 'zh-Hant-TW': '姓名' };
  definition.schema.properties.extra = { type: 'string' };
  const result = loadDefinition(definition);
  assert.ok(result.ok);
  assert.deepEqual(result.warnings.map((p) => [p.path, p.code]), [
    ['/steps/0/items/0/label', 'missing_translation'],
    ['/schema/properties/extra', 'unbound_property'],
  ]);
});

test('every problem of a broken text definition carries the line of the place that is wrong', () => {
  const text = JSON.stringify(minimal(), null, 2).replace('"widget": "radio"', '"widget": "radios"').replace('"id": "main"', '"id": "Main"');
  const result = loadDefinition(text);
  assert.equal(result.ok, false);
  const lines = text.split('\n');
  const problems = result.ok ? [] : result.problems;
  assert.equal(problems.length, 2);
  for (const problem of problems) assert.match(lines[problem.line! - 1]!, problem.code === 'wrong_value' ? /"widget": "radios"/ : /"id": "Main"/);
});

test('a key written twice is an error with its line', () => {
  const text = '{\n"formatVersion": 1,\n"formatVersion": 1\n}';
  const result = loadDefinition(text);
  assert.ok(!result.ok);
  assert.ok(result.problems.some((p) => p.code === 'duplicate_key' && p.line === 3));
});

test('text that is not JSON gives one problem with its position', () => {
  const result = loadDefinition('{\n  "id": "x",\n}');
  assert.ok(!result.ok);
  assert.deepEqual(result.problems.map((p) => [p.code, p.line, p.column]), [['json_syntax', 3, 1]]);
});

test('migrations run one version at a time, and a missing one is reported', () => {
  const migrations = new Map([[0, ({ pages, ...rest }: Record<string, unknown>) => ({ ...rest, steps: pages })]]);
  const old = minimal();
  old.formatVersion = 0;
  old.pages = old.steps;
  delete old.steps;
  const migrated = loadDefinition(JSON.parse(JSON.stringify(old)), { migrations });
  assert.ok(migrated.ok, JSON.stringify(migrated));
  assert.equal(migrated.definition.formatVersion, 1);
  assert.equal(migrated.definition.steps.length, 1);
  const result = loadDefinition(old);
  assert.ok(!result.ok);
  assert.equal(result.problems[0]!.code, 'no_migration');
});

test('requireDefinition throws a DefinitionError listing the problems', () => {
  const broken: Record<string, unknown> = minimal();
  delete broken.title;
  assert.throws(() => requireDefinition(broken), (e: unknown) => e instanceof DefinitionError && e.problems.length === 1 && /title/.test(e.message));
});

test('the data schema speaks a closed vocabulary: unknown keywords and wrong values are refused, each at its place', () => {
  const draft = minimal();
  draft.schema.properties.name = { type: 'strng', minLength: -1, maxLenght: 5, pattern: 3, required: 'x' };
  draft.schema.properties.kind.enum = [];
  const problems = problemsOf(draft).filter((p) => p.severity === 'error' && p.path.startsWith('/schema/')).map((p) => [p.path, p.code, p.message]);
  assert.deepEqual(problems, [
    ['/schema/properties/name/type', 'wrong_value', 'unknown type "strng" (did you mean "string"?); types: string, number, integer, boolean, object, array, null'],
    ['/schema/properties/name/minLength', 'wrong_type', '"minLength" must be a whole number, 0 or more'],
    ['/schema/properties/name/maxLenght', 'unknown_keyword', 'unknown keyword "maxLenght" (did you mean "maxLength"?)'],
    ['/schema/properties/name/pattern', 'wrong_type', '"pattern" must be a regular expression, as a string'],
    ['/schema/properties/name/required', 'wrong_type', '"required" must be a list of property names'],
    ['/schema/properties/kind/enum', 'too_few', '"enum" must list at least one value'],
  ]);
});

test('a keyword the format leaves out on purpose is refused with the list of those it supports', () => {
  const draft = minimal();
  draft.schema.properties.name = { type: 'string', patternProperties: {} };
  const problem = problemsOf(draft).find((p) => p.code === 'unknown_keyword')!;
  assert.equal(problem.path, '/schema/properties/name/patternProperties');
  assert.match(problem.message, /supports \$ref, \$defs, .*minLength/);
});

test('yes/no boxes side by side with no question above them are a warning: a section\'s title asks it', () => {
  const draft = minimal();
  draft.schema.properties.married = { type: 'boolean' };
  draft.schema.properties.children = { type: 'boolean' };
  const boxes = [{ field: '/married', label: { 'zh-Hant-TW': '婚後兩年內', en: 'Married' } }, { field: '/children', label: { 'zh-Hant-TW': '育有未成年子女', en: 'Children' } }];
  draft.steps[0].items.push(...boxes);
  assert.deepEqual(problemsOf(draft).filter((p) => p.code === 'checkboxes_without_question').map((p) => p.path), ['/steps/0/items/4']);
  draft.steps[0].items.splice(4, 2, { section: 'applies', title: { 'zh-Hant-TW': '是否符合下列情形？', en: 'Do any of these apply?' }, items: boxes });
  assert.deepEqual(problemsOf(draft).filter((p) => p.code === 'checkboxes_without_question'), []);
});
