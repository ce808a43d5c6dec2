export { createSubmitter, type SubmitRequest, type SubmitterOptions } from './submit.js';
export { createAttempt, createLookup, type AttemptOptions, type AttemptOutcome, type AttemptRequest, type LookupOutcome } from './attempt.js';
export {
  Outbox, localLock, memoryOutboxStore, sameAnswers, systemClock,
  type Clock, type Connectivity, type OutboxEntry, type OutboxPorts, type OutboxReceipt, type OutboxStore, type PendingFile, type Reopens, type Replacement,
} from './outbox.js';
export { createAttachmentRemover, createUploader, type UploadRequest } from './upload.js';
export { createMyDataClient, MyDataError, type MyDataOffer, type MyDataPrefill, type MyDataProvenance, type MyDataResult } from './mydata.js';
