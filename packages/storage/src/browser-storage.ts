/**
 * Drafts, their offline files, each form version's labels and the outbox, in IndexedDB, every record encrypted
 * (see sealed.ts). Only what is needed to find a record is in the clear: its key and, for drafts, when it expires.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DraftStoreError, type DraftEnvelope, type DraftStore, type Labels, type StoredFile } from '@formosa/session';
import type { OutboxEntry, OutboxStore } from '@formosa/transport';
import { newDeviceKey, Sealer, type SealedRecord } from './sealed.js';

interface Schema extends DBSchema {
  keys: { key: string; value: CryptoKey };
  drafts: { key: string; value: { key: string; expiresAt: number; sealed: SealedRecord } };
  files: { key: string; value: { id: string; meta: SealedRecord; bytes: SealedRecord } };
  labels: { key: string; value: { id: string; sealed: SealedRecord } };
  outbox: { key: string; value: { key: string; sealed: SealedRecord } };
}

/** The database's name by default; a page may keep its forms apart with another. */
export const DEFAULT_DATABASE = 'formosa';

/** Why IndexedDB refused: full (quota) or not there at all (private mode, blocked, a broken profile). */
function storeError(error: unknown): DraftStoreError {
  if (error instanceof DraftStoreError) return error;
  const name = (error as { name?: string } | undefined)?.name;
  const message = error instanceof Error ? error.message : String(error);
  return new DraftStoreError(name === 'QuotaExceededError' ? 'quota' : 'unavailable', message);
}

/** Runs `work`, turning any IndexedDB failure into a `DraftStoreError`. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeError(error);
  }
}

export interface BrowserStorage {
  readonly drafts: DraftStore;
  readonly outbox: OutboxStore;
  close(): void;
}

/** The opened database and what seals its records. */
interface Connection {
  readonly db: IDBPDatabase<Schema>;
  readonly sealer: Sealer;
}

/** Opens (and creates) the database, its device key made on first use; expired drafts go at once. */
async function connect(name: string, now: () => number): Promise<Connection> {
  const db = await openDB<Schema>(name, 1, {
    upgrade(database) {
      database.createObjectStore('keys');
      database.createObjectStore('drafts', { keyPath: 'key' });
      database.createObjectStore('files', { keyPath: 'id' });
      database.createObjectStore('labels', { keyPath: 'id' });
      database.createObjectStore('outbox', { keyPath: 'key' });
    },
    // Another tab holds an older version open: this one cannot upgrade until it closes.
    blocked() {},
  });
  const sealer = new Sealer(await deviceKey(db));
  await sweep(db, sealer, now()).catch(() => undefined);
  return { db, sealer };
}

/** Whether this origin has the database; true when the browser cannot say (`indexedDB.databases` is recent). */
async function exists(name: string): Promise<boolean> {
  const listed = await indexedDB.databases?.().catch(() => undefined);
  return listed ? listed.some((d) => d.name === name) : true;
}

/**
 * The encrypted store of this origin. Where nothing was ever kept, nothing is created until something is: a citizen
 * who only looks at a form leaves no database (and a cold first step waits for no database to be made, nor a key);
 * until then a read asks the browser whether another tab has made it since.
 * @example
 * const storage = await openBrowserStorage();
 * await storage.drafts.save(envelope);
 */
export async function openBrowserStorage(options: { name?: string; now?: () => number } = {}): Promise<BrowserStorage> {
  const now = options.now ?? Date.now;
  const name = options.name ?? DEFAULT_DATABASE;
  if (typeof indexedDB === 'undefined') throw new DraftStoreError('unavailable', 'This browser has no IndexedDB');
  let connecting: Promise<Connection> | undefined;
  /** For a write: the database, opened (or made) once; a failed opening is tried again by the next write. */
  const connection = () => (connecting ??= connect(name, now).catch((error: unknown) => {
    connecting = undefined;
    throw error;
  }));
  /** For a read: the database, or undefined while there is none (nothing to read). */
  const existing = async () => connecting ?? ((await exists(name)) ? connection() : undefined);
  // One that exists opens now: a store that cannot open says so before the citizen types.
  if (await exists(name)) await guarded(connection);
  let persisting = false;
  /** Asks the browser not to evict this origin's data under storage pressure (once, on the first save). */
  const persist = () => {
    if (persisting) return;
    persisting = true;
    void globalThis.navigator?.storage?.persist?.().catch(() => undefined);
  };

  /** A write counts once its transaction commits: a full disk aborts the transaction, not the request. */
  const write = async <S extends 'drafts' | 'files' | 'labels' | 'outbox'>(store: S, value: Schema[S]['value']) => {
    const tx = (await connection()).db.transaction(store, 'readwrite');
    await Promise.all([tx.store.put(value), tx.done]);
  };
  /** What `read` finds in the database, or `none` while there is no database (nothing was ever kept here). */
  const reading = async <T>(read: (c: Connection) => Promise<T>, none: T): Promise<T> => {
    const c = await existing();
    return c ? read(c) : none;
  };

  const drafts: DraftStore = {
    load: (key) =>
      guarded(() =>
        reading(async ({ db, sealer }): Promise<DraftEnvelope | undefined> => {
          const row = await db.get('drafts', key);
          if (!row || row.expiresAt <= now()) return undefined;
          return sealer.openJson<DraftEnvelope>(`drafts/${key}`, row.sealed);
        }, undefined),
      ),
    save: (draft) =>
      guarded(async () => {
        persist();
        const sealed = await (await connection()).sealer.sealJson(`drafts/${draft.key}`, draft);
        await write('drafts', { key: draft.key, expiresAt: draft.expiresAt, sealed });
      }),
    delete: (key) => guarded(() => reading(({ db }) => db.delete('drafts', key), undefined)),
    list: () =>
      guarded(() =>
        reading(async ({ db, sealer }) => {
          const rows = (await db.getAll('drafts')).filter((r) => r.expiresAt > now());
          const opened = await Promise.all(rows.map((r) => sealer.openJson<DraftEnvelope>(`drafts/${r.key}`, r.sealed).catch(() => undefined)));
          return opened.filter((d): d is DraftEnvelope => d !== undefined);
        }, []),
      ),
    putFile: (id, file) =>
      guarded(async () => {
        persist();
        const { sealer } = await connection();
        const bytes = new Uint8Array(await file.data.arrayBuffer());
        const [meta, sealed] = await Promise.all([sealer.sealJson(`files/${id}/meta`, { name: file.name, type: file.type }), sealer.seal(`files/${id}/bytes`, bytes)]);
        await write('files', { id, meta, bytes: sealed });
      }),
    file: (id) =>
      guarded(() =>
        reading(async ({ db, sealer }): Promise<StoredFile | undefined> => {
          const row = await db.get('files', id);
          if (!row) return undefined;
          const [meta, bytes] = await Promise.all([sealer.openJson<{ name: string; type: string }>(`files/${id}/meta`, row.meta), sealer.open(`files/${id}/bytes`, row.bytes)]);
          return { ...meta, data: new Blob([bytes], { type: meta.type }) };
        }, undefined),
      ),
    deleteFile: (id) => guarded(() => reading(({ db }) => db.delete('files', id), undefined)),
    saveLabels: (formId, version, labels) =>
      guarded(async () => {
        const id = `${formId}@${version}`;
        await write('labels', { id, sealed: await (await connection()).sealer.sealJson(`labels/${id}`, labels) });
      }),
    labels: (formId, version) =>
      guarded(() =>
        reading(async ({ db, sealer }) => {
          const id = `${formId}@${version}`;
          const row = await db.get('labels', id);
          return row ? sealer.openJson<Labels>(`labels/${id}`, row.sealed) : undefined;
        }, undefined),
      ),
  };

  const outbox: OutboxStore = {
    all: () =>
      guarded(() =>
        reading(async ({ db, sealer }) => {
          const rows = await db.getAll('outbox');
          return Promise.all(rows.map((r) => sealer.openJson<OutboxEntry>(`outbox/${r.key}`, r.sealed)));
        }, []),
      ),
    get: (key) =>
      guarded(() =>
        reading(async ({ db, sealer }) => {
          const row = await db.get('outbox', key);
          return row ? sealer.openJson<OutboxEntry>(`outbox/${key}`, row.sealed) : undefined;
        }, undefined),
      ),
    put: (entry) =>
      guarded(async () => {
        persist();
        await write('outbox', { key: entry.key, sealed: await (await connection()).sealer.sealJson(`outbox/${entry.key}`, entry) });
      }),
    delete: (key) => guarded(() => reading(({ db }) => db.delete('outbox', key), undefined)),
  };

  return { drafts, outbox: withMemoryFallback(outbox), close: () => void connecting?.then(({ db }) => db.close(), () => undefined) };
}

/** This device's key, made on first use. Two tabs opening at once agree on one (the first write wins). */
async function deviceKey(db: IDBPDatabase<Schema>): Promise<CryptoKey> {
  const existing = await db.get('keys', 'device');
  if (existing) return existing;
  const made = await newDeviceKey();
  const tx = db.transaction('keys', 'readwrite');
  const raced = await tx.store.get('device');
  if (!raced) await tx.store.put(made, 'device');
  await tx.done;
  return raced ?? made;
}

/** Expired drafts go, with the files they kept. */
async function sweep(db: IDBPDatabase<Schema>, sealer: Sealer, now: number): Promise<void> {
  for (const row of await db.getAll('drafts')) {
    if (row.expiresAt > now) continue;
    const draft = await sealer.openJson<DraftEnvelope>(`drafts/${row.key}`, row.sealed).catch(() => undefined);
    for (const id of draft?.files ?? []) await db.delete('files', id);
    await db.delete('drafts', row.key);
  }
}

/**
 * A store that falls back to this page's memory for what it cannot keep (a full disk): the application still
 * goes, as long as the page stays open, and the form says that it cannot be kept.
 */
function withMemoryFallback(store: OutboxStore): OutboxStore {
  const memory = new Map<string, OutboxEntry>();
  return {
    all: async () => {
      const kept = await store.all().catch(() => []);
      return [...kept.filter((e) => !memory.has(e.key)), ...memory.values()];
    },
    get: async (key) => memory.get(key) ?? (await store.get(key).catch(() => undefined)),
    put: async (entry) => {
      try {
        await store.put(entry);
        memory.delete(entry.key);
      } catch {
        memory.set(entry.key, entry);
      }
    },
    delete: async (key) => {
      memory.delete(key);
      await store.delete(key).catch(() => undefined);
    },
  };
}

