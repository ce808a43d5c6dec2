export { FormosaForm } from './components/form/form.js';
export { FormosaTextField } from './components/text-field/text-field.js';
export { FormosaNumberField } from './components/number-field/number-field.js';
export { FormosaDateField } from './components/date-field/date-field.js';
export { FormosaTextareaField } from './components/textarea-field/textarea-field.js';
export { FormosaSelectField } from './components/select-field/select-field.js';
export { FormosaRadioGroup } from './components/radio-group/radio-group.js';
export { FormosaCheckboxField } from './components/checkbox-field/checkbox-field.js';
export { FormosaSection } from './components/section/section.js';
export { FormosaStepper, type StepperStep } from './components/stepper/stepper.js';
export { FormosaErrorSummary, type SummaryError } from './components/error-summary/error-summary.js';
export { FormosaReview, type ReviewList, type ReviewRow, type ReviewSection } from './components/review/review.js';
export { FormosaReceipt } from './components/receipt/receipt.js';
export { FormosaLanguageSwitcher } from './components/language-switcher/language-switcher.js';
export { FormosaFileField, type FileFieldTexts, type Remover, type Uploader } from './components/file-field/file-field.js';
export { FormosaDrafts } from './components/drafts/drafts.js';
export { FormosaField, type FieldChoice, type FieldState } from './internal/field.js';
export { FormosaChoiceField } from './internal/choice-field.js';
export {
  FormosaBeforeSubmitEvent, FormosaChangeEvent, FormosaErrorEvent, FormosaErrorSelectEvent, FormosaInputEvent, FormosaNavigateEvent,
  FormosaLocaleChangeEvent, FormosaStepChangeEvent, FormosaSubmitEvent, FormosaDraftDiscardedEvent, FormosaDraftRestoredEvent, FormosaDraftSavedEvent, FormosaOutboxEvent, FormosaMyDataEvent,
  FormosaLoadEvent, FormosaValidationEvent, FormosaAnalyticsEvent, type AnalyticsRecord,
} from './internal/events.js';
export { defineElement } from './internal/define.js';
