// A control never shows a value that is not its answer: every kind of control, after Continue, Back, a Change
// link, a step appearing by a rule, a repeat entry removed, and a language switch.
import { expect, fixture, html, aTimeout, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import type { FormosaForm } from './form.js';
import '../../internal/clean-device.test-helper.js';

const T = (zh: string, en: string) => ({ 'zh-Hant-TW': zh, en });
const COUNTIES = ['TPE', 'NWT', 'TAO', 'TXG', 'TNN', 'KHH', 'KEE'];

/** The same kinds of control, in the same order, bound to `/<prefix>…`: a step whose elements Lit could reuse for another. */
function kinds(prefix: string) {
  const schema = {
    [`${prefix}Text`]: { type: 'string', maxLength: 50 },
    [`${prefix}Number`]: { type: 'integer' },
    [`${prefix}Long`]: { type: 'string', maxLength: 500 },
    [`${prefix}Pick`]: { type: 'string', enum: COUNTIES },
    [`${prefix}Radio`]: { type: 'string', enum: ['a', 'b'] },
    [`${prefix}Tick`]: { type: 'boolean' },
    [`${prefix}Date`]: { type: 'string', format: 'date' },
    [`${prefix}Roc`]: { type: 'string', format: 'date' },
    [`${prefix}Files`]: { type: 'array', maxItems: 2, items: { type: 'object' } },
  };
  const items = [
    { field: `/${prefix}Text`, label: T(`${prefix}文字`, `${prefix} text`) },
    { field: `/${prefix}Number`, label: T(`${prefix}數字`, `${prefix} number`) },
    { field: `/${prefix}Long`, label: T(`${prefix}長文`, `${prefix} long`) },
    { field: `/${prefix}Pick`, label: T(`${prefix}選單`, `${prefix} pick`), options: COUNTIES.map((c) => ({ value: c, label: T(c, c) })) },
    { field: `/${prefix}Radio`, label: T(`${prefix}單選`, `${prefix} radio`), options: [{ value: 'a', label: T('甲', 'A') }, { value: 'b', label: T('乙', 'B') }] },
    { field: `/${prefix}Tick`, label: T(`${prefix}勾選`, `${prefix} tick`) },
    { field: `/${prefix}Date`, label: T(`${prefix}日期`, `${prefix} date`) },
    { field: `/${prefix}Roc`, label: T(`${prefix}民國`, `${prefix} ROC date`), calendar: 'roc' },
    { field: `/${prefix}Files`, label: T(`${prefix}檔案`, `${prefix} files`), widget: 'file' },
  ];
  return { schema, items };
}

const one = kinds('one');
const two = kinds('two');
const three = kinds('three');
const definition = {
  formatVersion: 1, id: 'truth', version: '1', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'], title: T('真實', 'Truth'),
  schema: {
    type: 'object',
    properties: {
      ...one.schema, ...two.schema, ...three.schema,
      people: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, born: { type: 'string', format: 'date' } } } },
    },
  },
  steps: [
    { id: 'one', title: T('第一步', 'One'), items: one.items },
    // Shown only when step one's radio is "b": it appears between one and two by a rule.
    { id: 'three', title: T('第三步', 'Three'), visibleWhen: { '==': [{ var: '/oneRadio' }, 'b'] }, items: three.items },
    { id: 'two', title: T('第二步', 'Two'), items: [...two.items, {
      repeat: '/people', title: T('同住者', 'People'), itemTitle: T('第 {number} 位', 'Person {number}'), addLabel: T('新增', 'Add'),
      items: [{ field: 'name', label: T('姓名', 'Name') }, { field: 'born', label: T('出生', 'Born'), calendar: 'roc' }],
    }] },
  ],
  submission: { endpoint: '/nowhere/submissions' },
};

type Host = HTMLElement & { options?: { value: unknown }[]; value?: unknown; updateComplete?: Promise<unknown> };

const $ = (form: FormosaForm, selector: string) => form.shadowRoot!.querySelector<Host>(selector);
const answers = (form: FormosaForm) => (form.persistedSnapshot() as { context: { form: { values: Record<string, unknown> } } }).context.form.values;
const button = (form: FormosaForm, text: string) => [...form.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
const settle = async (form: FormosaForm) => {
  await form.updateComplete;
  await Promise.all([...form.shadowRoot!.querySelectorAll<Host>('[data-path]')].map((h) => h.updateComplete));
  await aTimeout(0);
};

function valueAt(values: unknown, path: string): unknown {
  return path.split('/').slice(1).reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), values);
}

/** What a control shows, read from its native inputs, in the form of its answer. */
function shown(host: Host): unknown {
  const root = host.shadowRoot!;
  const select = root.querySelector('select');
  if (select) return select.value === '-1' ? undefined : host.options![Number(select.value)]!.value;
  const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
  if (radios.length) {
    const index = radios.findIndex((r) => r.checked);
    return index < 0 ? undefined : host.options![index]!.value;
  }
  if (host.tagName === 'FORMOSA-FILE-FIELD') {
    const names = [...root.querySelectorAll('li .name')].map((n) => n.textContent!.replace(/\s*\([^)]*\)\s*$/, '').trim());
    return names.length ? names : undefined;
  }
  const inputs = [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')];
  if (inputs.length === 1 && inputs[0]!.type === 'checkbox') return (inputs[0] as HTMLInputElement).checked ? true : undefined;
  if (inputs.length === 3) {
    const [year, month, day] = inputs.map((i) => i.value);
    const offset = host.getAttribute('calendar') === 'roc' ? 1911 : 0;
    return year || month || day ? `${Number(year) + offset}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` : undefined;
  }
  return inputs[0]!.value === '' ? undefined : inputs[0]!.value;
}

/** What the answer at a path should show as. */
function expected(values: unknown, path: string): unknown {
  const value = valueAt(values, path);
  if (Array.isArray(value)) return value.length ? value.map((f) => (f as { name: string }).name) : undefined;
  if (value === false || value === '' || value === null) return undefined;
  return typeof value === 'number' ? String(value) : value;
}

/** Every control on screen shows exactly its own answer. */
function expectTruth(form: FormosaForm, when: string): void {
  const values = answers(form);
  const hosts = [...form.shadowRoot!.querySelectorAll<Host>('[data-path]')].filter((h) => h.tagName.startsWith('FORMOSA-'));
  expect(hosts.length, `${when}: controls on screen`).to.be.greaterThan(0);
  for (const host of hosts) {
    const path = host.dataset['path']!;
    expect(shown(host), `${when}: ${path} shows its own answer`).to.deep.equal(expected(values, path));
  }
}

const file = (name: string) => ({ id: `att-${name}`, name, size: 1200, type: 'application/pdf' });

async function typeInto(form: FormosaForm, path: string, text: string, box = 0) {
  const input = $(form, `[data-path="${path}"]`)!.shadowRoot!.querySelectorAll<HTMLInputElement>('input, textarea')[box]!;
  input.focus();
  await sendKeys({ type: text });
  await settle(form);
}

async function pick(form: FormosaForm, path: string, index: number) {
  const host = $(form, `[data-path="${path}"]`)!;
  const select = host.shadowRoot!.querySelector('select');
  if (select) {
    select.value = String(index);
    select.dispatchEvent(new Event('change'));
  } else host.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')[index]!.click();
  await settle(form);
}

/** Answers every control of a step by the citizen's own means (typing, clicking), not by setting properties. */
async function fill(form: FormosaForm, prefix: string, text: string) {
  await typeInto(form, `/${prefix}Text`, text);
  await typeInto(form, `/${prefix}Number`, String(text.length));
  await typeInto(form, `/${prefix}Long`, `${text} long`);
  await pick(form, `/${prefix}Pick`, text.length % 5);
  await pick(form, `/${prefix}Radio`, 1);
  await pick(form, `/${prefix}Tick`, 0);
  for (const [box, part] of ['2024', '5', '2'].entries()) await typeInto(form, `/${prefix}Date`, part, box);
  for (const [box, part] of ['79', '5', '2'].entries()) await typeInto(form, `/${prefix}Roc`, part, box);
}

async function go(form: FormosaForm, label: string, title: string) {
  button(form, label).click();
  await settle(form);
  await waitUntil(() => $(form, '.step-title')?.textContent === title, `on "${title}"`);
  await settle(form);
}

describe('formosa-form: every control shows its own answer and nothing else', () => {
  it('after Continue, Back, a step shown by a rule, a Change link, a removed entry and a language switch', async () => {
    const form = await fixture<FormosaForm>(html`<formosa-form locale="zh-Hant-TW" .definition=${definition} .values=${{ oneFiles: [file('one.pdf')] }}></formosa-form>`);
    await waitUntil(() => $(form, '.step-title'), 'rendered');
    await settle(form);
    expectTruth(form, 'first render');
    await fill(form, 'one', '王小明');
    expectTruth(form, 'step one answered');

    await go(form, '繼續', '第三步');
    expectTruth(form, 'Continue to the step shown by a rule');
    await go(form, '上一步', '第一步');
    expectTruth(form, 'Back to step one');
    await pick(form, '/oneRadio', 0);
    await go(form, '繼續', '第二步');
    expectTruth(form, 'Continue to step two (the rule hid step three)');
    await fill(form, 'two', '陳大文');
    expectTruth(form, 'step two answered');

    // Two entries typed into, then the first removed: the one left shows the second's answers.
    button(form, '新增').click();
    await settle(form);
    await typeInto(form, '/people/0/name', '甲一');
    button(form, '新增').click();
    await settle(form);
    await typeInto(form, '/people/1/name', '乙二');
    for (const [box, part] of ['80', '6', '3'].entries()) await typeInto(form, '/people/1/born', part, box);
    expectTruth(form, 'two entries');
    button(form, '移除第 1 位').click();
    await settle(form);
    expectTruth(form, 'first entry removed');
    expect(valueAt(answers(form), '/people/0/name')).to.equal('乙二');

    form.locale = 'en';
    await waitUntil(() => $(form, '.step-title')?.textContent === 'Two', 'in English');
    await settle(form);
    expectTruth(form, 'after a language switch');

    await go(form, 'Continue', 'Check your answers before sending');
    const review = $(form, 'formosa-review')!;
    await review.updateComplete;
    const change = [...review.shadowRoot!.querySelectorAll('button')].find((b) => b.getAttribute('aria-label')?.includes('one text'))!;
    change.click();
    await settle(form);
    await waitUntil(() => $(form, '.step-title')?.textContent === 'One', 'Change opened step one');
    await settle(form);
    expectTruth(form, 'a Change link back to step one');
  });
});
