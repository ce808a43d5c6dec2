// The shared suite: every field control, inside a real <form>, behaves like a native control.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { FormosaField } from './field.js';
import { FormosaInputEvent } from './events.js';

const choices = [
  { value: 'TPE', label: '臺北市' },
  { value: 'NWT', label: '新北市' },
];

interface Control {
  readonly tag: string;
  /** Extra attributes, e.g. calendar="roc". */
  readonly attrs?: string;
  /** Prepares the control (e.g. a file field's uploader). */
  readonly setup?: (el: FormosaField) => void;
  /** Answers like a citizen: real keystrokes, or a click on a choice. */
  readonly answer: (el: FormosaField) => Promise<void>;
  /** What a native form submits after that answer. */
  readonly submitted: string;
  readonly value?: unknown;
  readonly options?: boolean;
}

const native = (el: FormosaField) => el.shadowRoot!.querySelector<HTMLElement>('input, select, textarea')!;
/** Whatever the citizen can operate (a file field's Remove button, once it holds its one file). */
const operable = (el: FormosaField) => el.shadowRoot!.querySelector<HTMLElement>('input, select, textarea, button')!;
const typeInto = (text: string) => async (el: FormosaField) => {
  native(el).focus();
  await sendKeys({ type: text });
};

const controls: Control[] = [
  { tag: 'formosa-text-field', answer: typeInto('林小美'), submitted: '林小美' },
  { tag: 'formosa-number-field', answer: typeInto('12000'), submitted: '12000' },
  { tag: 'formosa-textarea-field', answer: typeInto('請協助安裝'), submitted: '請協助安裝' },
  {
    tag: 'formosa-date-field',
    answer: async (el) => {
      native(el).focus();
      await sendKeys({ type: '05022024' });
    },
    submitted: '2024-05-02',
  },
  {
    tag: 'formosa-select-field',
    options: true,
    answer: async (el) => {
      native(el).focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
    },
    submitted: 'NWT',
  },
  {
    tag: 'formosa-radio-group',
    options: true,
    answer: async (el) => {
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]!.focus();
      await sendKeys({ press: 'Space' });
    },
    submitted: 'NWT',
  },
  {
    tag: 'formosa-date-field',
    attrs: 'calendar="roc"',
    answer: async (el) => {
      native(el).focus();
      await sendKeys({ type: '113' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '5' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '2' });
    },
    submitted: '2024-05-02',
  },
  {
    tag: 'formosa-file-field',
    // Used alone, the host decides where files go: here an uploader that keeps them in the page.
    setup: (el) => {
      (el as unknown as { uploader: (file: File) => Promise<unknown> }).uploader = async (file) => ({ id: `local-${file.name}`, name: file.name, type: file.type, size: file.size });
    },
    answer: async (el) => {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
      const files = new DataTransfer();
      files.items.add(new File(['%PDF-1.4'], 'lease.pdf', { type: 'application/pdf' }));
      input.files = files.files;
      // As a browser's file chooser does: input (composed), then change.
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
    submitted: 'local-lease.pdf',
  },
  {
    tag: 'formosa-checkbox-field',
    answer: async (el) => {
      native(el).focus();
      await sendKeys({ press: 'Space' });
    },
    submitted: 'on',
  },
];

let current: Control | undefined;

const STATES = ['required', 'disabled', 'readonly', 'blank', 'valid', 'invalid', 'user-valid', 'user-invalid'];
const statesOf = (el: Element) => STATES.filter((state) => el.matches(`:state(${state})`));
/** Focus moves on, as after answering: a typed answer is committed (change) on blur. */
async function leave(el: FormosaField) {
  (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  await el.updateComplete;
}
/** What the control holds: its value, or whether it is ticked. */
const held = (el: FormosaField) => ('checked' in el ? (el as unknown as { checked: boolean }).checked : (el as unknown as { value: unknown }).value);

async function inForm(tag: string, options: boolean, attributes = '') {
  const form = await fixture<HTMLFormElement>(html`<form></form>`);
  form.innerHTML = `<${tag} name="answer" label="問題" ${current?.attrs ?? ''} ${attributes}></${tag}>`;
  const el = form.firstElementChild as FormosaField & { options?: unknown };
  if (options) el.options = choices;
  current?.setup?.(el);
  await el.updateComplete;
  return { form, el };
}

for (const control of controls) {
  describe(`${control.tag}${control.attrs ? ` (${control.attrs})` : ''} behaves like a native control`, () => {
    beforeEach(() => (current = control));
    it('is submitted with its form once answered, and not before', async () => {
      const { form, el } = await inForm(control.tag, Boolean(control.options));
      expect(new FormData(form).has('answer')).to.equal(false);
      await control.answer(el);
      await el.updateComplete;
      expect(new FormData(form).get('answer')).to.equal(control.submitted);
      expect(el.form).to.equal(form);
    });

    it('is invalid while required and unanswered, valid once answered', async () => {
      const { form, el } = await inForm(control.tag, Boolean(control.options), 'required');
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      await control.answer(el);
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
    });

    it('is left out of the form data while disabled', async () => {
      const { form, el } = await inForm(control.tag, Boolean(control.options));
      await control.answer(el);
      el.disabled = true;
      await el.updateComplete;
      expect(new FormData(form).has('answer')).to.equal(false);
    });

    it('shows an error wired to its control: aria-invalid, aria-describedby, a hidden "Error:" prefix, :state(user-invalid)', async () => {
      const { form, el } = await inForm(control.tag, Boolean(control.options), 'hint="說明"');
      el.setCustomValidity('請填寫「問題」');
      await el.updateComplete;
      const describedBy = el.shadowRoot!.querySelector('[aria-describedby]')!.getAttribute('aria-describedby')!;
      expect(describedBy.split(' ')).to.include.members(['hint', 'error']);
      expect(el.shadowRoot!.querySelector('[aria-invalid="true"]')).to.exist;
      expect(el.shadowRoot!.getElementById('error')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Error: 請填寫「問題」');
      expect(el.shadowRoot!.querySelector('#error .visually-hidden')).to.exist;
      expect(el.matches(':state(user-invalid)')).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      el.setCustomValidity('');
      await el.updateComplete;
      expect(el.matches(':state(user-invalid)')).to.equal(false);
    });

    it('fires formosa-input on the citizen\'s input, never on a programmatic change', async () => {
      const { el } = await inForm(control.tag, Boolean(control.options));
      const seen: unknown[] = [];
      el.addEventListener(FormosaInputEvent.type, (e) => seen.push((e as FormosaInputEvent).value));
      const programmatic = control.tag === 'formosa-file-field' ? [{ id: 'x', name: 'x.pdf', type: 'application/pdf', size: 1 }] : control.options ? 'TPE' : 'x';
      if ('checked' in el) (el as unknown as { checked: boolean }).checked = true;
      else (el as unknown as { value: unknown }).value = programmatic;
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
      if ('checked' in el) (el as unknown as { checked: boolean }).checked = false;
      else (el as unknown as { value: unknown }).value = control.tag === 'formosa-file-field' ? [] : control.options ? undefined : '';
      await el.updateComplete;
      const event = oneEvent(el, FormosaInputEvent.type);
      await control.answer(el);
      expect(((await event) as unknown as FormosaInputEvent).name).to.equal('answer');
    });

    it('keeps its custom states true to the control, styleable with :state()', async () => {
      const { el } = await inForm(control.tag, Boolean(control.options), 'required');
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('[name=answer]:state(user-invalid) { outline: 3px solid rgb(1, 2, 3); }');
      document.adoptedStyleSheets = [sheet];
      try {
        expect(statesOf(el)).to.deep.equal(['required', 'blank', 'invalid']);
        await control.answer(el);
        await leave(el);
        expect(statesOf(el)).to.deep.equal(['required', 'valid', 'user-valid']);
        el.setCustomValidity('請再確認');
        await el.updateComplete;
        expect(statesOf(el)).to.deep.equal(['required', 'invalid', 'user-invalid']);
        expect(getComputedStyle(el).outlineColor).to.equal('rgb(1, 2, 3)');
        el.setCustomValidity('');
        el.readonly = true;
        await el.updateComplete;
        expect(statesOf(el)).to.deep.equal(['required', 'readonly'], 'read-only, it is not validated (as a native control)');
        el.readonly = false;
        el.disabled = true;
        await el.updateComplete;
        expect(statesOf(el)).to.deep.equal(['required', 'disabled']);
      } finally {
        document.adoptedStyleSheets = [];
      }
    });

    it('returns to its default on form.reset(), untouched again', async () => {
      const { form, el } = await inForm(control.tag, Boolean(control.options), 'required');
      await control.answer(el);
      await leave(el);
      form.reset();
      await el.updateComplete;
      expect(new FormData(form).has('answer')).to.equal(false);
      expect(statesOf(el)).to.deep.equal(['required', 'blank', 'invalid']);
    });

    it('is disabled by a disabled fieldset, and its author\'s own disabled survives the fieldset\'s return', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset></fieldset></form>`);
      const fieldset = form.firstElementChild as HTMLFieldSetElement;
      fieldset.innerHTML = `<${control.tag} name="answer" label="問題" ${control.attrs ?? ''}></${control.tag}><${control.tag} name="own" label="停用" ${control.attrs ?? ''} disabled></${control.tag}>`;
      const [el, own] = [...fieldset.children] as (FormosaField & { options?: unknown })[];
      for (const field of [el!, own!]) {
        if (control.options) field.options = choices;
        control.setup?.(field);
        await field.updateComplete;
      }
      await control.answer(el!);
      await el!.updateComplete;
      fieldset.disabled = true;
      await el!.updateComplete;
      expect([el!.disabled, statesOf(el!).includes('disabled'), operable(el!).matches(':disabled')]).to.deep.equal([false, true, true]);
      expect(new FormData(form).has('answer')).to.equal(false);
      fieldset.disabled = false;
      await el!.updateComplete;
      await own!.updateComplete;
      expect([statesOf(el!).includes('disabled'), operable(el!).matches(':disabled')]).to.deep.equal([false, false]);
      expect(new FormData(form).get('answer')).to.equal(control.submitted);
      expect([own!.disabled, statesOf(own!).includes('disabled'), operable(own!).matches(':disabled')]).to.deep.equal([true, true, true], 'the author\'s disabled');
    });

    it('restores the state it gave the form (formStateRestoreCallback)', async () => {
      const { form, el } = await inForm(control.tag, Boolean(control.options));
      await control.answer(el);
      await el.updateComplete;
      const state = (el as unknown as { formState: string | null }).formState;
      const again = document.createElement(control.tag) as FormosaField & { options?: unknown };
      again.setAttribute('name', 'again');
      for (const attribute of (control.attrs ?? '').split(' ').filter(Boolean)) again.setAttribute(...(attribute.replace(/"/g, '').split('=') as [string, string]));
      if (control.options) again.options = choices;
      control.setup?.(again);
      form.append(again);
      again.formStateRestoreCallback(state);
      await again.updateComplete;
      expect(new FormData(form).get('again')).to.equal(control.submitted);
      expect(held(again)).to.deep.equal(held(el));
    });

    it('relays a committed answer as a native change on the host (bubbling, like the native one); the native input reaches it too', async () => {
      const { form, el } = await inForm(control.tag, Boolean(control.options));
      const heard: string[] = [];
      const listen = (type: string) => form.addEventListener(type, (e) => heard.push(`${type}${e.target === el ? '' : ' elsewhere'}${e.composed ? ' composed' : ''}`));
      ['input', 'formosa-change', 'change'].forEach(listen);
      if ('checked' in el) (el as unknown as { checked: boolean }).checked = true;
      else (el as unknown as { value: unknown }).value = control.tag === 'formosa-file-field' ? [] : control.options ? 'TPE' : 'x';
      await el.updateComplete;
      expect(heard).to.deep.equal([], 'nothing on a programmatic change');
      await control.answer(el);
      await leave(el);
      expect(heard[0]).to.equal('input composed', 'the native input, retargeted to the host');
      const changes = heard.filter((h) => !h.startsWith('input'));
      const committed = changes.filter((h) => h.startsWith('formosa-change')).length;
      expect(committed).to.be.greaterThan(0);
      expect(changes).to.deep.equal(Array.from({ length: committed * 2 }, (_, i) => (i % 2 ? 'change' : 'formosa-change composed')), 'each formosa-change, then a change');
    });

    it('passes focus to its native control (delegatesFocus) and is named by its label', async () => {
      const { el } = await inForm(control.tag, Boolean(control.options));
      el.focus();
      expect(el.shadowRoot!.activeElement).to.exist;
      await expect(el).to.be.accessible();
    });
  });
}

describe('a form reset returns each control to its default, as native controls do', () => {
  it('the value attribute of a text field and a radio group; the checked attribute of a checkbox', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <formosa-text-field name="name" label="姓名" value="林小美"></formosa-text-field>
      <formosa-radio-group name="county" label="縣市" value="NWT" .options=${choices}></formosa-radio-group>
      <formosa-checkbox-field name="agree" label="同意" checked></formosa-checkbox-field>
    </form>`);
    const [text, radio, checkbox] = [...form.children] as FormosaField[];
    await Promise.all([text, radio, checkbox].map((el) => el!.updateComplete));
    expect([...new FormData(form)]).to.deep.equal([['name', '林小美'], ['county', 'NWT'], ['agree', 'on']]);
    native(text!).focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '2' });
    radio!.shadowRoot!.querySelector<HTMLInputElement>('input[type=radio]')!.focus();
    await sendKeys({ press: 'Space' });
    native(checkbox!).focus();
    await sendKeys({ press: 'Space' });
    await Promise.all([text, radio, checkbox].map((el) => el!.updateComplete));
    expect([...new FormData(form)]).to.deep.equal([['name', '林小美2'], ['county', 'TPE']]);
    form.reset();
    await Promise.all([text, radio, checkbox].map((el) => el!.updateComplete));
    expect([...new FormData(form)]).to.deep.equal([['name', '林小美'], ['county', 'NWT'], ['agree', 'on']]);
  });
});

describe('in a browser without custom states (CustomStateSet)', () => {
  it('a control still works: submitted, validated, only unstyled', async () => {
    const real = Object.getOwnPropertyDescriptor(ElementInternals.prototype, 'states')!;
    Object.defineProperty(ElementInternals.prototype, 'states', { configurable: true, get: () => undefined });
    try {
      const form = await fixture<HTMLFormElement>(html`<form><formosa-text-field name="name" label="姓名" required></formosa-text-field></form>`);
      const el = form.firstElementChild as FormosaField;
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(false);
      native(el).focus();
      await sendKeys({ type: '林' });
      await el.updateComplete;
      expect([...new FormData(form)]).to.deep.equal([['name', '林']]);
    } finally {
      Object.defineProperty(ElementInternals.prototype, 'states', real);
    }
  });
});
