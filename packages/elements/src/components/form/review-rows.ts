/**
 * The review's content, GOV.UK's summary list: every shown answer of every shown step as it will be sent
 * (normalised by the engine), one row per question. A section gets its own heading; an address section is one
 * answer, written the way its locale writes addresses; a repeat entry is a group headed by its title. Answers
 * the citizen cannot change (computed) have no Change.
 */
import { isField, isRepeat, isSection, optionSourceOf, resolvePath, type FieldItem, type LayoutItem, type SectionItem } from '@formosa/schema';
import { fieldOptions, getAt, sectionKey, type Data, type FormEngine, type FormState } from '@formosa/engine';
import type { Translator } from '@formosa/i18n';
import type { ReviewList, ReviewRow, ReviewSection } from '../review/review.js';
import { widgetOf } from './widget.js';

interface Context {
  readonly engine: FormEngine;
  readonly state: FormState;
  readonly data: Data;
  readonly t: Translator;
}

export function reviewSections(engine: FormEngine, state: FormState, t: Translator): ReviewSection[] {
  const context: Context = { engine, state, data: engine.data(state), t };
  return engine.shownSteps(state).map((step) => {
    const title = t.text(step.title);
    return { step: step.id, title: title.text, ...(t.fallbackLang(title) ? { lang: title.lang } : {}), lists: listsOf(step.items, context, '') };
  });
}

/** The step's rows in lists: one unheaded list for answers asked directly, a headed one per section or entry. */
function listsOf(items: readonly LayoutItem[], context: Context, scope: string, entry?: string): ReviewList[] {
  const lists: ReviewList[] = [];
  let rows: ReviewRow[] = [];
  const flush = () => {
    if (rows.length) lists.push({ rows });
    rows = [];
  };
  const { engine, state, t } = context;
  for (const item of items) {
    if (isSection(item)) {
      if (!engine.isShown(state, sectionKey(item.section))) continue;
      const address = addressRow(item, context, scope, entry);
      if (address) {
        rows.push(address);
        continue;
      }
      flush();
      const title = t.text(item.title);
      for (const list of listsOf(item.items, context, scope, entry)) lists.push(list.heading ? list : { heading: title.text, ...(t.fallbackLang(title) ? { headingLang: title.lang } : {}), rows: list.rows });
    } else if (isRepeat(item)) {
      if (!engine.isShown(state, item.repeat)) continue;
      const entries = getAt(state.values, item.repeat);
      const count = Array.isArray(entries) ? entries.length : 0;
      if (count === 0) {
        rows.push({ path: item.repeat, label: t.text(item.title).text, value: t.message('review.notAnswered'), empty: true });
        continue;
      }
      flush();
      const itemTitle = t.text(item.itemTitle);
      for (let i = 0; i < count; i++) {
        const heading = itemTitle.text.replace('{number}', String(i + 1));
        const entryRows = listsOf(item.items, context, `${item.repeat}/${i}`, heading).flatMap((list) => list.rows);
        lists.push({ heading, ...(t.fallbackLang(itemTitle) ? { headingLang: itemTitle.lang } : {}), rows: entryRows });
      }
    } else if (isField(item)) {
      const row = fieldRow(item, context, resolvePath(item.field, scope), entry);
      if (row) rows.push(row);
    }
  }
  flush();
  return lists;
}

function fieldRow(field: FieldItem, context: Context, path: string, entry: string | undefined): ReviewRow | undefined {
  const { engine, state, t } = context;
  if (!engine.isShown(state, path)) return undefined;
  const label = t.text(field.label);
  return {
    path,
    label: label.text,
    ...(t.fallbackLang(label) ? { labelLang: label.lang } : {}),
    ...(entry ? { name: t.message('review.entryLabel', { entry, label: label.text }) } : {}),
    ...(field.computed !== undefined ? { changeable: false } : {}),
    ...display(field, path, context),
  };
}

/**
 * A section holding a county and its districts is an address: one row, labelled by the section, its parts joined
 * as the locale writes addresses (Chinese from the postal code down, others from the street up).
 */
function addressRow(section: SectionItem, context: Context, scope: string, entry: string | undefined): ReviewRow | undefined {
  const fields = section.items.filter(isField);
  if (fields.length !== section.items.length || !fields.some((f) => optionSourceOf(f)?.source === 'tw-districts')) return undefined;
  const { engine, state, t } = context;
  let postal = '';
  const parts: string[] = [];
  let first: string | undefined;
  for (const field of fields) {
    const path = resolvePath(field.field, scope);
    if (!engine.isShown(state, path)) continue;
    first ??= path;
    const shown = display(field, path, context);
    if (shown.empty) continue;
    if (field.computed !== undefined) postal = shown.value;
    else parts.push(shown.value);
  }
  if (!first) return undefined;
  const title = t.text(section.title);
  const chinese = t.locale.startsWith('zh');
  const value = chinese ? [postal, parts.join('')].filter(Boolean).join(' ') : [...parts.reverse(), postal].filter(Boolean).join(', ');
  return {
    path: first,
    label: title.text,
    ...(t.fallbackLang(title) ? { labelLang: title.lang } : {}),
    ...(entry ? { name: t.message('review.entryLabel', { entry, label: title.text }) } : {}),
    ...(value ? { value } : { value: t.message('review.notAnswered'), empty: true }),
  };
}

/** An answer in `data` as the review shows it (also the differences a correction lists). */
export function answerText(engine: FormEngine, t: Translator, data: Data, path: string): { value: string; valueLang?: string; empty?: boolean } {
  const info = engine.model.field(path);
  return info ? display(info.item, path, { engine, data, t }) : { value: String(getAt(data, path) ?? '') };
}

function display(field: FieldItem, path: string, { engine, data, t }: Pick<Context, 'engine' | 'data' | 't'>): { value: string; valueLang?: string; empty?: boolean } {
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
  if (widget === 'date' && typeof value === 'string') return { value: t.date(value, info.calendar) };
  if (typeof value === 'number') return { value: field.currency ? t.currency(value, field.currency) : t.number(value) };
  return { value: String(value) };
}
