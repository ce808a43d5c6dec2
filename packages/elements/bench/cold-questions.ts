/**
 * What the cold benchmark's two reference pages share (the plain DOM's and the hand-written Lit one's): the definition
 * their script names, fetched as the form fetches it, and its first step shown as the form shows it — fields hidden
 * until an answer shows them left out, sections as fieldsets — each field reduced to what a page must show of it and
 * made by the page's own way (createElement, or a Lit element).
 */
export {}; // a module: its names stay its own
type Texts = Record<string, string>;
type Schema = { type?: string; format?: string; properties?: Record<string, Schema> };
type Item = { field?: string; label?: Texts; hint?: Texts; title?: Texts; widget?: string; options?: { value: string; label: Texts }[] | { source: string }; items?: Item[]; visibleWhen?: unknown };

/** One question of the first step, in the page's language. */
export interface Question {
  /** An id for its control, unique in the page. */
  readonly id: string;
  readonly field: string;
  readonly label: string;
  readonly hint: string | undefined;
  /** Radios (a fieldset of them), a drop-down (a list the form takes from its Taiwan lists is an empty one), or an input of this type. */
  readonly control: { readonly radios: readonly string[] } | { readonly select: readonly string[] } | { readonly input: string };
}

const locale = document.documentElement.lang;
const pick = (text: Texts | undefined) => (text ? (text[locale] ?? text['zh-Hant-TW'] ?? '') : '');

/** The native input type of a field's schema (a boolean is a checkbox, a date a date input). */
function inputTypeOf(schema: Schema, pointer: string): string {
  const at = pointer.split('/').slice(1).reduce<Schema | undefined>((s, key) => s?.properties?.[key], schema);
  if (at?.type === 'boolean') return 'checkbox';
  if (at?.type === 'integer' || at?.type === 'number') return 'number';
  return at?.format === 'date' ? 'date' : at?.format === 'email' ? 'email' : 'text';
}

function question(schema: Schema, item: Item & { field: string }): Question {
  const options = Array.isArray(item.options) ? item.options.map((o) => pick(o.label)) : undefined;
  const control = item.options ? (options && item.widget !== 'select' ? { radios: options } : { select: options ?? [] }) : { input: inputTypeOf(schema, item.field) };
  return { id: `f${item.field.replace(/\//g, '-')}`, field: item.field, label: pick(item.label), hint: item.hint ? pick(item.hint) : undefined, control };
}

/** An element with these properties and children (the plain page's whole toolkit). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/**
 * Fetches the definition named by the running script's `data-definition` and shows its first step in `#host`: its
 * title, each field as `field` makes it, sections as fieldsets with their title as legend.
 */
export function showFirstStep(field: (question: Question) => Node): void {
  const url = (document.currentScript as HTMLScriptElement).dataset['definition']!;
  void fetch(url).then((r) => r.json()).then((definition: { schema: Schema; steps: { title: Texts; items: Item[] }[] }) => {
    const walk = (items: readonly Item[]): Node[] =>
      items.flatMap((item) => {
        if (item.visibleWhen !== undefined) return []; // hidden until an answer shows it, as in the form
        if (item.field) return [field(question(definition.schema, item as Item & { field: string }))];
        return item.items ? [h('fieldset', {}, h('legend', {}, pick(item.title)), ...walk(item.items))] : [];
      });
    const step = definition.steps[0]!;
    document.getElementById('host')!.append(h('div', { className: 'baseline' }, h('h2', {}, pick(step.title)), ...walk(step.items)));
  });
}
