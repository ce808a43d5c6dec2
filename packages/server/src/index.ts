export { startServer, type RunningServer, type ServerOptions } from './app.js';
export { SubmissionStore, newReceipt, type StoredSubmission } from './store.js';
export { loadForms, type ServedForm } from './forms.js';
export { STRICT_CSP } from './http.js';
