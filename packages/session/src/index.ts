export { createFormSession, FormSession, viewOf, type SaveState, type SessionChange, type SessionOptions, type SessionPorts, type Snapshot } from './session.js';
export {
  DraftStoreError, labelsOf, memoryDraftStore, memoryTabLeases,
  type DraftEnvelope, type DraftStore, type HeldLease, type Labels, type LeaseHandlers, type StoredFile, type TabLease,
} from './ports.js';
export { carryOver, type DroppedAnswer } from './carry-over.js';
export { differences, isLocalFile, localFilesIn, type Difference } from './answers.js';
export { lockedUnder, mergePrefill, withoutPrefill, type MyDataPort, type MyDataPrefill, type MyDataProvenance, type MyDataResult, type MyDataStatus } from './mydata.js';
export { reopenedJourney, type ReopenedJourney } from './reopened.js';
