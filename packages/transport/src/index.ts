export { createSubmitter, type SubmitRequest, type SubmitterOptions } from './submit.js';
export { createAttachmentRemover, createUploader, type UploadRequest } from './upload.js';
