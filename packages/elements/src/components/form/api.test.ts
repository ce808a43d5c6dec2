// The element's public API, as a host page uses it: methods, `values` after load, and the load and validation events.
import { aTimeout, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import type { FormosaForm } from './form.js';
import type { FormosaLoadEvent, FormosaValidationEvent } from '../../internal/events.js';
import '../../internal/clean-device.test-helper.js';

const T = (zh: string, en: string) => ({ 'zh-Hant-TW': zh, en });
const definition = {
  formatVersion: 1, id: 'api-test', version: '2.1.0', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'], title: T('介面', 'API'),
  schema: {
    type: 'object', required: ['name', 'note'],
    properties: {
      name: { type: 'string' }, email: { type: 'string', format: 'email' }, city: { type: 'string' }, note: { type: 'string' },
      people: { type: 'array', items: { type: 'object', properties: { who: { type: 'string' } } } },
    },
  },
  steps: [
    {
      id: 'one', title: T('第一步', 'Step one'),
      items: [
        { field: '/name', label: T('姓名', 'Name') }, { field: '/email', label: T('電子郵件', 'Email') }, { field: '/city', label: T('城市', 'City'), checks: [{ assert: { '!=': [{ var: '/city' }, { var: '/name' }] }, message: T('城市不是姓名', 'A city, not your name') }] },
        { repeat: '/people', title: T('同住者', 'People'), itemTitle: T('第 {number} 位', 'Person {number}'), addLabel: T('新增', 'Add'), items: [{ field: 'who', label: T('是誰', 'Who') }] },
      ],
    },
    { id: 'two', title: T('第二步', 'Step two'), items: [{ field: '/note', label: T('備註', 'Note') }] },
  ],
  submission: { endpoint: '/nowhere/submissions' },
};

/** Every event the form dispatched, by type, from before it was connected. */
type Heard = Map<string, Event[]>;
const HEARD = ['formosa-load', 'formosa-validation', 'formosa-step-change', 'formosa-before-submit', 'formosa-draft-restored'];

async function mount(values?: Record<string, unknown>): Promise<{ form: FormosaForm; heard: Heard }> {
  const form = document.createElement('formosa-form');
  const heard: Heard = new Map(HEARD.map((type) => [type, []]));
  for (const type of HEARD) form.addEventListener(type, (event) => heard.get(type)!.push(event));
  form.locale = 'en';
  form.definition = definition as never;
  if (values) form.values = values;
  document.body.append(form);
  await waitUntil(() => heard.get('formosa-load')!.length > 0, 'loaded');
  return { form, heard };
}

afterEach(() => {
  document.querySelectorAll('formosa-form').forEach((form) => form.remove());
  fixtureCleanup();
});

const $ = (form: FormosaForm, selector: string) => form.shadowRoot!.querySelector<HTMLElement>(selector);
const field = (form: FormosaForm, path: string) => $(form, `[data-path="${path}"]`) as HTMLElement & { error: string; value: unknown; disabled: boolean; readonly?: boolean };
const settle = async (form: FormosaForm) => {
  await form.updateComplete;
  await aTimeout(0);
  await form.updateComplete;
};
async function type(form: FormosaForm, path: string, text: string) {
  field(form, path).shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!.focus();
  await sendKeys({ type: text });
  await settle(form);
}
/** Where the focus is, through shadow roots (as text: a failed comparison of elements takes chai ages to print). */
const focused = () => {
  const chain: string[] = [];
  for (let active = document.activeElement; active; active = active.shadowRoot?.activeElement ?? null) chain.push(active.getAttribute('data-path') ?? active.localName);
  return chain.join(' > ');
};
const validations = (heard: Heard) => heard.get('formosa-validation')! as FormosaValidationEvent[];

describe('formosa-form API', () => {
  it('formosa-load: once, after the first step is on screen, with the form id and version', async () => {
    const { form, heard } = await mount();
    const [loaded, ...more] = heard.get('formosa-load')! as FormosaLoadEvent[];
    expect(more).to.have.length(0);
    expect([loaded!.formId, loaded!.version]).to.deep.equal(['api-test', '2.1.0']);
    expect($(form, '.step-title')!.textContent).to.equal('Step one');
    expect(loaded!.bubbles && loaded!.composed).to.equal(true);
  });

  it('validate(): shows the step errors as a refused Continue does, without moving on; formosa-validation carries codes, never values', async () => {
    const { form, heard } = await mount();
    await type(form, '/email', 'secret-value@');
    expect(await form.validate()).to.equal(false);
    await settle(form);
    expect(form.view).to.equal('one');
    expect(field(form, '/name').error).to.equal('Enter “Name”');
    expect(field(form, '/email').error).not.to.equal('');
    expect(focused()).to.equal('formosa-form > formosa-error-summary > div', 'the summary, as after Continue');
    const [shown] = validations(heard);
    expect(shown!.errors).to.deep.equal([{ path: '/name', code: 'required' }, { path: '/email', code: 'format' }]);
    expect(JSON.stringify(shown!.errors)).not.to.contain('secret');

    await type(form, '/name', 'Lin');
    field(form, '/email').shadowRoot!.querySelector('input')!.select();
    await sendKeys({ press: 'Backspace' });
    await settle(form);
    expect(await form.validate()).to.equal(true);
    await settle(form);
    expect(form.view).to.equal('one', 'validate() never continues');
    expect(field(form, '/name').error).to.equal('');
    expect(validations(heard)).to.have.length(1, 'no event when nothing was shown');
  });

  it('validate(): a step that now passes loses the errors still on screen (a check across answers)', async () => {
    const { form, heard } = await mount();
    await type(form, '/name', 'Lin');
    await type(form, '/city', 'Lin');
    expect(await form.validate()).to.equal(false);
    await settle(form);
    expect(field(form, '/city').error).to.equal('A city, not your name');
    await type(form, '/name', ' Mei'); // fixes the city's check, which typing in the name does not re-run
    expect(field(form, '/city').error).to.equal('A city, not your name');
    expect(await form.validate()).to.equal(true);
    await settle(form);
    expect(field(form, '/city').error).to.equal('');
    expect(form.view).to.equal('one');
    expect(validations(heard)).to.have.length(1);
  });

  it('reportValidity(): like validate, and moves focus to the first error', async () => {
    const { form, heard } = await mount();
    expect(await form.reportValidity()).to.equal(false);
    await settle(form);
    expect(focused()).to.match(/^formosa-form > \/name > /);
    expect(validations(heard)).to.have.length(1);
    await type(form, '/name', 'Lin');
    expect(await form.reportValidity()).to.equal(true);
  });

  it('submit(): on a step it is Continue (refused with errors, else on); from the review it sends, after a cancelable formosa-before-submit', async () => {
    const { form, heard } = await mount();
    form.submit();
    await settle(form);
    expect(form.view).to.equal('one');
    expect(validations(heard).at(-1)!.errors).to.deep.equal([{ path: '/name', code: 'required' }]);
    await type(form, '/name', 'Lin');
    form.submit();
    await settle(form);
    expect(form.view).to.equal('two', 'one step per call');
    await type(form, '/note', 'ok');
    form.submit();
    await settle(form);
    expect(form.view).to.equal('review');
    form.addEventListener('formosa-before-submit', (event) => event.preventDefault(), { once: true });
    form.submit();
    await settle(form);
    const [before] = heard.get('formosa-before-submit')!;
    expect((before as Event & { data: unknown }).data).to.deep.equal({ people: [], name: 'Lin', note: 'ok' });
    expect(form.view).to.equal('review', 'the host cancelled the send');
  });

  it('goTo(): only to a step the citizen has reached; says whether it moved', async () => {
    const { form, heard } = await mount();
    expect(form.goTo('two')).to.equal(false, 'not reached yet');
    expect(form.goTo('nowhere')).to.equal(false);
    await type(form, '/name', 'Lin');
    form.submit();
    await settle(form);
    expect(form.goTo('one')).to.equal(true);
    await settle(form);
    expect(form.view).to.equal('one');
    expect(form.goTo('two')).to.equal(true, 'reached before');
    expect(heard.get('formosa-step-change')!.map((e) => (e as Event & { to: string }).to)).to.deep.equal(['one', 'two', 'one', 'two']);
  });

  it('reset(): back to the first step with the values given before load, and the draft on this device gone', async () => {
    let { form, heard } = await mount({ city: 'Tainan' });
    await type(form, '/name', 'Lin');
    form.submit();
    await settle(form);
    await form.saveDraft();
    form.remove();
    ({ form, heard } = await mount({ city: 'Tainan' }));
    expect(heard.get('formosa-draft-restored')).to.have.length(1, 'the draft was kept');
    expect(form.view).to.equal('two');

    await form.reset();
    await settle(form);
    expect(form.view).to.equal('one');
    expect(form.data).to.deep.equal({ people: [], city: 'Tainan' });
    expect($(form, '.step-title')!.textContent).to.equal('Step one');
    form.remove();
    ({ form } = await mount());
    // The fresh application may itself be kept (as any is), but nothing of the discarded one comes back.
    expect(form.view).to.equal('one');
    expect(form.data).not.to.have.property('name');
  });

  it('values set after load are merged into the answers (a list given replaces the list), not locked, and clear errors they fix', async () => {
    const { form } = await mount({ people: [{ who: 'x' }, { who: 'y' }] });
    await type(form, '/city', 'Taipei');
    await form.validate();
    await settle(form);
    expect(field(form, '/name').error).to.equal('Enter “Name”');

    form.values = { name: 'Lin', people: [{ who: 'z' }] };
    await settle(form);
    expect(form.data).to.deep.equal({ name: 'Lin', city: 'Taipei', people: [{ who: 'z' }] });
    expect(field(form, '/name').value).to.equal('Lin');
    expect(field(form, '/name').error).to.equal('', 'the error it fixed is gone');
    expect(form.shadowRoot!.querySelectorAll('[data-path^="/people/"]')).to.have.length(1);
    await type(form, '/name', ' Mei');
    expect((form.data as { name: string }).name).to.equal('Lin Mei', 'the host prefill stays editable');

    form.values = { city: 'Keelung' };
    form.locale = 'zh-Hant-TW'; // in the same update: both happen
    await waitUntil(() => $(form, '.step-title')!.textContent === '第一步', 'the language changed too');
    expect((form.data as { city: string }).city).to.equal('Keelung');
  });
});
