/**
 * The base of every field control: form-associated (ElementInternals), labelled, with hint and error
 * wired through `aria-describedby`, a visually hidden "Error:" prefix, and native-like validity.
 */
import { LitElement, css, html, nothing, unsafeCSS, type CSSResult, type CSSResultGroup, type CSSResultOrNative, type PropertyValues, type TemplateResult } from 'lit';
import { FormosaChangeEvent, FormosaInputEvent } from './events.js';

/** A choice of a select or radio group. `lang` marks a label shown in a fallback language. */
export interface FieldChoice {
  readonly value: unknown;
  readonly label: string;
  readonly hint?: string;
  readonly lang?: string;
}

/** The custom states of every field control (`:state(…)`). */
export type FieldState = 'required' | 'disabled' | 'readonly' | 'blank' | 'valid' | 'invalid' | 'user-valid' | 'user-invalid';

/**
 * The base of every field control. Its custom states are kept true to the control at every update, so hosts style
 * them as native pseudo-classes: `formosa-text-field:state(user-invalid)`.
 * @cssstate required - An answer is required.
 * @cssstate disabled - Disabled by its own `disabled`, or by a disabled `<fieldset>` or form around it.
 * @cssstate readonly - Read-only (e.g. a value verified by MyData).
 * @cssstate blank - Nothing entered yet.
 * @cssstate valid - Validated (neither disabled nor read-only) and satisfying its constraints.
 * @cssstate invalid - Validated and not satisfying them (required and blank, or an error).
 * @cssstate user-valid - Valid after the citizen committed a value (until a form reset).
 * @cssstate user-invalid - An error message is shown.
 * @csspart field - The wrapper (the fieldset of a radio group or a date in parts), marked with an error bar when invalid.
 * @csspart label - The label (or legend).
 * @csspart hint - The hint.
 * @csspart error - The error message.
 * @csspart lock-reason - Why a read-only value is locked (`lock-reason`).
 * @csspart provenance - Where the value came from (`provenance`).
 * @event formosa-input - The value changed as the citizen edits it (`name`, `value`).
 * @event formosa-change - The citizen committed a value (`name`, `value`).
 * @event change - A native-like `change` (bubbles, not composed) when the citizen commits a value, beside `formosa-change`.
 */
export abstract class FormosaField extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** One style sheet per kind of field, not five: each of a form's shadow roots adopts one, and style matching walks one. */
  protected static override finalizeStyles(styles?: CSSResultGroup): CSSResultOrNative[] {
    const sheets = super.finalizeStyles(styles);
    return sheets.every((s) => 'cssText' in s) ? [unsafeCSS((sheets as CSSResult[]).map((s) => s.cssText).join('\n'))] : sheets;
  }

  static override properties = {
    name: { reflect: true },
    label: {},
    labelLang: { attribute: 'label-lang' },
    hint: {},
    hintLang: { attribute: 'hint-lang' },
    error: {},
    errorLang: { attribute: 'error-lang' },
    errorPrefix: { attribute: 'error-prefix' },
    optionalText: { attribute: 'optional-text' },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
    autocomplete: {},
    lockReason: { attribute: 'lock-reason' },
    provenance: {},
    formDisabled: { state: true },
    committed: { state: true },
  };

  /** Name under which the value is submitted with a surrounding `<form>`. */
  declare name: string;
  declare label: string;
  /** Language of the label when it is a fallback (screen readers switch pronunciation). */
  declare labelLang: string | undefined;
  declare hint: string | undefined;
  declare hintLang: string | undefined;
  /** The error message to show; empty when the field is fine. */
  declare error: string;
  /** Language of the error message when it is a fallback (a definition's own message not translated yet). */
  declare errorLang: string | undefined;
  /** Visually hidden prefix of the error message, e.g. "Error:" or "錯誤：". */
  declare errorPrefix: string;
  /** Shown after the label of optional fields, e.g. "(optional)". Empty to show nothing. */
  declare optionalText: string;
  declare required: boolean;
  declare disabled: boolean;
  /** Focusable and read, but not changeable (unlike `disabled`); still submitted with its form. */
  declare readonly: boolean;
  declare autocomplete: string | undefined;
  /** Why a read-only value cannot be changed, e.g. "已由戶政資料驗證"; shown under the label and announced with the control. */
  declare lockReason: string | undefined;
  /** Where the value came from, e.g. "MyData · 內政部戶政司 · 2026-12-06 14:05"; shown and announced the same way. */
  declare provenance: string | undefined;
  /** Disabled by a disabled `<fieldset>` or form around it (kept apart, so the author's own `disabled` survives). */
  declare private formDisabled: boolean;
  /** The citizen committed a value since the last reset (the `user-valid` state). */
  declare private committed: boolean;

  protected readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.name = '';
    this.label = '';
    this.error = '';
    this.errorPrefix = 'Error:';
    this.optionalText = '';
    this.required = false;
    this.disabled = false;
    this.readonly = false;
    this.formDisabled = false;
    this.committed = false;
  }

  /** The element validity is reported against (the native control inside). */
  protected abstract get anchor(): HTMLElement | null;
  /** The value as submitted with a native form, or null when unanswered. */
  protected abstract get formValue(): string | null;

  /** The native form this control belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
  /** Like the native one: a non-empty message makes the control invalid and shows the message. */
  setCustomValidity(message: string): void {
    this.error = message;
  }

  /** The state a form keeps to restore this control (back/forward, autofill): the submitted value by default. */
  protected get formState(): string | null {
    return this.formValue;
  }
  /** Nothing entered yet (the `blank` state). */
  protected get blank(): boolean {
    return this.formValue === null;
  }
  /** The value a form reset returns to (null: unanswered): the `value` attribute, as a native input's default. */
  protected get defaultState(): string | null {
    return this.getAttribute('value');
  }
  /** Sets the value from a state this control gave `setFormValue` (or a default; null: unanswered). */
  protected abstract applyState(state: string | null): void;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const { internals } = this;
    internals.setFormValue(this.isDisabled ? null : this.formValue, this.formState);
    const anchor = this.anchor ?? undefined;
    if (this.error) internals.setValidity({ customError: true }, this.error, anchor);
    else if (this.required && !this.isDisabled && this.formValue === null) internals.setValidity({ valueMissing: true }, this.label, anchor);
    else internals.setValidity({});
    // Custom states, so hosts can style `formosa-text-field:state(user-invalid)`. Valid and invalid, as the native
    // pseudo-classes, only while the control is validated (not disabled, not read-only); the user- ones only once the
    // citizen committed a value or an error shows.
    const validated = internals.willValidate;
    const valid = internals.validity.valid;
    const states: Record<FieldState, boolean> = {
      required: this.required, disabled: this.isDisabled, readonly: this.readonly, blank: this.blank,
      valid: validated && valid, invalid: validated && !valid,
      'user-invalid': Boolean(this.error), 'user-valid': this.committed && validated && valid,
    };
    // Browsers before CustomStateSet (Safari 17.3, iOS 16 on older phones) have no `states`: the control works unstyled.
    const set = internals.states as CustomStateSet | undefined;
    // Only what changed is written: each write restyles the host, and most updates change no state at all.
    for (const [state, on] of Object.entries(states)) {
      if (!set || on === set.has(state)) continue;
      if (on) set.add(state);
      else set.delete(state);
    }
  }

  /** Like a native control: back to the default (the `value` attribute, `checked` for a checkbox), untouched. */
  formResetCallback(): void {
    this.committed = false;
    this.applyState(this.defaultState);
  }
  /** The browser gives back the state set with `setFormValue` (back/forward cache, session restore, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    this.applyState(typeof state === 'string' ? state : null);
  }
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Disabled by its author or by its fieldset or form. */
  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Read-only with a reason to show. */
  private get locked(): boolean {
    return this.readonly && Boolean(this.lockReason);
  }

  /**
   * Keeps a read-only select, radio group or checkbox (no native `readonly` there) as it is: refuses a click (also a
   * label's, and the one Space or an arrow key makes on a radio), a select's mousedown (its list) and the keys that
   * change a choice (arrows, Home, End, Page…, typing). Tab and Enter still work.
   */
  protected refuse(event: Event): void {
    const { key, ctrlKey, metaKey } = event as KeyboardEvent;
    if (this.readonly && (event.type !== 'keydown' || (/^(.|Arrow\w+|Page\w+|Home|End)$/u.test(key) && !ctrlKey && !metaKey))) event.preventDefault();
  }

  protected emitInput(value: unknown): void {
    this.dispatchEvent(new FormosaInputEvent(this.name, value));
  }
  /** The citizen committed a value: `formosa-change`, and a native-like `change` (bubbling, not composed) for frameworks' bindings. */
  protected emitChange(value: unknown): void {
    this.committed = true;
    this.dispatchEvent(new FormosaChangeEvent(this.name, value));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** The ids of the notes present (`first`, hint, lock reason, provenance, error), for aria-describedby. */
  protected describedBy(first?: string | false): string | typeof nothing {
    return [first, this.hint && 'hint', this.locked && 'lock', this.provenance && 'provenance', this.error && 'error'].filter(Boolean).join(' ') || nothing;
  }

  protected renderLabelText(): TemplateResult {
    // One template whether or not the field is optional (an empty span costs less than a nested template).
    const optional = !this.required && this.optionalText && !this.readonly ? ` ${this.optionalText}` : '';
    return html`<span lang=${this.labelLang ?? nothing}>${this.label}</span><span class="optional">${optional}</span>`;
  }

  protected renderHint(): TemplateResult | typeof nothing {
    return this.hint ? html`<p id="hint" class="hint" part="hint" lang=${this.hintLang ?? nothing}>${this.hint}</p>` : nothing;
  }

  /**
   * The notes under the label: the hint, then why the value is locked and where it came from. They stay in the
   * control's own shadow tree, as aria-describedby cannot point across shadow roots.
   */
  protected renderNotes(): TemplateResult | typeof nothing {
    // Most fields have a hint at most: no template around it (a field's first render is a good part of a cold start).
    if (!this.locked && !this.provenance) return this.renderHint();
    return html`${this.renderHint()}${this.locked ? html`<p id="lock" class="hint" part="lock-reason">${this.lockReason}</p>` : nothing}${this.provenance
        ? html`<p id="provenance" class="provenance" part="provenance">${this.provenance}</p>`
        : nothing}`;
  }

  protected renderError(): TemplateResult | typeof nothing {
    return this.error
      ? html`<p id="error" class="error" part="error"><span class="visually-hidden">${this.errorPrefix} </span><span lang=${this.errorLang ?? nothing}>${this.error}</span></p>`
      : nothing;
  }
}

/**
 * The provenance line: smaller, in its own colour (dark green by default, AA on white).
 * @cssprop --formosa-color-provenance - Colour of the provenance line.
 */
export const noteStyles = css`
  .provenance {
    color: var(--formosa-color-provenance, #00703c);
    font-size: 0.875em;
    margin: 0 0 0.5rem;
  }
  select[aria-readonly='true'],
  textarea[readonly] {
    border-color: transparent;
    background: var(--_surface);
  }
`;
