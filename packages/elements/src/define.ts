/** Registers every Formosa element (guarded: loading the SDK twice does not throw). Import for its side effect. */
import { defineElement } from './internal/define.js';
import { FormosaForm } from './components/form/form.js';
import { FormosaTextField } from './components/text-field/text-field.js';
import { FormosaNumberField } from './components/number-field/number-field.js';
import { FormosaDateField } from './components/date-field/date-field.js';
import { FormosaTextareaField } from './components/textarea-field/textarea-field.js';
import { FormosaSelectField } from './components/select-field/select-field.js';
import { FormosaRadioGroup } from './components/radio-group/radio-group.js';
import { FormosaCheckboxField } from './components/checkbox-field/checkbox-field.js';
import { FormosaSection } from './components/section/section.js';
import { FormosaStepper } from './components/stepper/stepper.js';
import { FormosaErrorSummary } from './components/error-summary/error-summary.js';
import { FormosaReview } from './components/review/review.js';
import { FormosaReceipt } from './components/receipt/receipt.js';
import { FormosaLanguageSwitcher } from './components/language-switcher/language-switcher.js';
import { FormosaFileField } from './components/file-field/file-field.js';
import { FormosaDrafts } from './components/drafts/drafts.js';

export const ELEMENTS = {
  'formosa-form': FormosaForm,
  'formosa-text-field': FormosaTextField,
  'formosa-number-field': FormosaNumberField,
  'formosa-date-field': FormosaDateField,
  'formosa-textarea-field': FormosaTextareaField,
  'formosa-select-field': FormosaSelectField,
  'formosa-radio-group': FormosaRadioGroup,
  'formosa-checkbox-field': FormosaCheckboxField,
  'formosa-section': FormosaSection,
  'formosa-stepper': FormosaStepper,
  'formosa-error-summary': FormosaErrorSummary,
  'formosa-review': FormosaReview,
  'formosa-receipt': FormosaReceipt,
  'formosa-language-switcher': FormosaLanguageSwitcher,
  'formosa-file-field': FormosaFileField,
  'formosa-drafts': FormosaDrafts,
} as const;

for (const [name, constructor] of Object.entries(ELEMENTS)) defineElement(name, constructor);

declare global {
  interface HTMLElementTagNameMap {
    'formosa-form': FormosaForm;
    'formosa-text-field': FormosaTextField;
    'formosa-number-field': FormosaNumberField;
    'formosa-date-field': FormosaDateField;
    'formosa-textarea-field': FormosaTextareaField;
    'formosa-select-field': FormosaSelectField;
    'formosa-radio-group': FormosaRadioGroup;
    'formosa-checkbox-field': FormosaCheckboxField;
    'formosa-section': FormosaSection;
    'formosa-stepper': FormosaStepper;
    'formosa-error-summary': FormosaErrorSummary;
    'formosa-review': FormosaReview;
    'formosa-receipt': FormosaReceipt;
    'formosa-language-switcher': FormosaLanguageSwitcher;
    'formosa-file-field': FormosaFileField;
    'formosa-drafts': FormosaDrafts;
  }
}
