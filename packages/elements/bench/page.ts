/** The benchmark page: renders a definition with Formosa or as plain DOM, and times rendering, keystrokes and validation. */
import '../src/define.js';
import { optionsOf, forEachItem, isField, type FormDefinition } from '@formosa/schema';
import { FormEngine, type SchemaValidator } from '@formosa/engine';
import type { FormosaForm } from '../src/components/form/form.js';

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
  while (!form.shadowRoot?.querySelector('.step-title')) await form.updateComplete;
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

(window as unknown as { bench: { run: typeof run } }).bench = { run };
