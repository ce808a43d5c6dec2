// Verified values locked: read-only, not disabled (issue 10). Every field control with `readonly` and a `lock-reason`
// is reached by Tab, announced with its reason and provenance, refuses every way a citizen could change it, and
// still submits its value with the form.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import 'axe-core';
import '../define.js';
import type { FormosaField } from './field.js';
import { FormosaChangeEvent, FormosaInputEvent } from './events.js';

const REASON = '已由戶政資料驗證，不能修改';
const PROVENANCE = 'MyData · 內政部戶政司 · 2026-12-06 14:05';
const choices = [
  { value: 'TPE', label: '臺北市' },
  { value: 'NWT', label: '新北市' },
  { value: 'KHH', label: '高雄市' },
];
const lease = { id: 'a', name: 'lease.pdf', type: 'application/pdf', size: 2048 };

/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA (as examples.test.ts). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
interface Axe {
  run(context: Element, options: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
}
async function violations(element: Element): Promise<string[]> {
  const { violations } = await (window as unknown as { axe: Axe }).axe.run(element, { runOnly: { type: 'tag', values: TAGS } });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

/** The element focused now, looking inside shadow roots. */
function deepActive(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/** The description a screen reader gives `element`: the text of its (or its group's) aria-describedby ids, in its own tree. */
function description(element: HTMLElement): string {
  const described = element.closest('[aria-describedby]');
  const root = element.getRootNode() as ShadowRoot;
  const ids = described?.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`).join(' ');
}

async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Presses each key in turn. */
async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

interface Locked {
  readonly tag: string;
  readonly attrs?: string;
  /** Gives the control its (verified) value. */
  readonly fill: (el: FormosaField & Record<string, unknown>) => void;
  /** What the form submits. */
  readonly submitted: string;
  /** The element that carries aria-readonly (where the control has no native readonly). */
  readonly ariaReadonly?: (root: ShadowRoot) => Element | null;
  /** Every way a citizen would change the answer, from the focused control. */
  readonly tryToChange: (el: FormosaField, root: ShadowRoot) => Promise<void>;
  /** The answer now (to compare before and after). */
  readonly answer: (el: FormosaField & Record<string, unknown>) => unknown;
}

const typing = async (_el: FormosaField, root: ShadowRoot) => {
  const input = root.querySelector<HTMLElement>('input, textarea')!;
  await click(input);
  await sendKeys({ type: '9x' });
  await press('Backspace', 'Delete', 'ArrowUp', 'ArrowDown');
};
const value = (el: Record<string, unknown>) => el['value'];

const controls: Locked[] = [
  { tag: 'formosa-text-field', fill: (el) => (el['value'] = '林小美'), submitted: '林小美', tryToChange: typing, answer: value },
  { tag: 'formosa-number-field', fill: (el) => (el['value'] = '3'), submitted: '3', tryToChange: typing, answer: value },
  { tag: 'formosa-textarea-field', fill: (el) => (el['value'] = '臺北市大安區'), submitted: '臺北市大安區', tryToChange: typing, answer: value },
  { tag: 'formosa-date-field', fill: (el) => (el['value'] = '1990-05-02'), submitted: '1990-05-02', tryToChange: typing, answer: value },
  {
    tag: 'formosa-date-field',
    attrs: 'calendar="roc"',
    fill: (el) => (el['value'] = '1990-05-02'),
    submitted: '1990-05-02',
    tryToChange: async (_el, root) => {
      for (const box of root.querySelectorAll('input')) {
        await click(box);
        await sendKeys({ type: '1' });
        await press('Backspace', 'ArrowUp');
      }
    },
    answer: value,
  },
  {
    tag: 'formosa-select-field',
    fill: (el) => {
      el['options'] = choices;
      el['value'] = 'NWT';
    },
    submitted: 'NWT',
    ariaReadonly: (root) => root.querySelector('select'),
    tryToChange: async (el, root) => {
      const select = root.querySelector('select')!;
      await press('ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown');
      await sendKeys({ type: '高' });
      await click(select);
      await press('ArrowDown', 'Enter');
      await sendKeys({ down: 'Alt' });
      await press('ArrowDown');
      await sendKeys({ up: 'Alt' });
      await press('ArrowDown', 'Enter', ' ');
      // A phone's own picker: its choice arrives as a change of the native select.
      select.value = '0';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(select.value, 'the select shows the locked choice again').to.equal('1');
    },
    answer: value,
  },
  {
    tag: 'formosa-radio-group',
    fill: (el) => {
      el['options'] = choices;
      el['value'] = 'NWT';
    },
    submitted: 'NWT',
    ariaReadonly: (root) => root.querySelector('[role=radiogroup]'),
    tryToChange: async (_el, root) => {
      await press('ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', ' ');
      await click(root.querySelector('label[for=o0]')!);
      await click(root.querySelector('#o2')!);
      await press(' ', 'ArrowDown');
      expect([...root.querySelectorAll('input')].map((r) => r.checked), 'the radios show the locked choice').to.deep.equal([false, true, false]);
    },
    answer: value,
  },
  {
    tag: 'formosa-checkbox-field',
    fill: (el) => (el['checked'] = true),
    submitted: 'on',
    ariaReadonly: (root) => root.querySelector('input[type=checkbox]'),
    tryToChange: async (_el, root) => {
      await press(' ', ' ');
      await click(root.querySelector('input')!);
      await click(root.querySelector('label')!);
      expect(root.querySelector('input')!.checked, 'the box stays ticked').to.equal(true);
    },
    answer: (el) => el['checked'],
  },
  {
    tag: 'formosa-file-field',
    attrs: 'max-files="3"',
    fill: (el) => (el['value'] = [lease]),
    submitted: 'a',
    tryToChange: async (_el, root) => {
      expect(root.querySelector('input[type=file]')?.outerHTML ?? null, 'no chooser').to.equal(null);
      expect(root.querySelector('button')?.outerHTML ?? null, 'no Remove').to.equal(null);
      expect(root.querySelector('[part=list]')!.textContent).to.contain('lease.pdf');
      await press('Enter', ' ', 'Delete');
    },
    answer: value,
  },
];

async function lockedInForm(control: Locked, attributes = `readonly lock-reason="${REASON}" provenance="${PROVENANCE}"`) {
  const form = await fixture<HTMLFormElement>(html`<form></form>`);
  // A button on each side: Tab past a field with nothing focusable lands on the next one, not outside the page.
  form.innerHTML = `<button type="button">before</button><${control.tag} name="answer" label="問題" ${control.attrs ?? ''} ${attributes}></${control.tag}><button type="button">after</button>`;
  const el = form.querySelector(control.tag) as FormosaField & Record<string, unknown>;
  control.fill(el);
  await el.updateComplete;
  return { form, el, root: el.shadowRoot! };
}

for (const control of controls) {
  describe(`${control.tag}${control.attrs ? ` (${control.attrs})` : ''}, locked`, () => {
    afterEach(() => resetMouse());

    it('is reached by Tab, not disabled, read-only, and announced with its reason and provenance', async () => {
      const { form, el, root } = await lockedInForm(control);
      form.querySelector('button')!.focus();
      await press('Tab');
      const focused = deepActive()!;
      expect(focused.getRootNode() === root, `Tab lands inside the field, not on ${focused.outerHTML.slice(0, 40)}`).to.equal(true);
      expect(el.disabled).to.equal(false);
      expect(root.querySelector(':disabled')?.outerHTML ?? null, 'nothing inside is disabled').to.equal(null);
      if (control.ariaReadonly) expect(control.ariaReadonly(root)!.getAttribute('aria-readonly')).to.equal('true');
      else if (control.tag !== 'formosa-file-field') expect((focused as HTMLInputElement).readOnly, 'native readonly').to.equal(true);
      const said = description(focused);
      expect(said).to.contain(REASON);
      expect(said).to.contain(PROVENANCE);
      expect(root.querySelector<HTMLElement>('[part=lock-reason]')!.offsetHeight, 'the reason is shown').to.be.greaterThan(0);
      expect(root.querySelector<HTMLElement>('[part=provenance]')!.offsetHeight, 'the provenance is shown').to.be.greaterThan(0);
      expect(await violations(form)).to.deep.equal([]);
    });

    it('refuses click, Space, arrows and typing: the value stays, no event, and the form still submits it', async () => {
      const { form, el, root } = await lockedInForm(control);
      const before = control.answer(el);
      const events: string[] = [];
      for (const type of [FormosaInputEvent.type, FormosaChangeEvent.type, 'input', 'change']) el.addEventListener(type, () => events.push(type));
      form.querySelector('button')!.focus();
      await press('Tab');
      expect(deepActive()?.getRootNode() === root, 'Tab lands inside the field').to.equal(true);
      await control.tryToChange(el, root);
      await el.updateComplete;
      expect(control.answer(el)).to.deep.equal(before);
      expect(events).to.deep.equal([]);
      expect(new FormData(form).get('answer')).to.equal(control.submitted);
    });

    it('shows no reason and no provenance when none is given, and no reason unless read-only', async () => {
      const { root } = await lockedInForm(control, `lock-reason="${REASON}"`);
      expect(root.querySelector('[part=lock-reason], [part=provenance]')?.outerHTML ?? null).to.equal(null);
      expect(root.querySelector('[aria-describedby]')?.getAttribute('aria-describedby') ?? '').not.to.match(/lock|provenance/);
    });

    it('keeps the author\'s own disabled when its fieldset is disabled and enabled again', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset></fieldset></form>`);
      const fieldset = form.querySelector('fieldset')!;
      fieldset.innerHTML = `<${control.tag} name="own" label="停用" ${control.attrs ?? ''} disabled></${control.tag}><${control.tag} name="free" label="可填" ${control.attrs ?? ''}></${control.tag}>`;
      const [own, free] = [...fieldset.children] as FormosaField[];
      for (const el of [own!, free!]) control.fill(el as FormosaField & Record<string, unknown>);
      const controlsOf = (el: FormosaField) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input, select, textarea')];
      const settle = () => Promise.all([own!.updateComplete, free!.updateComplete]);
      await settle();
      fieldset.disabled = true;
      await settle();
      expect(controlsOf(free!).every((c) => c.matches(':disabled')), 'a disabled fieldset disables the field').to.equal(true);
      fieldset.disabled = false;
      await settle();
      expect(own!.disabled).to.equal(true);
      expect(controlsOf(own!).every((c) => c.matches(':disabled')), 'the author\'s disabled stays').to.equal(true);
      expect(controlsOf(free!).some((c) => c.matches(':disabled')), 'the other field is enabled again').to.equal(false);
      expect([...new FormData(form).keys()]).to.deep.equal(['free']);
    });
  });
}
