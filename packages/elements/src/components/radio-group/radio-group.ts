import { html, nothing } from 'lit';
import { FormosaChoiceField } from '../../internal/choice-field.js';
import { noteStyles } from '../../internal/field.js';
import { choiceStyles, fieldStyles, tokens, visuallyHidden } from '../../internal/styles.js';

/**
 * A group of radio buttons in a fieldset whose legend is the question; arrow keys move between choices.
 * @summary Radio group, form-associated; `value` holds the chosen option's value.
 * @csspart field - The fieldset.
 * @csspart option - Each choice's row.
 * @event formosa-change - When the citizen chooses an option.
 * @example
 * <formosa-radio-group name="type" label="出租人身分" .options=${[{ value: 'person', label: '個人' }, { value: 'company', label: '公司' }]}></formosa-radio-group>
 */
export class FormosaRadioGroup extends FormosaChoiceField {
  static override styles = [tokens, fieldStyles, visuallyHidden, choiceStyles, noteStyles];

  protected get anchor(): HTMLElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }
  override render() {
    const selected = this.selectedIndex;
    return html`<fieldset part="field" class="field ${this.error ? 'field--error' : ''}" role="radiogroup" aria-describedby=${this.describedBy()} aria-readonly=${this.readonly || nothing} ?disabled=${this.isDisabled} @click=${this.refuse} @keydown=${this.refuse}>
      <legend part="label">${this.renderLabelText()}</legend>
      ${this.renderNotes()} ${this.renderError()}
      ${this.options.map(
        (o, i) => html`<div class="choice" part="option">
          <input
            type="radio"
            id="o${i}"
            name="choice"
            .checked=${i === selected}
            ?required=${this.required}
            aria-invalid=${this.error ? 'true' : nothing}
            aria-describedby=${o.hint ? `h${i}` : nothing}
            @change=${() => this.choose(i)}
          />
          <div>
            <label for="o${i}" lang=${o.lang ?? nothing}>${o.label}</label>
            ${o.hint ? html`<p class="hint" id="h${i}">${o.hint}</p>` : nothing}
          </div>
        </div>`,
      )}
    </fieldset>`;
  }
}
