export { createSubmitter, type SubmitRequest, type SubmitterOptions } from './submit.js';
