import { css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormosaField, noteStyles } from '../../internal/field.js';
import { fieldStyles, tokens, visuallyHidden } from '../../internal/styles.js';

/**
 * A single-line text input (also e-mail and telephone), form-associated.
 * @summary Text, e-mail or telephone field with label, hint and error message.
 * @csspart input - The native input.
 * @csspart prefix - Shown before the input (`prefix-text`, e.g. NT$).
 * @cssprop --formosa-input-width - Widest the input grows.
 * @event formosa-input - On every keystroke, with the value.
 * @event formosa-change - When the citizen commits the value (blur).
 * @example
 * <formosa-text-field name="name" label="姓名" hint="請填寫身分證上的姓名" required></formosa-text-field>
 */
export class FormosaTextField extends FormosaField {
  static override styles = [
    tokens,
    fieldStyles,
    visuallyHidden,
    noteStyles,
    css`
      .control {
        display: flex;
        align-items: stretch;
        max-width: var(--formosa-input-width, 30em);
      }
      .prefix {
        display: flex;
        align-items: center;
        padding: 0 0.5rem;
        border: 2px solid var(--_border);
        border-inline-end: 0;
        background: var(--_surface);
        font-weight: 700;
        white-space: nowrap;
      }
    `,
  ];
  static override properties = {
    ...FormosaField.properties,
    value: {},
    type: {},
    inputmode: {},
    placeholder: {},
    maxlength: { type: Number },
    prefixText: { attribute: 'prefix-text' },
  };

  declare value: string;
  /** `text`, `email` or `tel`. */
  declare type: 'text' | 'email' | 'tel';
  declare inputmode: string | undefined;
  declare placeholder: string | undefined;
  declare maxlength: number | undefined;
  /** Shown before the input, e.g. NT$ (visual only: the label says what the amount is in). */
  declare prefixText: string | undefined;

  constructor() {
    super();
    this.value = '';
    this.type = 'text';
  }

  protected get anchor(): HTMLElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }
  protected get formValue(): string | null {
    return this.value === '' ? null : this.value;
  }

  protected override get blank(): boolean {
    return !this.value;
  }
  protected applyState(state: string | null): void {
    this.value = state ?? '';
  }

  /** Attributes of the native input that subclasses (number, date) change. */
  protected nativeType(): string {
    return this.type;
  }
  protected nativeInputMode(): string | undefined {
    return this.inputmode ?? (this.type === 'tel' ? 'tel' : this.type === 'email' ? 'email' : undefined);
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    this.emitInput(this.value);
  }

  private onChange(): void {
    this.emitChange(this.value);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.value === undefined || this.value === null) this.value = '';
  }

  override render() {
    return html`<div part="field" class="field ${this.error ? 'field--error' : ''}">
      <label for="input" part="label">${this.renderLabelText()}</label>
      ${this.renderNotes()} ${this.renderError()}
      <div class="control">
      ${this.prefixText ? html`<span class="prefix" part="prefix" aria-hidden="true">${this.prefixText}</span>` : nothing}
      <input
        id="input"
        part="input"
        type=${this.nativeType()}
        .value=${live(String(this.value))}
        name=${this.name || nothing}
        inputmode=${this.nativeInputMode() ?? nothing}
        autocomplete=${this.autocomplete ?? nothing}
        placeholder=${this.placeholder ?? nothing}
        maxlength=${this.maxlength ?? nothing}
        spellcheck=${this.type === 'text' ? nothing : 'false'}
        ?required=${this.required}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        aria-invalid=${this.error ? 'true' : nothing}
        aria-describedby=${this.describedBy()}
        @input=${this.onInput}
        @change=${this.onChange}
      />
      </div>
    </div>`;
  }
}
