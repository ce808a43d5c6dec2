/**
 * What a session needs from the world, as interfaces: where drafts are kept, how tabs share one draft. The
 * browser's implementations are in `@formosa/storage` (IndexedDB, encrypted; Web Locks); the ones here keep
 * everything in memory, for Node tests and for a page that must keep nothing on the device.
 */
import type { Data } from '@formosa/engine';

/** The texts of a field's label in each language, to name an answer a new version of the form cannot take. */
export type Labels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The labels of every field of a definition, by pointer pattern: what a later version may need to name. */
export function labelsOf(engine: { readonly model: { readonly fields: readonly { readonly pattern: string; readonly item: { readonly label: Readonly<Record<string, string>> } }[] } }): Labels {
  return Object.fromEntries(engine.model.fields.map((f) => [f.pattern, f.item.label]));
}

/** One saved application in progress. Versioned, so a future SDK can read what this one wrote. */
export interface DraftEnvelope {
  /** The draft's key: the form's id unless the page chose another (`draft-key`). */
  readonly key: string;
  readonly formId: string;
  /** The definition's `version` the answers were given under. */
  readonly version: string;
  /** The envelope's own format (this is 1). */
  readonly formatVersion: 1;
  /** When it was saved, and when it will be deleted unless saved again (ms since the epoch). */
  readonly savedAt: number;
  readonly expiresAt: number;
  /** The form's title in each language, for the list of drafts. */
  readonly title: Readonly<Record<string, string>>;
  /** The answers as the citizen gave them. */
  readonly answers: Data;
  /** The step the citizen was on (a step id, `review` or `submitting`), and the steps they had reached. */
  readonly view: string;
  readonly visited: readonly string[];
  /** Files chosen while offline, kept beside the draft until uploaded (their local ids). */
  readonly files: readonly string[];
}

/** A file kept on the device: its bytes and what the citizen's browser said of it. */
export interface StoredFile {
  readonly name: string;
  readonly type: string;
  readonly data: Blob;
}

/** Why a draft could not be saved: the device's storage is full, or there is none (private mode, blocked). */
export class DraftStoreError extends Error {
  override name = 'DraftStoreError';
  constructor(
    readonly reason: 'quota' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** Where drafts, their files and each version's labels are kept. Methods reject with `DraftStoreError`. */
export interface DraftStore {
  load(key: string): Promise<DraftEnvelope | undefined>;
  save(draft: DraftEnvelope): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every draft on this device (of this origin), expired ones left out. */
  list(): Promise<DraftEnvelope[]>;
  putFile(id: string, file: StoredFile): Promise<void>;
  file(id: string): Promise<StoredFile | undefined>;
  deleteFile(id: string): Promise<void>;
  /** The labels of a form version's fields, kept once per version. */
  saveLabels(formId: string, version: string, labels: Labels): Promise<void>;
  labels(formId: string, version: string): Promise<Labels | undefined>;
}

/** Drafts in memory: a fresh one per page, nothing written to the device. */
export function memoryDraftStore(now: () => number = Date.now): DraftStore {
  const drafts = new Map<string, DraftEnvelope>();
  const files = new Map<string, StoredFile>();
  const labels = new Map<string, Labels>();
  return {
    load: async (key) => {
      const draft = drafts.get(key);
      return draft && draft.expiresAt > now() ? draft : undefined;
    },
    save: async (draft) => void drafts.set(draft.key, structuredClone(draft)),
    delete: async (key) => void drafts.delete(key),
    list: async () => [...drafts.values()].filter((d) => d.expiresAt > now()),
    putFile: async (id, file) => void files.set(id, file),
    file: async (id) => files.get(id),
    deleteFile: async (id) => void files.delete(id),
    saveLabels: async (formId, version, value) => void labels.set(`${formId}@${version}`, value),
    labels: async (formId, version) => labels.get(`${formId}@${version}`),
  };
}

/** What a tab does when another takes its draft over: save what it has, then stop saving. */
export interface LeaseHandlers {
  beforeLoss(): Promise<void>;
  onLost(): void;
}

/** A lease this tab holds. */
export interface HeldLease {
  release(): void;
}

/**
 * One draft, one tab: the tab that holds a draft's lease is the one that saves it. Another tab asking for it
 * learns it is open elsewhere and may take it over; the holder first saves, then lets go.
 */
export interface TabLease {
  /** Holds `key` if no other tab does. */
  claim(key: string, handlers: LeaseHandlers): Promise<HeldLease | undefined>;
  /** Asks the holder to save and let go, and resolves once this tab holds the lease. */
  takeOver(key: string, handlers: LeaseHandlers): Promise<HeldLease>;
}

/** Leases among the sessions of one page (or one Node process): the model the browser's Web Locks follow. */
export function memoryTabLeases(): TabLease {
  const holders = new Map<string, LeaseHandlers>();
  const hold = (key: string, handlers: LeaseHandlers): HeldLease => {
    holders.set(key, handlers);
    return { release: () => void (holders.get(key) === handlers && holders.delete(key)) };
  };
  return {
    claim: async (key, handlers) => (holders.has(key) ? undefined : hold(key, handlers)),
    takeOver: async (key, handlers) => {
      const holder = holders.get(key);
      if (holder) {
        await holder.beforeLoss();
        holder.onLost();
      }
      return hold(key, handlers);
    },
  };
}
