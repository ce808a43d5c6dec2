/** Mapping MyData datasets to form values, and the seal that keeps the locked ones as they were handed out. */
export { applyMapping, SUBJECT_RESOURCE, type MappingProblem, type MappingResult, type MyDataDatasetContent, type Provenance } from './apply.js';
export { transform, type TransformResult } from './transforms.js';
export { select, SELECT_LIMITS } from './select.js';
export { sealValues, checkSeal, SEAL_LIMITS, type SealCheck, type SealInput } from './seal.js';
export { rocDate } from './roc-date.js';
export { maskedId, maskedMatch } from './masked-id.js';
export { twCounty } from './tw-county.js';
export { twAddress } from './tw-address.js';
