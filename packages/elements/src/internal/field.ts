/**
 * The base of every field control: form-associated (ElementInternals), labelled, with hint and error
 * wired through `aria-describedby`, a visually hidden "Error:" prefix, and native-like validity.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FormosaChangeEvent, FormosaInputEvent } from './events.js';

/** A choice of a select or radio group. `lang` marks a label shown in a fallback language. */
export interface FieldChoice {
  readonly value: unknown;
  readonly label: string;
  readonly hint?: string;
  readonly lang?: string;
}

export abstract class FormosaField extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

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
  declare readonly: boolean;
  declare autocomplete: string | undefined;

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

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.internals.setFormValue(this.disabled ? null : this.formValue);
    const anchor = this.anchor ?? undefined;
    if (this.error) this.internals.setValidity({ customError: true }, this.error, anchor);
    else if (this.required && !this.disabled && this.formValue === null) this.internals.setValidity({ valueMissing: true }, this.label, anchor);
    else this.internals.setValidity({});
    this.setState('user-invalid', Boolean(this.error));
  }

  private setState(state: string, on: boolean): void {
    // CustomStateSet: lets hosts style `formosa-text-field:state(user-invalid)`.
    const states = (this.internals as ElementInternals & { states?: Set<string> }).states;
    if (!states) return;
    if (on) states.add(state);
    else states.delete(state);
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  protected emitInput(value: unknown): void {
    this.dispatchEvent(new FormosaInputEvent(this.name, value));
  }
  protected emitChange(value: unknown): void {
    this.dispatchEvent(new FormosaChangeEvent(this.name, value));
  }

  /** `hint error` ids present, for aria-describedby (subclasses with more described parts override it). */
  protected describedBy(): string | typeof nothing {
    const ids = [this.hint ? 'hint' : '', this.error ? 'error' : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  protected renderLabelText(): TemplateResult {
    return html`<span lang=${this.labelLang ?? nothing}>${this.label}</span>${!this.required && this.optionalText && !this.readonly
        ? html` <span class="optional">${this.optionalText}</span>`
        : nothing}`;
  }

  protected renderHint(): TemplateResult | typeof nothing {
    return this.hint ? html`<p id="hint" class="hint" part="hint" lang=${this.hintLang ?? nothing}>${this.hint}</p>` : nothing;
  }

  protected renderError(): TemplateResult | typeof nothing {
    return this.error
      ? html`<p id="error" class="error" part="error"><span class="visually-hidden">${this.errorPrefix} </span><span lang=${this.errorLang ?? nothing}>${this.error}</span></p>`
      : nothing;
  }
}
