import { html, nothing, type PropertyValues } from 'lit';
import { FormosaChoiceField } from '../../internal/choice-field.js';
import { noteStyles } from '../../internal/field.js';
import { fieldStyles, tokens, visuallyHidden } from '../../internal/styles.js';

/**
 * A drop-down list of choices, form-associated. `value` holds the chosen option's value (any JSON scalar).
 * @summary Select field with a "choose" placeholder, label, hint and error message.
 * @csspart input - The native select.
 * @event formosa-change - When the citizen chooses an option.
 * @example
 * <formosa-select-field name="county" label="縣市" .options=${[{ value: 'TPE', label: '臺北市' }]}></formosa-select-field>
 */
export class FormosaSelectField extends FormosaChoiceField {
  static override styles = [tokens, fieldStyles, visuallyHidden, noteStyles];
  static override properties = { ...FormosaChoiceField.properties, placeholder: {} };

  /** Text of the empty first option, e.g. "請選擇". */
  declare placeholder: string;

  constructor() {
    super();
    this.placeholder = '—';
  }

  protected get anchor(): HTMLElement | null {
    return this.renderRoot?.querySelector('select') ?? null;
  }

  /** An option per choice (made once per list: see choiceNodes). */
  private optionNodes(): DocumentFragment {
    return this.choiceNodes((choice, i) => {
      const option = new Option(choice.label, String(i));
      if (choice.lang) option.lang = choice.lang;
      return { node: option, control: option };
    });
  }

  protected override updated(changed: PropertyValues): void {
    // The choice shown is the one held (the options are not re-rendered with it).
    const select = this.renderRoot.querySelector('select');
    if (select) select.value = String(this.selectedIndex);
    super.updated(changed);
  }

  private onChange(event: Event): void {
    const select = event.target as HTMLSelectElement;
    // Read-only: a choice made some other way (a phone's picker) is put back.
    if (this.readonly) select.value = String(this.selectedIndex);
    else this.choose(Number(select.value));
  }

  override render() {
    return html`<div part="field" class="field ${this.error ? 'field--error' : ''}">
      <label for="input" part="label">${this.renderLabelText()}</label>
      ${this.renderNotes()} ${this.renderError()}
      <select
        id="input"
        part="input"
        autocomplete=${this.autocomplete ?? nothing}
        ?required=${this.required}
        ?disabled=${this.isDisabled}
        aria-readonly=${this.readonly || nothing}
        aria-invalid=${this.error ? 'true' : nothing}
        aria-describedby=${this.describedBy()}
        @mousedown=${this.refuse}
        @keydown=${this.refuse}
        @change=${this.onChange}
      >
        <option value="-1">${this.placeholder}</option>${this.optionNodes()}
      </select>
    </div>`;
  }
}
