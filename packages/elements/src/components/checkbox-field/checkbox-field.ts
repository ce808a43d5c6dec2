import { css, html, nothing } from 'lit';
import { FormosaField, noteStyles } from '../../internal/field.js';
import { choiceStyles, fieldStyles, tokens, visuallyHidden } from '../../internal/styles.js';

/**
 * A single yes/no checkbox. With a `statement` it is a consent or declaration: the statement sits in a box
 * above the checkbox and is read out with it (aria-describedby). `checked` is the value; unticked is `false`.
 * @summary Checkbox, or consent/declaration with its statement; form-associated.
 * @csspart statement - The box with the statement agreed to.
 * @csspart input - The native checkbox.
 * @event formosa-change - When the citizen ticks or unticks it.
 * @example
 * <formosa-checkbox-field name="declaration" label="本人所填資料均屬實" required></formosa-checkbox-field>
 */
export class FormosaCheckboxField extends FormosaField {
  static override styles = [
    tokens,
    fieldStyles,
    visuallyHidden,
    choiceStyles,
    noteStyles,
    css`
      .statement {
        border: 2px solid var(--_border);
        padding: calc(var(--_space) * 0.75);
        margin: 0 0 var(--_space);
        max-height: 20em;
        overflow-y: auto;
        white-space: pre-line;
      }
    `,
  ];

  static override properties = { ...FormosaField.properties, checked: { type: Boolean }, value: {}, statement: {}, statementLang: { attribute: 'statement-lang' }, statementLabel: { attribute: 'statement-label' } };

  declare checked: boolean;
  /** Submitted with a native form when ticked (like the native checkbox's `value`). */
  declare value: string;
  /** The text agreed to (a consent or declaration). */
  declare statement: string | undefined;
  declare statementLang: string | undefined;
  /** The name of the statement's scrollable region, e.g. "聲明內容" (the checkbox's label names the checkbox, not the text). */
  declare statementLabel: string;

  constructor() {
    super();
    this.checked = false;
    this.value = 'on';
    this.statementLabel = 'Statement';
  }

  protected get anchor(): HTMLElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }
  protected get formValue(): string | null {
    return this.checked ? this.value : null;
  }
  /** The `checked` attribute is the default (as a native checkbox's), so the property does not reflect to it. */
  protected override get defaultState(): string | null {
    return this.hasAttribute('checked') ? this.value : null;
  }
  protected applyState(state: string | null): void {
    this.checked = state !== null;
  }

  override render() {
    return html`<div part="field" class="field ${this.error ? 'field--error' : ''}">
      ${this.statement
        ? html`<div id="statement" class="statement" part="statement" tabindex="0" role="region" aria-label=${this.statementLabel} lang=${this.statementLang ?? nothing}>${this.statement}</div>`
        : nothing}
      ${this.renderNotes()} ${this.renderError()}
      <div class="choice" @click=${this.refuse}>
        <input
          id="input"
          part="input"
          type="checkbox"
          .checked=${this.checked}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          aria-readonly=${this.readonly || nothing}
          aria-invalid=${this.error ? 'true' : nothing}
          aria-describedby=${this.describedBy(Boolean(this.statement) && 'statement')}
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
