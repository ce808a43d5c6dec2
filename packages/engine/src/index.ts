export { FormEngine, type EngineOptions, type FieldError, type FormState, type SchemaValidationError, type SchemaValidator } from './form-engine.js';
export { compute, evaluate, isTruthy, type Reader } from './expression.js';
export { getAt, setAt, isEmpty, type Data } from './values.js';
export {
  FORMATS, checkBankAccount, checkBusinessId, checkDate, checkEmail, checkMobile, checkNationalId, checkPersonId, checkPhone, checkResidentId, decimalNumber, toHalfWidth, ROC_OFFSET, ROC_YEARS, rocYearOf,
  type FormatProblem,
} from './formats.js';
export { FormModel, stepKey, sectionKey, contentKey, type FieldInfo, type RepeatInfo, type Rule } from './model.js';
export { SubmissionError, UploadError, uploadFailureOf, type Receipt, type SubmissionFailure, type UploadFailure } from './submission.js';
export { fieldOptions, hasTaiwanLists, installTaiwanLists, postalCodeOf, sourceOptions, usesTaiwanLists, type TaiwanCounty, type TaiwanLists } from './taiwan.js';
export { MAX_ERRORS, MAX_VALUES, type DataShape } from './bounds.js';
export { characterProblem, type CharacterProblem } from './characters.js';
