export { startServer, type RunningServer, type ServerOptions } from './app.js';
export { type MyDataSetup } from './mydata.js';
export { demoMyData, type DemoMyDataOptions } from './demo-mydata.js';
export { SubmissionStore, newReceipt, type StoredSubmission, type SubmissionSummary, type StoreOptions } from './store.js';
export { loadForms, type ServedForm } from './forms.js';
export { STRICT_CSP } from './http.js';
