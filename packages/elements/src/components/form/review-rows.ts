/** The review's content: every shown answer of every shown step, as it will be sent (normalised by the engine). */
import { isField, isRepeat, isSection, resolvePath, type FieldItem, type LayoutItem } from '@formosa/schema';
import { fieldOptions, getAt, sectionKey, type Data, type FormEngine, type FormState } from '@formosa/engine';
import type { Translator } from '@formosa/i18n';
import type { ReviewRow, ReviewSection } from '../review/review.js';
import { widgetOf } from './widget.js';

export function reviewSections(engine: FormEngine, state: FormState, t: Translator): ReviewSection[] {
  const data = engine.data(state);
  return engine.shownSteps(state).map((step) => {
    const title = t.text(step.title);
    return { step: step.id, title: title.text, ...(t.fallbackLang(title) ? { lang: title.lang } : {}), rows: rowsOf(step.items, engine, state, data, t, '', '') };
  });
}

function rowsOf(items: readonly LayoutItem[], engine: FormEngine, state: FormState, data: Data, t: Translator, scope: string, entry: string): ReviewRow[] {
  return items.flatMap((item): ReviewRow[] => {
    if (isSection(item)) return engine.isShown(state, sectionKey(item.section)) ? rowsOf(item.items, engine, state, data, t, scope, entry) : [];
    if (isRepeat(item)) {
      if (!engine.isShown(state, item.repeat)) return [];
      const entries = getAt(state.values, item.repeat);
      const count = Array.isArray(entries) ? entries.length : 0;
      if (count === 0) return [{ path: item.repeat, label: t.text(item.title).text, value: t.message('review.notAnswered'), empty: true }];
      return Array.from({ length: count }, (_, i) =>
        rowsOf(item.items, engine, state, data, t, `${item.repeat}/${i}`, t.text(item.itemTitle).text.replace('{number}', String(i + 1))),
      ).flat();
    }
    if (!isField(item)) return [];
    const path = resolvePath(item.field, scope);
    if (!engine.isShown(state, path)) return [];
    const label = t.text(item.label);
    const shown = display(item, path, engine, data, t);
    return [{ path, label: entry ? t.message('review.entryLabel', { entry, label: label.text }) : label.text, ...(t.fallbackLang(label) ? { labelLang: label.lang } : {}), ...shown }];
  });
}

function display(field: FieldItem, path: string, engine: FormEngine, data: Data, t: Translator): { value: string; valueLang?: string; empty?: boolean } {
  const value = getAt(data, path);
  const info = engine.model.field(path)!;
  const widget = widgetOf(engine.definition, field, info.schema);
  if (widget === 'checkbox') return { value: t.message(value === true ? 'review.yes' : 'review.no') };
  if (widget === 'file') {
    const files = Array.isArray(value) ? (value as { name: string; size: number }[]) : [];
    if (files.length === 0) return { value: t.message('review.notAnswered'), empty: true };
    return { value: files.map((f) => `${f.name} (${t.fileSize(f.size)})`).join('\n') };
  }
  if (value === undefined || value === null || value === '') return { value: t.message('review.notAnswered'), empty: true };
  const option = fieldOptions(engine.definition, field, engine.readerFor(data, path))?.find((o) => o.value === value);
  if (option) {
    const text = t.text(option.label);
    return { value: text.text, ...(t.fallbackLang(text) ? { valueLang: text.lang } : {}) };
  }
  if (widget === 'date' && typeof value === 'string') return { value: t.date(value, field.calendar) };
  if (typeof value === 'number') return { value: field.currency ? t.currency(value, field.currency) : t.number(value) };
  return { value: String(value) };
}
