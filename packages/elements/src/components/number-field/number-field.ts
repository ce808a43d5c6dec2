import { FormosaTextField } from '../text-field/text-field.js';

/**
 * A number input. A text input with a numeric keyboard (as GOV.UK advises, not `type=number`, which
 * rounds, scrolls and rejects what citizens type, such as "12,000" or full-width digits).
 * @summary Number field; the engine parses what was typed.
 * @csspart input - The native input.
 * @example
 * <formosa-number-field name="rent" label="每月租金（新臺幣元）"></formosa-number-field>
 */
export class FormosaNumberField extends FormosaTextField {
  protected override nativeType(): string {
    return 'text';
  }
  protected override nativeInputMode(): string {
    return this.inputmode ?? 'decimal';
  }
}
