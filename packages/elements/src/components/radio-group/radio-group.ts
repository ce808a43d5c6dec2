import { html, nothing, type PropertyValues } from 'lit';
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

  /** A radio button, its label and its hint per choice (made once per list: see choiceNodes). */
  private optionNodes(): DocumentFragment {
    return this.choiceNodes((choice, i) => {
      const input = Object.assign(document.createElement('input'), { type: 'radio', id: `o${i}`, name: 'choice' });
      const label = Object.assign(document.createElement('label'), { htmlFor: input.id, textContent: choice.label });
      if (choice.lang) label.lang = choice.lang;
      const text = document.createElement('div');
      text.append(label);
      if (choice.hint) {
        input.setAttribute('aria-describedby', `h${i}`);
        text.append(Object.assign(document.createElement('p'), { className: 'hint', id: `h${i}`, textContent: choice.hint }));
      }
      const row = Object.assign(document.createElement('div'), { className: 'choice' });
      row.setAttribute('part', 'option');
      row.append(input, text);
      return { node: row, control: input };
    });
  }

  private onChange(event: Event): void {
    const index = this.choiceControls.indexOf(event.target as HTMLInputElement);
    if (index >= 0) this.choose(index);
  }

  protected override updated(changed: PropertyValues): void {
    // The choices' state follows the field's (the choices themselves are not re-rendered).
    const selected = this.selectedIndex;
    (this.choiceControls as readonly HTMLInputElement[]).forEach((input, i) => {
      input.checked = i === selected;
      input.required = this.required;
      if (this.error) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    });
    super.updated(changed);
  }

  override render() {
    return html`<fieldset part="field" class="field ${this.error ? 'field--error' : ''}" role="radiogroup" aria-describedby=${this.describedBy()} aria-readonly=${this.readonly || nothing} ?disabled=${this.isDisabled} @click=${this.refuse} @keydown=${this.refuse} @change=${this.onChange}>
      <legend part="label">${this.renderLabelText()}</legend>
      ${this.renderNotes()} ${this.renderError()}
      ${this.optionNodes()}
    </fieldset>`;
  }
}
