export { openBrowserStorage, DEFAULT_DATABASE, type BrowserStorage } from './browser-storage.js';
export { browserLock, browserTabLeases } from './tabs.js';
export { Sealer, newDeviceKey, type SealedRecord } from './sealed.js';
