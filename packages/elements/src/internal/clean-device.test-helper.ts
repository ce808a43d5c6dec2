// For browser tests: each test starts on a device with nothing kept, so no draft of an earlier test comes back.
import { deleteDB } from 'idb';
import { closePageDevice } from './device.js';
import { DEFAULT_DATABASE } from '@formosa/storage';

beforeEach(async () => {
  await closePageDevice();
  await deleteDB(DEFAULT_DATABASE);
});
