/**
 * One tab at a time on a draft, across the tabs of an origin: the holder keeps a Web Lock named after the draft;
 * another tab that wants it says so on a BroadcastChannel, and the holder saves, lets go and says so on screen.
 */
import type { HeldLease, LeaseHandlers, TabLease } from '@formosa/session';

const lockName = (key: string) => `formosa-draft:${key}`;
/** How long a take-over waits for the holder to save and let go before taking the lock anyway (a frozen tab). */
const PATIENCE_MS = 3000;
/** How long a new page waits for a draft that another page of this tab (or a closing one) is letting go. */
const CLAIM_PATIENCE_MS = 250;

/** Holds the lock granted to `request` until released or taken over; resolves once it is held. */
function hold(key: string, handlers: LeaseHandlers, request: (run: (lock: Lock | null) => Promise<void>) => Promise<unknown>): Promise<HeldLease | undefined> {
  return new Promise((resolve) => {
    let held = false;
    void request(async (lock) => {
      if (!lock) return resolve(undefined);
      held = true;
      let let_go!: () => void;
      const released = new Promise<void>((r) => (let_go = r));
      const channel = new BroadcastChannel(lockName(key));
      channel.onmessage = (event) => {
        if (event.data !== 'take-over') return;
        void handlers.beforeLoss().finally(() => {
          channel.close();
          let_go();
          handlers.onLost();
        });
      };
      resolve({ release: () => (channel.close(), let_go()) });
      await released;
    }).catch(() => {
      // Stolen by a tab that lost patience (this one no longer holds the draft), or given up waiting.
      if (held) handlers.onLost();
      else resolve(undefined);
    });
  });
}

/** Leases on Web Locks; where a browser has none, every tab holds its drafts (the last save wins). */
export function browserTabLeases(): TabLease {
  const locks = globalThis.navigator?.locks;
  if (!locks) {
    return { claim: async () => ({ release: () => undefined }), takeOver: async () => ({ release: () => undefined }) };
  }
  return {
    // A moment's patience: a form of this page handing over to the next (a single-page app) lets go a tick later.
    claim: (key, handlers) => hold(key, handlers, (run) => locks.request(lockName(key), { signal: AbortSignal.timeout(CLAIM_PATIENCE_MS) }, run)),
    takeOver: async (key, handlers) => {
      const channel = new BroadcastChannel(lockName(key));
      channel.postMessage('take-over');
      channel.close();
      const patience = new AbortController();
      const timer = setTimeout(() => patience.abort(), PATIENCE_MS);
      const held = await hold(key, handlers, (run) => locks.request(lockName(key), { signal: patience.signal }, run)).finally(() => clearTimeout(timer));
      return held ?? (await hold(key, handlers, (run) => locks.request(lockName(key), { steal: true }, run)))!;
    },
  };
}

/** A lock across the origin's tabs, for the outbox: one tab at a time sends a given submission. */
export function browserLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request(name, work) as Promise<T>) : work();
}
