import { html, nothing, type PropertyValues } from 'lit';
import { FormosaChoiceField } from '../../internal/choice-field.js';
import { noteStyles, type FieldChoice } from '../../internal/field.js';
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

  /** The choices as elements, made once per list (a template per choice was two more to clone per yes/no question). */
  private optionList?: { readonly of: readonly FieldChoice[]; readonly nodes: DocumentFragment; readonly inputs: readonly HTMLInputElement[] };

  protected get anchor(): HTMLElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }

  /** A fragment Lit inserts once; the same fragment on the next render leaves the choices as they are. */
  private optionNodes(): DocumentFragment {
    if (this.optionList?.of !== this.options) {
      const nodes = document.createDocumentFragment();
      const inputs = this.options.map((o, i) => {
        const input = Object.assign(document.createElement('input'), { type: 'radio', id: `o${i}`, name: 'choice' });
        const label = Object.assign(document.createElement('label'), { htmlFor: input.id, textContent: o.label });
        if (o.lang) label.lang = o.lang;
        const text = document.createElement('div');
        text.append(label);
        if (o.hint) {
          input.setAttribute('aria-describedby', `h${i}`);
          text.append(Object.assign(document.createElement('p'), { className: 'hint', id: `h${i}`, textContent: o.hint }));
        }
        const choice = Object.assign(document.createElement('div'), { className: 'choice' });
        choice.setAttribute('part', 'option');
        choice.append(input, text);
        nodes.append(choice);
        return input;
      });
      this.optionList = { of: this.options, nodes, inputs };
    }
    return this.optionList.nodes;
  }

  private onChange(event: Event): void {
    const index = this.optionList?.inputs.indexOf(event.target as HTMLInputElement) ?? -1;
    if (index >= 0) this.choose(index);
  }

  protected override updated(changed: PropertyValues): void {
    // The choices' state follows the field's (the choices themselves are not re-rendered).
    const selected = this.selectedIndex;
    this.optionList?.inputs.forEach((input, i) => {
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
