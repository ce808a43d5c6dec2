/** The benchmark page: renders a definition with Formosa or as plain DOM, and times rendering, keystrokes and validation. */
import '../src/define.js';
import { optionsOf, forEachItem, isField, type FormDefinition } from '@formosa/schema';
import { FormEngine, type SchemaValidator } from '@formosa/engine';
import type { FormosaForm } from '../src/components/form/form.js';
import { closePageDevice } from '../src/internal/device.js';

const host = document.getElementById('host')!;
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

async function load(n: number): Promise<{ definition: FormDefinition; validator: SchemaValidator }> {
  const [definition, module] = await Promise.all([fetch(`def-${n}.json`).then((r) => r.json()), import(new URL(`validator-${n}.js`, location.href).href)]);
  return { definition, validator: module.default };
}

/** Every nested Lit element of a root has finished its first render. */
async function settled(root: ParentNode): Promise<void> {
  const pending = [...root.querySelectorAll('*')].map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete).filter(Boolean);
  await Promise.all(pending);
}

async function renderFormosa(definition: FormDefinition, validator: SchemaValidator): Promise<FormosaForm> {
  const form = document.createElement('formosa-form') as FormosaForm;
  form.locale = 'zh-Hant-TW';
  form.validator = validator;
  form.definition = definition;
  host.append(form);
  // The form opens the device's store before its first step: wait a task at a time, not a microtask.
  while (!form.shadowRoot?.querySelector('.step-title')) await new Promise((r) => setTimeout(r, 0));
  await settled(form.shadowRoot!);
  return form;
}

/** The same questions as plain DOM: label, hint and native control per field, fieldsets for sections and radios. */
function renderBaseline(definition: FormDefinition): void {
  const root = document.createElement('div');
  root.className = 'baseline';
  const h = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  const sections = new Map<string, HTMLElement>();
  forEachItem(definition, (item, ctx) => {
    if (!isField(item)) return;
    const section = ctx.parents[0] && 'section' in ctx.parents[0] ? ctx.parents[0].section : '';
    let fieldset = sections.get(section);
    if (!fieldset) {
      fieldset = h('fieldset', {}, h('legend', {}, section));
      sections.set(section, fieldset);
      root.append(fieldset);
    }
    const id = `b${item.field.replace(/\//g, '-')}`;
    const wrapper = h('div', { className: 'field' });
    const label = item.label['zh-Hant-TW']!;
    const hint = item.hint ? h('p', { className: 'hint', id: `${id}-hint` }, item.hint['zh-Hant-TW']!) : undefined;
    const options = optionsOf(definition, item);
    if (options && item.widget !== 'select') {
      const group = h('fieldset', {}, h('legend', {}, label), ...(hint ? [hint] : []));
      options.forEach((o, i) => group.append(h('div', { className: 'option' }, h('input', { type: 'radio', name: id, id: `${id}-${i}` }), h('label', { htmlFor: `${id}-${i}` }, o.label['zh-Hant-TW']!))));
      wrapper.append(group);
    } else {
      const control = options
        ? h('select', { id }, h('option', {}, '請選擇'), ...options.map((o) => h('option', {}, o.label['zh-Hant-TW']!)))
        : h('input', { id, type: item.field.endsWith('6') ? 'checkbox' : item.field.endsWith('7') ? 'date' : 'text' });
      if (hint) control.setAttribute('aria-describedby', hint.id);
      wrapper.append(h('label', { htmlFor: id }, label), ...(hint ? [hint] : []), control);
    }
    fieldset.append(wrapper);
  });
  host.append(root);
}

async function time(run: () => unknown): Promise<number> {
  host.replaceChildren();
  await afterPaint();
  const start = performance.now();
  await run();
  await afterPaint();
  return performance.now() - start;
}

/** Typing one character into a field: from the input event to the updated, laid-out page (forced layout). */
async function keystrokes(input: HTMLInputElement, settle: () => Promise<unknown>, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await afterPaint();
    const start = performance.now();
    input.value += i % 10;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: String(i % 10) }));
    await settle();
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}

export async function run(n: number, repetitions: number) {
  const { definition, validator } = await load(n);
  const formosa: number[] = [];
  const baseline: number[] = [];
  await time(() => renderFormosa(definition, validator)); // warm-up: compile the code paths once
  await time(() => renderBaseline(definition));
  for (let i = 0; i < repetitions; i++) {
    baseline.push(await time(() => renderBaseline(definition)));
    formosa.push(await time(() => renderFormosa(definition, validator)));
  }
  // Keystrokes in the last rendered form: a plain text field in the middle, and a yes/no that shows and hides fields.
  const form = host.querySelector('formosa-form') as FormosaForm;
  const fields = [...form.shadowRoot!.querySelectorAll('formosa-text-field')];
  const middle = fields[Math.floor(fields.length / 2)]!;
  const settle = async () => {
    await form.updateComplete;
    await settled(form.shadowRoot!);
  };
  const typing = await keystrokes(middle.shadowRoot!.querySelector('input')!, settle, 30);
  // An answer a rule reads: each keystroke re-evaluates the rule and re-renders the step.
  const engineOfForm = new FormEngine(definition);
  const read = fields.find((f) => engineOfForm.isReadByRules(f.getAttribute('name')!))!;
  const typingRead = await keystrokes(read.shadowRoot!.querySelector('input')!, settle, 30);
  const toggles: number[] = [];
  const box = form.shadowRoot!.querySelector('formosa-checkbox-field')!.shadowRoot!.querySelector('input')!;
  for (let i = 0; i < 10; i++) {
    await afterPaint();
    const start = performance.now();
    box.click();
    await settle();
    void document.body.offsetHeight;
    toggles.push(performance.now() - start);
  }
  host.replaceChildren();
  renderBaseline(definition);
  await afterPaint();
  const baselineTyping = await keystrokes(host.querySelector<HTMLInputElement>('input[type=text]')!, async () => undefined, 30);
  // Whole-form validation of a form answered throughout (the engine alone).
  const engine = new FormEngine(definition, { validator });
  let state = engine.init();
  forEachItem(definition, (item) => {
    if (!isField(item)) return;
    const options = optionsOf(definition, item);
    const path = item.field;
    const value = options ? options[0]!.value : /f\d{3}6$/.test(path) ? true : /f\d{3}7$/.test(path) ? '2024-05-02' : /f\d{3}8$/.test(path) ? 'lin@example.gov.tw' : /f\d{3}9$/.test(path) ? '0912345678' : /f\d{3}3$/.test(path) ? '12000' : '林小美';
    state = engine.change(state, path, value);
  });
  const validations: number[] = [];
  let errors = 0;
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    errors = engine.validate(state).length;
    validations.push(performance.now() - start);
  }
  return {
    fields: n,
    render: { formosaMs: median(formosa), baselineMs: median(baseline), ratio: median(formosa) / median(baseline), formosaRuns: formosa, baselineRuns: baseline },
    keystroke: {
      medianMs: median(typing), p95Ms: p95(typing), readMedianMs: median(typingRead), readP95Ms: p95(typingRead),
      baselineMedianMs: median(baselineTyping), toggleMedianMs: median(toggles),
    },
    validation: { medianMs: median(validations), errors },
  };
}

/** The answers of a generated form, one per shown field, as a citizen would give them. */
function answersOf(definition: FormDefinition): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {};
  forEachItem(definition, (item) => {
    if (!isField(item)) return;
    const [, group, name] = item.field.split('/') as [string, string, string];
    const options = optionsOf(definition, item);
    const value = options ? options[0]!.value : /6$/.test(name) ? true : /7$/.test(name) ? '2024-05-02' : /8$/.test(name) ? 'lin@example.gov.tw' : /9$/.test(name) ? '0912345678' : /3$/.test(name) ? '12000' : '林小美';
    (values[group] ??= {})[name] = value;
  });
  return values;
}

/** A form of this definition, drafts on or off, until its step (given by title) is interactive. */
async function mount(definition: FormDefinition, validator: SchemaValidator, draft: 'auto' | 'off', key: string, values?: Record<string, unknown>, title = 'Step 1'): Promise<FormosaForm> {
  const form = document.createElement('formosa-form') as FormosaForm;
  form.locale = 'zh-Hant-TW';
  form.draft = draft;
  form.draftKey = key;
  form.validator = validator;
  if (values) form.values = values;
  form.definition = definition;
  host.append(form);
  const give = performance.now() + 20_000;
  while (form.shadowRoot?.querySelector('.step-title')?.textContent !== `${title}（中文）`) {
    if (performance.now() > give) throw new Error(`the form shows "${form.shadowRoot?.querySelector('.step-title')?.textContent}", not "${title}"`);
    await new Promise((r) => setTimeout(r, 0));
  }
  await settled(form.shadowRoot!);
  return form;
}

/** The 2,000-field definition over 20 steps, and its validator. */
async function stepped(): Promise<{ definition: FormDefinition; validator: SchemaValidator }> {
  const [definition, module] = await Promise.all([fetch('def-2000-steps.json').then((r) => r.json() as Promise<FormDefinition>), import(new URL('validator-2000-steps.js', location.href).href)]);
  return { definition, validator: module.default as SchemaValidator };
}

let sessions = 0;

/**
 * Typing at a citizen's pace (a keystroke every 80 ms, so the saves fall between keystrokes as they do) into a
 * 2,000-field form over 20 steps, drafts on or off: each keystroke from its input event to the laid-out page, and
 * how many saves were made. (The saves' own main-thread time is read from the browser's counters by run.ts.)
 */
let typed: FormosaForm | undefined;

/** Opens the form to type into (drafts on or off), outside the measured time. */
export async function prepareTyping(draft: 'auto' | 'off') {
  const { definition, validator } = await stepped();
  host.replaceChildren();
  await closePageDevice();
  typed = await mount(definition, validator, draft, `typing-${sessions++}`);
  await new Promise((r) => setTimeout(r, 600)); // whatever the opening saves
}

export async function typing(count: number) {
  const form = typed!;
  let saves = 0;
  form.addEventListener('formosa-draft-saved', () => saves++);
  const input = form.shadowRoot!.querySelector('formosa-text-field')!.shadowRoot!.querySelector('input')!;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await new Promise((r) => setTimeout(r, 80));
    const start = performance.now();
    input.value += i % 10;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: String(i % 10) }));
    await form.updateComplete;
    await settled(form.shadowRoot!);
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  await new Promise((r) => setTimeout(r, 600)); // the last save
  return { keystrokes: count, saves, medianMs: median(times), p95Ms: p95(times) };
}

/**
 * A full 2,000-answer draft saved at step 10, then the page "reloads" (the store is opened anew) and the form comes
 * back: from the element's creation to step 10 interactive; and the same step rendered without a draft.
 */
export async function restore(repetitions: number) {
  const { definition, validator } = await stepped();
  const values = answersOf(definition);
  const restores: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    host.replaceChildren();
    await closePageDevice();
    const key = `restore-${i}`;
    const form = await mount(definition, validator, 'auto', key, values);
    for (let step = 1; step < 10; step++) {
      (form as unknown as { send(e: { type: string }): void }).send({ type: 'NEXT' });
      await form.updateComplete;
    }
    if (form.view !== 'step-10') throw new Error(`could not reach step 10 (on ${form.view})`);
    await form.saveDraft();
    host.replaceChildren();
    await closePageDevice();
    await afterPaint();
    let start = performance.now();
    await mount(definition, validator, 'auto', key, undefined, 'Step 10');
    restores.push(performance.now() - start);
    host.replaceChildren();
    await afterPaint();
    start = performance.now();
    await mount(definition, validator, 'off', 'fresh');
    fresh.push(performance.now() - start);
  }
  return { medianMs: median(restores), p95Ms: p95(restores), runs: restores, freshStepMedianMs: median(fresh) };
}

(window as unknown as { bench: { run: typeof run; prepareTyping: typeof prepareTyping; typing: typeof typing; restore: typeof restore } }).bench = { run, prepareTyping, typing, restore };
