/**
 * This device, as the page's forms see it: the encrypted store (loaded on demand, opened once per page), the tab
 * leases, the connection, and what to use when nothing may or can be kept (memory).
 */
import type { DraftStore, TabLease } from '@formosa/session';
import { localLock, memoryOutboxStore, type Connectivity, type OutboxStore } from '@formosa/transport';

export interface PageDevice {
  /** Absent when the browser keeps nothing here (no IndexedDB, private mode, blocked). */
  readonly drafts?: DraftStore;
  readonly outbox: OutboxStore;
  readonly tabs?: TabLease;
  readonly lock: <T>(name: string, work: () => Promise<T>) => Promise<T>;
  /** Why nothing can be kept, when so. */
  readonly problem?: 'quota' | 'unavailable';
  close(): void;
}

/** navigator.onLine and its events: a hint (it can say online on a captive portal), never a promise. */
export const browserConnectivity: Connectivity = {
  online: () => globalThis.navigator?.onLine ?? true,
  subscribe: (listener) => {
    const online = () => listener(true);
    const offline = () => listener(false);
    addEventListener('online', online);
    addEventListener('offline', offline);
    return () => {
      removeEventListener('online', online);
      removeEventListener('offline', offline);
    };
  },
};

/** Where a form that must keep nothing on the device puts its outbox: this page's memory. */
export const memoryDevice: PageDevice = { outbox: memoryOutboxStore(), lock: localLock, close: () => undefined };

let opening: Promise<PageDevice> | undefined;

/** The page's device, opened on first use (the storage code is its own chunk, fetched beside the definition). */
export function pageDevice(): Promise<PageDevice> {
  return (opening ??= open());
}

async function open(): Promise<PageDevice> {
  try {
    const { openBrowserStorage, browserLock, browserTabLeases } = await import('@formosa/storage');
    const storage = await openBrowserStorage();
    return { drafts: storage.drafts, outbox: storage.outbox, tabs: browserTabLeases(), lock: browserLock, close: () => storage.close() };
  } catch (error) {
    // Said on the form and with a formosa-error event (kind `storage`).
    return { ...memoryDevice, problem: (error as { reason?: string } | undefined)?.reason === 'quota' ? 'quota' : 'unavailable' };
  }
}

/** Closes the page's store and forgets it (tests start each case on a clean device). */
export async function closePageDevice(): Promise<void> {
  const device = await opening;
  opening = undefined;
  device?.close();
}
