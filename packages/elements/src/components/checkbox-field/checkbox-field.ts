import { html, nothing } from 'lit';
import { FormosaField } from '../../internal/field.js';
import { choiceStyles, fieldStyles, tokens, visuallyHidden } from '../../internal/styles.js';

/**
 * A single yes/no checkbox, e.g. a declaration. `checked` is the value; unticked is `false`.
 * @summary Checkbox, form-associated.
 * @csspart input - The native checkbox.
 * @event formosa-change - When the citizen ticks or unticks it.
 * @example
 * <formosa-checkbox-field name="declaration" label="本人所填資料均屬實" required></formosa-checkbox-field>
 */
export class FormosaCheckboxField extends FormosaField {
  static override styles = [tokens, fieldStyles, visuallyHidden, choiceStyles];
  static override properties = { ...FormosaField.properties, checked: { type: Boolean, reflect: true }, value: {} };

  declare checked: boolean;
  /** Submitted with a native form when ticked (like the native checkbox's `value`). */
  declare value: string;

  constructor() {
    super();
    this.checked = false;
    this.value = 'on';
  }

  protected get anchor(): HTMLElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }
  protected get formValue(): string | null {
    return this.checked ? this.value : null;
  }
  formResetCallback(): void {
    this.checked = this.hasAttribute('checked');
  }

  override render() {
    return html`<div part="field" class="field ${this.error ? 'field--error' : ''}">
      ${this.renderHint()} ${this.renderError()}
      <div class="choice">
        <input
          id="input"
          part="input"
          type="checkbox"
          .checked=${this.checked}
          ?required=${this.required}
          ?disabled=${this.disabled || this.readonly}
          aria-invalid=${this.error ? 'true' : nothing}
          aria-describedby=${this.describedBy()}
          @change=${(e: Event) => {
            this.checked = (e.target as HTMLInputElement).checked;
            this.emitInput(this.checked);
            this.emitChange(this.checked);
          }}
        />
        <label for="input" part="label">${this.renderLabelText()}</label>
      </div>
    </div>`;
  }
}
