import { FormosaTextField } from '../text-field/text-field.js';

/**
 * A date input; the value is an ISO 8601 date (YYYY-MM-DD).
 * @summary Date field with the browser's date picker.
 * @csspart input - The native input.
 * @example
 * <formosa-date-field name="birthDate" label="出生日期"></formosa-date-field>
 */
export class FormosaDateField extends FormosaTextField {
  protected override nativeType(): string {
    return 'date';
  }
}
