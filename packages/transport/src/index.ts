export { createSubmitter, type SubmitRequest, type SubmitterOptions } from './submit.js';
export { createUploader, type UploadRequest } from './upload.js';
