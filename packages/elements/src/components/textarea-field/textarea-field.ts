import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormosaField, noteStyles } from '../../internal/field.js';
import { fieldStyles, tokens, visuallyHidden } from '../../internal/styles.js';

/**
 * A multi-line text input, form-associated.
 * @summary Textarea with label, hint and error message.
 * @csspart input - The native textarea.
 * @event formosa-input - On every keystroke, with the value.
 * @event formosa-change - When the citizen commits the value (blur).
 * @example
 * <formosa-textarea-field name="reason" label="申請理由" rows="5"></formosa-textarea-field>
 */
export class FormosaTextareaField extends FormosaField {
  static override styles = [tokens, fieldStyles, visuallyHidden, noteStyles];
  static override properties = { ...FormosaField.properties, value: {}, rows: { type: Number }, maxlength: { type: Number } };

  declare value: string;
  declare rows: number;
  declare maxlength: number | undefined;

  constructor() {
    super();
    this.value = '';
    this.rows = 5;
  }

  protected get anchor(): HTMLElement | null {
    return this.renderRoot?.querySelector('textarea') ?? null;
  }
  protected get formValue(): string | null {
    return this.value ? this.value : null;
  }
  protected applyState(state: string | null): void {
    this.value = state ?? '';
  }

  override render() {
    return html`<div part="field" class="field ${this.error ? 'field--error' : ''}">
      <label for="input" part="label">${this.renderLabelText()}</label>
      ${this.renderNotes()} ${this.renderError()}
      <textarea
        id="input"
        part="input"
        rows=${this.rows}
        .value=${live(this.value ?? '')}
        maxlength=${this.maxlength ?? nothing}
        autocomplete=${this.autocomplete ?? nothing}
        ?required=${this.required}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        aria-invalid=${this.error ? 'true' : nothing}
        aria-describedby=${this.describedBy()}
        @input=${(e: Event) => {
          this.value = (e.target as HTMLTextAreaElement).value;
          this.emitInput(this.value);
        }}
        @change=${() => this.emitChange(this.value)}
      ></textarea>
    </div>`;
  }
}
