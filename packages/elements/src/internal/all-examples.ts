/** Every component's examples, by tag name: the source for stories, tests and accessibility runs. */
import type { Example } from './example.js';
import { examples as textField } from '../components/text-field/text-field.examples.js';
import { examples as numberField } from '../components/number-field/number-field.examples.js';
import { examples as dateField } from '../components/date-field/date-field.examples.js';
import { examples as textareaField } from '../components/textarea-field/textarea-field.examples.js';
import { examples as selectField } from '../components/select-field/select-field.examples.js';
import { examples as radioGroup } from '../components/radio-group/radio-group.examples.js';
import { examples as checkboxField } from '../components/checkbox-field/checkbox-field.examples.js';
import { examples as section } from '../components/section/section.examples.js';
import { examples as stepper } from '../components/stepper/stepper.examples.js';
import { examples as errorSummary } from '../components/error-summary/error-summary.examples.js';
import { examples as review } from '../components/review/review.examples.js';
import { examples as receipt } from '../components/receipt/receipt.examples.js';
import { examples as form } from '../components/form/form.examples.js';
import { examples as languageSwitcher } from '../components/language-switcher/language-switcher.examples.js';
import { examples as fileField } from '../components/file-field/file-field.examples.js';
import { examples as drafts } from '../components/drafts/drafts.examples.js';
import { examples as status } from '../components/status/status.examples.js';

export const ALL_EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  'formosa-text-field': textField,
  'formosa-number-field': numberField,
  'formosa-date-field': dateField,
  'formosa-textarea-field': textareaField,
  'formosa-select-field': selectField,
  'formosa-radio-group': radioGroup,
  'formosa-checkbox-field': checkboxField,
  'formosa-section': section,
  'formosa-stepper': stepper,
  'formosa-error-summary': errorSummary,
  'formosa-review': review,
  'formosa-receipt': receipt,
  'formosa-form': form,
  'formosa-language-switcher': languageSwitcher,
  'formosa-file-field': fileField,
  'formosa-drafts': drafts,
  'formosa-status': status,
};
