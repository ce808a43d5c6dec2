/**
 * What the cold benchmark's two reference pages share (the plain DOM's and the hand-written Lit one's): the definition
 * their script names, fetched as the form fetches it, and its first step walked as the form shows it — fields hidden
 * until an answer shows them left out, sections as fieldsets — each field reduced to what a page must show of it.
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

/** How a page makes what it shows: a field, and a section holding what it made of its items. */
export interface Maker {
  field(question: Question): Node;
  section(title: string, children: readonly Node[]): Node;
}

/** Fetches the definition named by the running script's `data-definition`; resolves with its first step's title and nodes. */
export function firstStep(make: Maker): Promise<{ title: string; nodes: Node[] }> {
  const url = (document.currentScript as HTMLScriptElement).dataset['definition']!;
  return fetch(url).then((r) => r.json()).then((definition: { schema: Schema; steps: { title: Texts; items: Item[] }[] }) => {
    const walk = (items: readonly Item[]): Node[] =>
      items.flatMap((item) => {
        if (item.visibleWhen !== undefined) return []; // hidden until an answer shows it, as in the form
        if (item.field) return [make.field(question(definition.schema, item as Item & { field: string }))];
        return item.items ? [make.section(pick(item.title), walk(item.items))] : [];
      });
    const step = definition.steps[0]!;
    return { title: pick(step.title), nodes: walk(step.items) };
  });
}
