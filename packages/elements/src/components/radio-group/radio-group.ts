import { css, html, nothing } from 'lit';
import { FormosaField, type FieldChoice } from '../../internal/field.js';
import { fieldStyles, tokens, visuallyHidden } from '../../internal/styles.js';

/**
 * A group of radio buttons in a fieldset whose legend is the question; arrow keys move between choices.
 * @summary Radio group, form-associated; `value` holds the chosen option's value.
 * @csspart field - The fieldset.
 * @csspart option - Each choice's row.
 * @event formosa-change - When the citizen chooses an option.
 * @example
 * <formosa-radio-group name="type" label="出租人身分" .options=${[{ value: 'person', label: '個人' }, { value: 'company', label: '公司' }]}></formosa-radio-group>
 */
export class FormosaRadioGroup extends FormosaField {
  static override styles = [
    tokens,
    fieldStyles,
    visuallyHidden,
    css`
      .option {
        display: flex;
        align-items: flex-start;
        gap: 0.5rem;
        margin-block: 0.25rem;
        min-height: 2.75rem;
      }
      .option input {
        width: 1.75rem;
        height: 1.75rem;
        min-height: 0;
        margin: 0.125rem 0 0;
        flex: none;
        accent-color: var(--_text);
      }
      .option label {
        font-weight: 400;
        padding-block: 0.25rem;
        cursor: pointer;
      }
      .option .hint {
        margin: 0;
      }
    `,
  ];
  static override properties = { ...FormosaField.properties, value: {}, options: { attribute: false } };

  declare value: unknown;
  declare options: readonly FieldChoice[];

  constructor() {
    super();
    this.options = [];
  }

  private get index(): number {
    return this.options.findIndex((o) => o.value === this.value);
  }
  protected get anchor(): HTMLElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }
  protected get formValue(): string | null {
    return this.index < 0 ? null : String(this.value);
  }
  formResetCallback(): void {
    this.value = undefined;
  }

  private choose(index: number): void {
    this.value = this.options[index]!.value;
    this.emitInput(this.value);
    this.emitChange(this.value);
  }

  override render() {
    const selected = this.index;
    return html`<fieldset part="field" class="field ${this.error ? 'field--error' : ''}" aria-describedby=${this.describedBy()} ?disabled=${this.disabled}>
      <legend part="label">${this.renderLabelText()}</legend>
      ${this.renderHint()} ${this.renderError()}
      ${this.options.map(
        (o, i) => html`<div class="option" part="option">
          <input
            type="radio"
            id="o${i}"
            name="choice"
            .checked=${i === selected}
            ?required=${this.required}
            ?disabled=${this.disabled || this.readonly}
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
