/** Templates for the items of a step: fields, sections, repeats and content, from the definition and the state. */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { isField, isRepeat, isSection, optionSourceOf, resolvePath, type FieldItem, type FieldOption, type LayoutItem, type LocalizedText, type RepeatItem, type SchemaNode, type Widget } from '@formosa/schema';
import { contentKey, fieldOptions, getAt, sectionKey, sourceOptions, type FormEngine, type FormState } from '@formosa/engine';
import type { LocalText, Translator } from '@formosa/i18n';
import type { FieldChoice } from '../../internal/field.js';
import type { FileFieldTexts, Remover, Uploader } from '../file-field/file-field.js';
import { fieldId, widgetOf } from './widget.js';
import { fileTexts } from './file-texts.js';

/** What a field shows that depends only on the definition and the locale: worked out once per locale, not per keystroke. */
export interface FieldView {
  readonly widget: Widget;
  readonly label: string;
  readonly labelLang: string | undefined;
  readonly hint: string | undefined;
  readonly hintLang: string | undefined;
  readonly statement: string | undefined;
  readonly statementLang: string | undefined;
  /** For file fields: how many files the data schema allows (`maxItems`, else one). */
  readonly maxFiles: number;
  /** For file fields: their texts, with the accepted types and size limit spelt out. */
  readonly fileTexts: FileFieldTexts | undefined;
  /** Stable between renders, so choice fields do not re-render when another answer changes; districts follow their county. */
  readonly choicesFor: (county?: unknown) => readonly FieldChoice[];
}

/** Interface texts every field uses, formatted once per render. */
export interface FieldTexts {
  readonly errorPrefix: string;
  readonly optional: string;
  readonly choose: string;
  readonly year: string;
  readonly rocYear: string;
  readonly month: string;
  readonly day: string;
  readonly statement: string;
}

/** The interface texts of fields in a locale. */
export function fieldTexts(t: Translator): FieldTexts {
  return {
    errorPrefix: t.message('errorSummary.prefix'), optional: t.message('form.optional'), choose: t.message('form.choose'),
    year: t.message('date.year'), rocYear: t.message('date.rocYear'), month: t.message('date.month'), day: t.message('date.day'),
    statement: t.message('form.statement'),
  };
}

/** What item templates need to know about the form at this moment. */
export interface RenderContext {
  readonly engine: FormEngine;
  readonly state: FormState;
  readonly t: Translator;
  readonly texts: FieldTexts;
  readonly view: (field: FieldItem) => FieldView;
  /** Error message per data pointer, for the errors on screen. */
  readonly errors: ReadonlyMap<string, LocalText>;
  readonly onAdd: (path: string) => void;
  readonly onRemove: (path: string, index: number) => void;
  /** Where a value came from (MyData), and whether it is locked: read-only, focusable, with its reason. */
  readonly origin?: (path: string) => { readonly locked: boolean; readonly provenance: string; readonly reason?: string } | undefined;
  /** Uploads a file for the file field at a pointer. */
  readonly upload: (path: string) => Uploader;
  /** Deletes a file the citizen removed from where it was uploaded. */
  readonly removeUpload: Remover;
}

/**
 * Every field's parts, reachable from the page as the form's own: `formosa-form::part(field-label)`. Each part `x` of a
 * field is the form's `field-x` (and the wrapper, `field`, stays `field`).
 */
const FIELD_PARTS = ['field', ...['label', 'hint', 'error', 'input', 'prefix', 'option', 'statement', 'list', 'lock-reason', 'provenance'].map((p) => `${p}: field-${p}`)].join(', ');

/** One empty list for every render, so a file field without files or limits is not re-rendered by each keystroke elsewhere. */
const NONE: readonly never[] = [];

/** Choices as a select or radio group shows them, in a locale. */
function choicesOf(options: readonly FieldOption[], t: Translator): FieldChoice[] {
  return options.map((o): FieldChoice => {
    const text = t.text(o.label);
    return { value: o.value, label: text.text, ...(t.fallbackLang(text) ? { lang: text.lang } : {}), ...(o.hint ? { hint: t.text(o.hint).text } : {}) };
  });
}

/** Builds the view of a field for a locale. */
export function fieldView(engine: FormEngine, t: Translator, field: FieldItem, schema: SchemaNode): FieldView {
  const label = t.text(field.label);
  const hint = t.text(field.hint);
  const statement = t.text(field.statement);
  const widget = widgetOf(engine.definition, field, schema);
  const source = optionSourceOf(field);
  const dependent = source?.source === 'tw-districts' ? new Map<string, readonly FieldChoice[]>() : undefined;
  const choices = dependent ? [] : choicesOf(fieldOptions(engine.definition, field, () => undefined) ?? [], t);
  return {
    choicesFor: (county) => {
      if (!dependent) return choices;
      const key = String(county);
      let list = dependent.get(key);
      if (!list) dependent.set(key, (list = choicesOf(sourceOptions(source!, () => county), t)));
      return list;
    },
    widget,
    label: label.text,
    labelLang: t.fallbackLang(label),
    hint: hint.text || undefined,
    hintLang: t.fallbackLang(hint),
    statement: statement.text || undefined,
    statementLang: t.fallbackLang(statement),
    maxFiles: typeof schema['maxItems'] === 'number' ? schema['maxItems'] : 1,
    fileTexts: widget === 'file' ? fileTexts(t, field, label.text) : undefined,
  };
}

export function renderItems(items: readonly LayoutItem[], ctx: RenderContext, scope = ''): unknown[] {
  return items.map((item) => renderItem(item, ctx, scope));
}

function renderItem(item: LayoutItem, ctx: RenderContext, scope: string): unknown {
  if (isField(item)) return renderField(item, ctx, resolvePath(item.field, scope));
  if (isSection(item)) {
    if (!ctx.engine.isShown(ctx.state, sectionKey(item.section))) return nothing;
    const title = ctx.t.text(item.title);
    const description = ctx.t.text(item.description);
    return html`<formosa-section exportparts="section, heading: section-heading" heading=${title.text} heading-lang=${ctx.t.fallbackLang(title) ?? nothing}
      description=${description.text || nothing} description-lang=${ctx.t.fallbackLang(description) ?? nothing}
      >${renderItems(item.items, ctx, scope)}</formosa-section
    >`;
  }
  if (isRepeat(item)) return renderRepeat(item, ctx);
  if (!ctx.engine.isShown(ctx.state, contentKey(item.content))) return nothing;
  return localParagraph(ctx.t, 'content', item.text);
}

/** A paragraph of the definition's text, marked with its language when that is a fallback. */
export function localParagraph(t: Translator, className: string, text: LocalizedText | undefined): TemplateResult {
  const shown = t.text(text);
  return html`<p class=${className} lang=${t.fallbackLang(shown) ?? nothing}>${shown.text}</p>`;
}

function renderField(field: FieldItem, ctx: RenderContext, path: string): unknown {
  if (!ctx.engine.isShown(ctx.state, path)) return nothing;
  // One element per answer: another step's (or entry's) field never inherits this one's element, its typing or its state.
  return keyed(path, fieldTemplate(field, ctx, path));
}

/**
 * Values are bound with `live`: a field's element holds what the citizen typed without the form re-rendering
 * (see FormosaForm.isQuiet), so the form compares against what the control shows, not what it last rendered.
 */
function fieldTemplate(field: FieldItem, ctx: RenderContext, path: string): TemplateResult {
  const { engine, state, t, texts } = ctx;
  const view = ctx.view(field);
  const value = getAt(state.values, path);
  const county = optionSourceOf(field)?.county;
  const choices = view.choicesFor(county === undefined ? undefined : engine.readerFor(state.values, path)(county));
  const message = ctx.errors.get(path);
  const error = message?.text ?? '';
  const errorLang = message && t.fallbackLang(message);
  const required = engine.isRequired(state, path);
  const origin = ctx.origin?.(path);
  const readonly = field.computed !== undefined || origin?.locked === true;
  const lock = origin?.reason;
  const provenance = origin?.provenance;
  const id = fieldId(path);
  switch (view.widget) {
    case 'select':
      return html`<formosa-select-field id=${id} data-path=${path} name=${path} exportparts=${FIELD_PARTS} .label=${view.label} .labelLang=${view.labelLang}
        .hint=${view.hint} .hintLang=${view.hintLang} .error=${error} .errorLang=${errorLang} .errorPrefix=${texts.errorPrefix} .optionalText=${texts.optional}
        ?required=${required} ?readonly=${readonly} .lockReason=${lock} .provenance=${provenance} .autocomplete=${field.autocomplete} .options=${choices} .value=${live(value)}
        .placeholder=${texts.choose}></formosa-select-field>`;
    case 'radio':
      return html`<formosa-radio-group id=${id} data-path=${path} name=${path} exportparts=${FIELD_PARTS} .label=${view.label} .labelLang=${view.labelLang}
        .hint=${view.hint} .hintLang=${view.hintLang} .error=${error} .errorLang=${errorLang} .errorPrefix=${texts.errorPrefix} .optionalText=${texts.optional}
        ?required=${required} ?readonly=${readonly} .lockReason=${lock} .provenance=${provenance} .options=${choices} .value=${live(value)}></formosa-radio-group>`;
    case 'checkbox':
      return html`<formosa-checkbox-field id=${id} data-path=${path} name=${path} exportparts=${FIELD_PARTS} .label=${view.label} .labelLang=${view.labelLang}
        .hint=${view.hint} .hintLang=${view.hintLang} .error=${error} .errorLang=${errorLang} .errorPrefix=${texts.errorPrefix}
        .statement=${view.statement} .statementLang=${view.statementLang} .statementLabel=${texts.statement}
        ?required=${required} ?readonly=${readonly} .lockReason=${lock} .provenance=${provenance} .checked=${live(value === true)}></formosa-checkbox-field>`;
    case 'file':
      return html`<formosa-file-field id=${id} data-path=${path} name=${path} exportparts=${FIELD_PARTS} .label=${view.label} .labelLang=${view.labelLang}
        .hint=${view.hint} .hintLang=${view.hintLang} .error=${error} .errorLang=${errorLang} .errorPrefix=${texts.errorPrefix} .optionalText=${texts.optional}
        ?required=${required} ?readonly=${readonly} .lockReason=${lock} .provenance=${provenance} .accept=${field.accept ?? NONE} max-size=${field.maxSize ?? nothing}
        max-files=${view.maxFiles} capture=${field.capture ?? nothing}
        .value=${live(Array.isArray(value) ? value : NONE)} .uploader=${ctx.upload(path)} .remover=${ctx.removeUpload} .texts=${view.fileTexts}></formosa-file-field>`;
    case 'textarea':
      return html`<formosa-textarea-field id=${id} data-path=${path} name=${path} exportparts=${FIELD_PARTS} .label=${view.label} .labelLang=${view.labelLang}
        .hint=${view.hint} .hintLang=${view.hintLang} .error=${error} .errorLang=${errorLang} .errorPrefix=${texts.errorPrefix} .optionalText=${texts.optional}
        ?required=${required} ?readonly=${readonly} .lockReason=${lock} .provenance=${provenance} .autocomplete=${field.autocomplete}
        .value=${live(value === undefined ? '' : String(value))}></formosa-textarea-field>`;
    default: {
      const shown = value === undefined || value === null ? '' : typeof value === 'number' && readonly ? t.number(value) : String(value);
      const a: InputAttributes = {
        id, path, view, error, errorLang, required, readonly, lock, provenance, shown, autocomplete: field.autocomplete, texts, calendar: engine.model.field(path)?.calendar ?? 'gregorian', currency: field.currency,
        type: view.widget === 'email' || view.widget === 'tel' ? view.widget : 'text',
      };
      return view.widget === 'number' ? numberField(a) : view.widget === 'date' ? dateField(a) : textField(a);
    }
  }
}

interface InputAttributes {
  readonly id: string; readonly path: string; readonly view: FieldView; readonly error: string; readonly errorLang: string | undefined; readonly required: boolean; readonly readonly: boolean;
  readonly lock: string | undefined; readonly provenance: string | undefined;
  readonly shown: string; readonly autocomplete: string | undefined; readonly texts: FieldTexts; readonly type: string;
  readonly calendar: 'gregorian' | 'roc';
  readonly currency: string | undefined;
}

// Lit templates are static per tag, so each input element has its own (identical) template. Dates are always
// entered in boxes: the browser's picker follows the browser's locale (mm/dd/yyyy in a Chinese form), not the form's.
const textField = (a: InputAttributes) => html`<formosa-text-field id=${a.id} data-path=${a.path} name=${a.path} exportparts=${FIELD_PARTS} type=${a.type} .label=${a.view.label}
  .labelLang=${a.view.labelLang} .hint=${a.view.hint} .hintLang=${a.view.hintLang} .error=${a.error} .errorLang=${a.errorLang}
  .errorPrefix=${a.texts.errorPrefix} .optionalText=${a.texts.optional} ?required=${a.required} ?readonly=${a.readonly} .lockReason=${a.lock} .provenance=${a.provenance}
  .autocomplete=${a.autocomplete} .value=${live(a.shown)}></formosa-text-field>`;
const numberField = (a: InputAttributes) => html`<formosa-number-field id=${a.id} data-path=${a.path} name=${a.path} exportparts=${FIELD_PARTS} .label=${a.view.label}
  prefix-text=${a.currency === 'TWD' ? 'NT$' : (a.currency ?? nothing)}
  .labelLang=${a.view.labelLang} .hint=${a.view.hint} .hintLang=${a.view.hintLang} .error=${a.error} .errorLang=${a.errorLang}
  .errorPrefix=${a.texts.errorPrefix} .optionalText=${a.texts.optional} ?required=${a.required} ?readonly=${a.readonly} .lockReason=${a.lock} .provenance=${a.provenance}
  .autocomplete=${a.autocomplete} .value=${live(a.shown)}></formosa-number-field>`;
const dateField = (a: InputAttributes) => html`<formosa-date-field id=${a.id} data-path=${a.path} name=${a.path} exportparts=${FIELD_PARTS} .label=${a.view.label}
  .labelLang=${a.view.labelLang} .hint=${a.view.hint} .hintLang=${a.view.hintLang} .error=${a.error} .errorLang=${a.errorLang}
  .errorPrefix=${a.texts.errorPrefix} .optionalText=${a.texts.optional} ?required=${a.required} ?readonly=${a.readonly} .lockReason=${a.lock} .provenance=${a.provenance}
  .autocomplete=${a.autocomplete} calendar=${a.calendar} entry="parts" year-label=${a.calendar === 'roc' ? a.texts.rocYear : a.texts.year}
  month-label=${a.texts.month} day-label=${a.texts.day} .value=${live(a.shown)}></formosa-date-field>`;

function renderRepeat(item: RepeatItem, ctx: RenderContext): TemplateResult | typeof nothing {
  const { engine, state, t } = ctx;
  if (!engine.isShown(state, item.repeat)) return nothing;
  const entries = getAt(state.values, item.repeat);
  const count = Array.isArray(entries) ? entries.length : 0;
  const title = t.text(item.title);
  const itemTitle = t.text(item.itemTitle);
  const entryTitle = (i: number) => itemTitle.text.replace('{number}', String(i + 1));
  const addLabel = t.text(item.addLabel);
  const error = ctx.errors.get(item.repeat);
  return html`<fieldset class="repeat ${error ? 'repeat--error' : ''}" part="repeat" id=${fieldId(item.repeat)} data-path=${item.repeat} tabindex="-1"
    aria-describedby=${error ? `${fieldId(item.repeat)}-error` : nothing}>
    <legend class="repeat-title" lang=${t.fallbackLang(title) ?? nothing}>${title.text}</legend>
    ${item.description ? localParagraph(t, 'hint', item.description) : nothing}
    ${error
      ? html`<p class="error" id="${fieldId(item.repeat)}-error"><span class="visually-hidden">${ctx.texts.errorPrefix} </span><span lang=${t.fallbackLang(error) ?? nothing}
            >${error.text}</span
          ></p>`
      : nothing}
    ${count === 0 ? html`<p class="hint">${t.message('repeat.empty')}</p>` : nothing}
    ${repeat(
      Array.from({ length: count }, (_, i) => i),
      (i) => i,
      (i) => html`<fieldset class="entry" part="entry">
        <legend class="entry-title" id="${fieldId(item.repeat)}-${i}" tabindex="-1" lang=${t.fallbackLang(itemTitle) ?? nothing}>${entryTitle(i)}</legend>
        ${renderItems(item.items, ctx, `${item.repeat}/${i}`)}
        ${ctx.origin && item.items.some((f) => ctx.origin!(`${item.repeat}/${i}/${f.field}`)?.locked)
          ? nothing
          : html`<button type="button" class="secondary" @click=${() => ctx.onRemove(item.repeat, i)}>${t.message('repeat.remove', { title: entryTitle(i) })}</button>`}
      </fieldset>`,
    )}
    <p class="visually-hidden" role="status">${count > 0 ? t.message('repeat.count', { count }) : ''}</p>
    <button type="button" class="secondary add" lang=${t.fallbackLang(addLabel) ?? nothing} @click=${() => ctx.onAdd(item.repeat)}>
      ${addLabel.text || t.message('repeat.add')}
    </button>
  </fieldset>`;
}
