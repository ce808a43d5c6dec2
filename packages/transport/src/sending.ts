/** The sending machinery a page needs only from the first Send (or to resume one): browsers fetch it on demand. */
export { Outbox } from './outbox.js';
export { createAttempt, createLookup } from './attempt.js';
