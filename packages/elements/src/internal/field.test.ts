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
      input.dispatchEvent(new Event('change'));
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

    it('passes focus to its native control (delegatesFocus) and is named by its label', async () => {
      const { el } = await inForm(control.tag, Boolean(control.options));
      el.focus();
      expect(el.shadowRoot!.activeElement).to.exist;
      await expect(el).to.be.accessible();
    });
  });
}
