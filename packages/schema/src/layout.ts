import type { FieldItem, FieldOption, FormDefinition, OptionSource, LayoutItem, RepeatItem, SectionItem, Step } from './types.js';
import { resolvePath } from './pointer.js';

/** Where a layout item sits in its definition. */
export interface ItemContext {
  /** JSON pointer of the item inside the definition document, e.g. `/steps/0/items/3`. */
  readonly path: string;
  readonly step: Step;
  readonly stepIndex: number;
  /** Enclosing sections and repeat, outermost first. */
  readonly parents: readonly (SectionItem | RepeatItem)[];
  /** The enclosing repeat, whose array item relative paths resolve against. */
  readonly repeat?: RepeatItem;
}

/**
 * Calls `visit` for every layout item of every step, depth first, in document order.
 * @example
 * forEachItem(definition, (item, ctx) => { if (isField(item)) console.log(ctx.path, item.field) });
 */
export function forEachItem(definition: FormDefinition, visit: (item: LayoutItem, context: ItemContext) => void): void {
  definition.steps.forEach((step, stepIndex) => {
    const walk = (items: readonly LayoutItem[], base: string, parents: readonly (SectionItem | RepeatItem)[], repeat?: RepeatItem) => {
      items.forEach((item, index) => {
        const path = `${base}/items/${index}`;
        visit(item, { path, step, stepIndex, parents, ...(repeat ? { repeat } : {}) });
        if (isSection(item)) walk(item.items, path, [...parents, item], repeat);
        else if (isRepeat(item)) walk(item.items, path, [...parents, item], item);
      });
    };
    walk(step.items, `/steps/${stepIndex}`, []);
  });
}

/** @example isField({ field: '/name', label: { en: 'Name' } }) // true */
export function isField(item: LayoutItem): item is FieldItem {
  return 'field' in item;
}
/** @example isSection({ section: 'a', title: { en: 'A' }, items: [] }) // true */
export function isSection(item: LayoutItem): item is SectionItem {
  return 'section' in item;
}
/** @example isRepeat({ repeat: '/members', title: { en: 'Members' }, itemTitle: { en: 'Member {number}' }, items: [] }) // true */
export function isRepeat(item: LayoutItem): item is RepeatItem {
  return 'repeat' in item;
}

/**
 * The data pointer pattern a field is bound to; inside a repeat, array indices are `*`.
 * @example
 * fieldPattern({ field: 'name', label: { en: 'Name' } }, repeatOfHousehold) // '/household/* /name' (without the space)
 */
export function fieldPattern(field: FieldItem, repeat?: RepeatItem): string {
  return repeat ? resolvePath(field.field, `${repeat.repeat}/*`) : resolvePath(field.field);
}

/**
 * The choices of a field, following a reference into `optionSets`.
 * @example
 * optionsOf(definition, { field: '/county', label: { en: 'County' }, options: 'counties' })
 */
export function optionsOf(definition: FormDefinition, field: FieldItem): readonly FieldOption[] | undefined {
  if (typeof field.options === 'string') return definition.optionSets?.[field.options];
  return Array.isArray(field.options) ? (field.options as readonly FieldOption[]) : undefined;
}

/** The shipped list a field's choices come from, if any (the engine resolves it). */
export function optionSourceOf(field: FieldItem): OptionSource | undefined {
  return field.options && typeof field.options === 'object' && !Array.isArray(field.options) ? (field.options as OptionSource) : undefined;
}
