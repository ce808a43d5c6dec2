export { startServer, type RunningServer, type ServerOptions } from './app.js';
export { type MyDataSetup } from './mydata.js';
export { demoMyData, type DemoMyDataOptions } from './demo-mydata.js';
export { openStore, SqliteStore, PostgresStore, MissingAttachmentError, newReceipt, type Store, type StoreOutcome, type StoredSubmission, type StoredAttachment, type SubmissionSummary, type StoreOptions, type VerifiedAnswer } from './store/index.js';
export { loadForms, type ServedForm } from './forms.js';
export { STRICT_CSP } from './http.js';
export { DEFAULT_FLOW, canMove, flowProblems, type StatusFlow, type Actor } from './status/flow.js';
export { receiptSecretKey, receiptSecret, checkReceiptSecret } from './status/secret.js';
