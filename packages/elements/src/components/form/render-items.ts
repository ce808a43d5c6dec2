/** Templates for the items of a step: fields, sections, repeats and content, from the definition and the state. */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { isField, isRepeat, isSection, optionsOf, resolvePath, type FieldItem, type LayoutItem, type RepeatItem } from '@formosa/schema';
import { contentKey, getAt, sectionKey, type FormEngine, type FormState } from '@formosa/engine';
import type { Translator } from '@formosa/i18n';
import type { FieldChoice } from '../../internal/field.js';
import { fieldId, widgetOf } from './widget.js';

/** What item templates need to know about the form at this moment. */
export interface RenderContext {
  readonly engine: FormEngine;
  readonly state: FormState;
  readonly t: Translator;
  /** Error message per data pointer, for the errors on screen. */
  readonly errors: ReadonlyMap<string, string>;
  readonly onAdd: (path: string) => void;
  readonly onRemove: (path: string, index: number) => void;
}

export function renderItems(items: readonly LayoutItem[], ctx: RenderContext, scope = ''): unknown[] {
  return items.map((item) => renderItem(item, ctx, scope));
}

function renderItem(item: LayoutItem, ctx: RenderContext, scope: string): unknown {
  if (isField(item)) return renderField(item, ctx, resolvePath(item.field, scope));
  if (isSection(item)) {
    if (!ctx.engine.isShown(ctx.state, sectionKey(item.section))) return nothing;
    const title = ctx.t.text(item.title);
    return html`<formosa-section heading=${title.text} heading-lang=${langIfFallback(ctx, title.lang) ?? nothing} description=${ctx.t.text(item.description).text || nothing}
      >${renderItems(item.items, ctx, scope)}</formosa-section
    >`;
  }
  if (isRepeat(item)) return renderRepeat(item, ctx);
  if (!ctx.engine.isShown(ctx.state, contentKey(item.content))) return nothing;
  const text = ctx.t.text(item.text);
  return html`<p class="content" lang=${langIfFallback(ctx, text.lang) ?? nothing}>${text.text}</p>`;
}

/** The language of a text shown in a fallback language, to mark it up with `lang`; nothing when it is the page's. */
function langIfFallback(ctx: RenderContext, lang: string): string | undefined {
  return lang === ctx.t.locale ? undefined : lang;
}

function renderField(field: FieldItem, ctx: RenderContext, path: string): unknown {
  const { engine, state, t } = ctx;
  if (!engine.isShown(state, path)) return nothing;
  const info = engine.model.field(path)!;
  const widget = widgetOf(engine.definition, field, info.schema);
  const label = t.text(field.label);
  const hint = t.text(field.hint);
  const value = getAt(state.values, path);
  const common = {
    id: fieldId(path),
    name: path,
    label: label.text,
    labelLang: langIfFallback(ctx, label.lang),
    hint: hint.text || undefined,
    hintLang: hint.text ? langIfFallback(ctx, hint.lang) : undefined,
    error: ctx.errors.get(path) ?? '',
    required: engine.isRequired(state, path),
    readonly: field.computed !== undefined,
  };
  const prefix = t.message('errorSummary.prefix');
  const optional = t.message('form.optional');
  switch (widget) {
    case 'select':
    case 'radio': {
      const choices: FieldChoice[] = (optionsOf(engine.definition, field) ?? []).map((o) => {
        const text = t.text(o.label);
        return { value: o.value, label: text.text, ...(text.lang !== t.locale ? { lang: text.lang } : {}), ...(o.hint ? { hint: t.text(o.hint).text } : {}) };
      });
      return widget === 'select'
        ? html`<formosa-select-field id=${common.id} data-path=${path} name=${path} label=${common.label} label-lang=${common.labelLang ?? nothing} hint=${common.hint ?? nothing}
            hint-lang=${common.hintLang ?? nothing} .error=${common.error} error-prefix=${prefix} optional-text=${optional} ?required=${common.required}
            ?readonly=${common.readonly} autocomplete=${field.autocomplete ?? nothing} .options=${choices} .value=${value} placeholder=${t.message('form.choose')}
          ></formosa-select-field>`
        : html`<formosa-radio-group id=${common.id} data-path=${path} name=${path} label=${common.label} label-lang=${common.labelLang ?? nothing} hint=${common.hint ?? nothing}
            hint-lang=${common.hintLang ?? nothing} .error=${common.error} error-prefix=${prefix} optional-text=${optional} ?required=${common.required}
            ?readonly=${common.readonly} .options=${choices} .value=${value}
          ></formosa-radio-group>`;
    }
    case 'checkbox':
      return html`<formosa-checkbox-field id=${common.id} data-path=${path} name=${path} label=${common.label} label-lang=${common.labelLang ?? nothing} hint=${common.hint ?? nothing}
        hint-lang=${common.hintLang ?? nothing} .error=${common.error} error-prefix=${prefix} ?required=${common.required} ?readonly=${common.readonly} .checked=${value === true}
      ></formosa-checkbox-field>`;
    case 'textarea':
      return html`<formosa-textarea-field id=${common.id} data-path=${path} name=${path} label=${common.label} label-lang=${common.labelLang ?? nothing} hint=${common.hint ?? nothing}
        hint-lang=${common.hintLang ?? nothing} .error=${common.error} error-prefix=${prefix} optional-text=${optional} ?required=${common.required} ?readonly=${common.readonly}
        autocomplete=${field.autocomplete ?? nothing} .value=${value === undefined ? '' : String(value)}
      ></formosa-textarea-field>`;
    default: {
      const tag = widget === 'number' ? 'number' : widget === 'date' ? 'date' : 'text';
      const shown = value === undefined || value === null ? '' : typeof value === 'number' && field.computed !== undefined ? t.number(value) : String(value);
      const attrs = { ...common, type: widget === 'email' || widget === 'tel' ? widget : 'text', shown, autocomplete: field.autocomplete, prefix, optional };
      return tag === 'number' ? numberField(attrs, path) : tag === 'date' ? dateField(attrs, path) : textField(attrs, path);
    }
  }
}

interface InputAttributes {
  id: string; label: string; labelLang: string | undefined; hint?: string | undefined; hintLang: string | undefined; error: string;
  required: boolean; readonly: boolean; type: string; shown: string; autocomplete?: string | undefined; prefix: string; optional: string;
}

// Lit templates must be static per tag, so each input element has its own (identical) template.
const textField = (a: InputAttributes, path: string) => html`<formosa-text-field id=${a.id} data-path=${path} name=${path} type=${a.type} label=${a.label}
  label-lang=${a.labelLang ?? nothing} hint=${a.hint ?? nothing} hint-lang=${a.hintLang ?? nothing} .error=${a.error} error-prefix=${a.prefix} optional-text=${a.optional}
  ?required=${a.required} ?readonly=${a.readonly} autocomplete=${a.autocomplete ?? nothing} .value=${a.shown}></formosa-text-field>`;
const numberField = (a: InputAttributes, path: string) => html`<formosa-number-field id=${a.id} data-path=${path} name=${path} label=${a.label}
  label-lang=${a.labelLang ?? nothing} hint=${a.hint ?? nothing} hint-lang=${a.hintLang ?? nothing} .error=${a.error} error-prefix=${a.prefix} optional-text=${a.optional}
  ?required=${a.required} ?readonly=${a.readonly} autocomplete=${a.autocomplete ?? nothing} .value=${a.shown}></formosa-number-field>`;
const dateField = (a: InputAttributes, path: string) => html`<formosa-date-field id=${a.id} data-path=${path} name=${path} label=${a.label}
  label-lang=${a.labelLang ?? nothing} hint=${a.hint ?? nothing} hint-lang=${a.hintLang ?? nothing} .error=${a.error} error-prefix=${a.prefix} optional-text=${a.optional}
  ?required=${a.required} ?readonly=${a.readonly} autocomplete=${a.autocomplete ?? nothing} .value=${a.shown}></formosa-date-field>`;

function renderRepeat(item: RepeatItem, ctx: RenderContext): TemplateResult | typeof nothing {
  const { engine, state, t } = ctx;
  if (!engine.isShown(state, item.repeat)) return nothing;
  const entries = getAt(state.values, item.repeat);
  const count = Array.isArray(entries) ? entries.length : 0;
  const title = t.text(item.title);
  const entryTitle = (i: number) => t.text(item.itemTitle).text.replace('{number}', String(i + 1));
  const error = ctx.errors.get(item.repeat);
  return html`<fieldset class="repeat ${error ? 'repeat--error' : ''}" part="repeat" id=${fieldId(item.repeat)} data-path=${item.repeat} tabindex="-1"
    aria-describedby=${error ? `${fieldId(item.repeat)}-error` : nothing}>
    <legend class="repeat-title" lang=${langIfFallback(ctx, title.lang) ?? nothing}>${title.text}</legend>
    ${item.description ? html`<p class="hint">${t.text(item.description).text}</p>` : nothing}
    ${error ? html`<p class="error" id="${fieldId(item.repeat)}-error"><span class="visually-hidden">${t.message('errorSummary.prefix')} </span>${error}</p>` : nothing}
    ${count === 0 ? html`<p class="hint">${t.message('repeat.empty')}</p>` : nothing}
    ${repeat(
      Array.from({ length: count }, (_, i) => i),
      (i) => i,
      (i) => html`<fieldset class="entry" part="entry">
        <legend class="entry-title" id="${fieldId(item.repeat)}-${i}" tabindex="-1">${entryTitle(i)}</legend>
        ${renderItems(item.items, ctx, `${item.repeat}/${i}`)}
        <button type="button" class="secondary" @click=${() => ctx.onRemove(item.repeat, i)}>${t.message('repeat.remove', { title: entryTitle(i) })}</button>
      </fieldset>`,
    )}
    <p class="visually-hidden" role="status">${count > 0 ? t.message('repeat.count', { count }) : ''}</p>
    <button type="button" class="secondary add" @click=${() => ctx.onAdd(item.repeat)}>${t.text(item.addLabel).text || '+'}</button>
  </fieldset>`;
}
