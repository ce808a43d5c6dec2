/**
 * The cold benchmark's plain-DOM page: fetches the same definition as the Formosa page and builds its first step
 * with `createElement` — per field a label, its hint and a native control (radios in a fieldset), sections as
 * fieldsets — in the same language. No framework, no validation: the floor a page of these questions costs.
 */
type Texts = Record<string, string>;
export {}; // a module: its names stay its own
type Schema = { type?: string; format?: string; properties?: Record<string, Schema> };
type Item = { field?: string; label?: Texts; hint?: Texts; title?: Texts; widget?: string; options?: { value: string; label: Texts }[] | { source: string }; items?: Item[]; visibleWhen?: unknown };

const script = document.currentScript as HTMLScriptElement;
let schema: Schema = {};
/** The native input type of a field's schema (a boolean is a checkbox, a date a date input). */
function inputTypeOf(pointer: string): string {
  const at = pointer.split('/').slice(1).reduce<Schema | undefined>((s, key) => s?.properties?.[key], schema);
  if (at?.type === 'boolean') return 'checkbox';
  if (at?.type === 'integer' || at?.type === 'number') return 'number';
  return at?.format === 'date' ? 'date' : at?.format === 'email' ? 'email' : 'text';
}
const locale = document.documentElement.lang;
const pick = (text: Texts | undefined) => (text ? (text[locale] ?? text['zh-Hant-TW'] ?? '') : '');

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function field(item: Item & { field: string }): HTMLElement {
  const id = `f${item.field.replace(/\//g, '-')}`;
  const wrapper = h('div', { className: 'field' });
  wrapper.dataset['field'] = item.field;
  const hint = item.hint ? h('p', { className: 'hint', id: `${id}-hint` }, pick(item.hint)) : undefined;
  // A list the form takes from its Taiwan lists (`{source}`) is an empty drop-down here.
  const options = Array.isArray(item.options) ? item.options : undefined;
  if (options && item.widget !== 'select') {
    const group = h('fieldset', {}, h('legend', {}, pick(item.label)), ...(hint ? [hint] : []));
    options.forEach((o, i) => group.append(h('div', { className: 'option' }, h('input', { type: 'radio', name: id, id: `${id}-${i}` }), h('label', { htmlFor: `${id}-${i}` }, pick(o.label)))));
    wrapper.append(group);
    return wrapper;
  }
  const control = item.options
    ? h('select', { id }, h('option', {}, '—'), ...(options ?? []).map((o) => h('option', {}, pick(o.label))))
    : h('input', { id, type: inputTypeOf(item.field) });
  if (hint) control.setAttribute('aria-describedby', hint.id);
  wrapper.append(h('label', { htmlFor: id }, pick(item.label)), ...(hint ? [hint] : []), control);
  return wrapper;
}

function build(items: Item[], into: HTMLElement): void {
  for (const item of items) {
    if (item.visibleWhen !== undefined) continue; // hidden until an answer shows it, as in the form
    if (item.field) into.append(field(item as Item & { field: string }));
    else if (item.items) {
      const set = h('fieldset', {}, h('legend', {}, pick(item.title)));
      build(item.items, set);
      into.append(set);
    }
  }
}

void fetch(script.dataset['definition']!).then((r) => r.json()).then((definition: { schema: Schema; steps: { title: Texts; items: Item[] }[] }) => {
  schema = definition.schema;
  const step = definition.steps[0]!;
  const root = h('div', { className: 'baseline' }, h('h2', {}, pick(step.title)));
  build(step.items, root);
  document.getElementById('host')!.append(root);
});
