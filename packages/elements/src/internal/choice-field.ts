/** The base of fields whose answer is one of a list of choices (select, radio group). */
import { FormosaField, type FieldChoice } from './field.js';

export abstract class FormosaChoiceField extends FormosaField {
  static override properties = { ...FormosaField.properties, value: {}, options: { attribute: false } };

  /** The chosen option's value (any JSON scalar), or undefined. */
  declare value: unknown;
  declare options: readonly FieldChoice[];

  constructor() {
    super();
    this.options = [];
  }

  /** Index of the chosen option, or -1. */
  protected get selectedIndex(): number {
    return this.options.findIndex((o) => o.value === this.value);
  }
  protected get formValue(): string | null {
    return this.selectedIndex < 0 ? null : String(this.value);
  }
  /** The option whose value reads as the state; a state no option has yet is kept as text (options set later). */
  protected applyState(state: string | null): void {
    this.value = this.options.find((o) => String(o.value) === state)?.value ?? state ?? undefined;
  }

  /** The citizen chose option `index` (or none, for -1). */
  protected choose(index: number): void {
    this.value = index >= 0 ? this.options[index]?.value : undefined;
    this.emitInput(this.value);
    this.emitChange(this.value);
  }
}
