/**
 * The outbox: submissions frozen with their Idempotency-Key, kept in a store that survives reloads, sent when
 * the connection allows, retried with exponential back-off and full jitter, never sent twice and never lost.
 * Every attempt is written down before it leaves (a crash mid-request leaves it marked as possibly stored), and
 * answers that change after such an attempt are sent only once the agency says the earlier body was not stored.
 */
import type { Attachment } from '@formosa/schema';
import type { Data, FieldError, Receipt } from '@formosa/engine';
import type { AttemptOutcome, AttemptRequest, LookupOutcome } from './attempt.js';

/** A receipt, and for a correction the submission it corrects. */
export type OutboxReceipt = Receipt & { readonly corrects?: { readonly id: string; readonly receipt: string } };

/** A file chosen offline: kept in the store until it is uploaded, just before the submission that refers to it. */
export interface PendingFile {
  /** The file field's pointer pattern, where the agency applies its type and size limits. */
  readonly field: string;
  /** The agency's attachments URL. */
  readonly endpoint: string;
  /** Set once uploaded: from then on the body refers to it. */
  readonly attachment?: Attachment;
}

/** The application a resubmission updates (`Formosa-Reopens`, `Formosa-Receipt-Secret`; see docs/embedding.md). */
export interface Reopens {
  readonly receipt: string;
  readonly secret: string;
}

/** Answers the citizen wants sent in place of an entry's body. */
export interface Replacement {
  readonly key: string;
  readonly body: Data;
  readonly files?: Readonly<Record<string, PendingFile>>;
}

/**
 * One submission in the outbox. `queued` until the agency answers: `sent` (with the receipt), `rejected` (field
 * errors, nothing stored) or `refused` (another 4xx: too large, a file type…, nothing stored).
 */
export interface OutboxEntry {
  /** The Idempotency-Key: the entry's identity, and the agency's. */
  readonly key: string;
  readonly form: string;
  /** The draft the answers came from. */
  readonly draft: string;
  readonly endpoint: string;
  /** The answers, frozen with the key. */
  readonly body: Data;
  /** The key of a stored submission this one corrects. */
  readonly corrects?: string;
  /** The seal of the answers MyData verified, sent with every attempt (see docs/mydata.md). */
  readonly seal?: string;
  /** A resubmission of an application the agency reopened: its receipt and status code, sent with every attempt. */
  readonly reopens?: Reopens;
  /** Local file ids (as they appear in the body) to upload first. */
  readonly files?: Readonly<Record<string, PendingFile>>;
  readonly state: 'queued' | 'sent' | 'rejected' | 'refused';
  /** An attempt may have been stored: its outcome must be known before the answers may change. */
  readonly reached: boolean;
  readonly attempts: number;
  /** When the next attempt is due (ms since the epoch). */
  readonly nextAt: number;
  readonly createdAt: number;
  /** Answers to send instead, once the agency says `body` was not stored. */
  readonly replace?: Replacement;
  /** After `sent`: answers the citizen wanted instead, which arrived too late (see `correct`). */
  readonly wanted?: Replacement;
  readonly receipt?: OutboxReceipt;
  readonly errors?: readonly FieldError[];
  readonly status?: number;
  readonly code?: string;
  /** The citizen has seen the outcome (the receipt, or the errors). */
  readonly seen?: boolean;
  /** Why the last attempt did not go through, for the status line. */
  readonly lastProblem?: string;
}

/** Where entries are kept: IndexedDB in browsers (`@formosa/storage`), memory in tests and on shared computers. */
export interface OutboxStore {
  all(): Promise<OutboxEntry[]>;
  get(key: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Time, as the outbox sees it: real in browsers, scripted in tests. */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Whether the browser believes it is online, and when that changes. */
export interface Connectivity {
  online(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface OutboxPorts {
  readonly store: OutboxStore;
  readonly attempt: (request: AttemptRequest) => Promise<AttemptOutcome>;
  readonly lookup: (request: AttemptRequest) => Promise<LookupOutcome>;
  /** Uploads a file chosen offline; `later` when it cannot now, `refused` when the agency will never take it. */
  readonly upload?: (localId: string, file: PendingFile) => Promise<Attachment | 'later' | 'refused'>;
  readonly clock?: Clock;
  /** In [0, 1): the jitter. */
  readonly random?: () => number;
  readonly connectivity?: Connectivity;
  /** Runs `work` while holding a lock named `name` across every tab of the origin (Web Locks in browsers). */
  readonly lock?: <T>(name: string, work: () => Promise<T>) => Promise<T>;
  /** Which entries this outbox sends and reports (one form's, on a page of several); all by default. */
  readonly scope?: (entry: OutboxEntry) => boolean;
  /** First back-off in ms (default 1 000), doubled per attempt up to `maxBackoff` (default 5 minutes). */
  readonly backoff?: number;
  readonly maxBackoff?: number;
}

const memoryLocks = new Map<string, Promise<unknown>>();
/** A lock within one page: enough where there is one tab (Node, tests). */
export function localLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const before = memoryLocks.get(name) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.catch(() => undefined);
  memoryLocks.set(name, tail);
  void tail.then(() => memoryLocks.get(name) === tail && memoryLocks.delete(name));
  return run;
}

/** Entries in memory: for tests, and where nothing may be kept on the device. */
export function memoryOutboxStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    all: async () => [...entries.values()],
    get: async (key) => entries.get(key),
    put: async (entry) => void entries.set(entry.key, entry),
    delete: async (key) => void entries.delete(key),
  };
}

/** A draft's current entry among `entries` (oldest first): queued, or an outcome not yet seen or decided on. */
const currentOf = (entries: readonly OutboxEntry[], draft: string) => entries.filter((e) => e.draft === draft && (e.state === 'queued' || !e.seen || e.wanted)).at(-1);

/** Key order aside, the same JSON: answers already frozen are not frozen again. */
export function sameAnswers(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => sameAnswers((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The body to send: local file references replaced by their uploads (the upload's token stays with the citizen). */
function withUploads(body: Data, files: Readonly<Record<string, PendingFile>> | undefined): Data {
  if (!files || Object.keys(files).length === 0) return body;
  const swap = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(swap);
    if (node === null || typeof node !== 'object') return node;
    const id = (node as { id?: unknown }).id;
    const upload = typeof id === 'string' && Object.hasOwn(files, id) ? files[id]!.attachment : undefined;
    if (upload) {
      const { token: _token, ...attachment } = upload;
      return attachment;
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, swap(v)]));
  };
  return swap(body) as Data;
}

type Listener = (entries: readonly OutboxEntry[]) => void;

/**
 * @example
 * const outbox = new Outbox({ store, attempt: createAttempt(), lookup: createLookup() });
 * await outbox.enqueue({ key: crypto.randomUUID(), form: 'rent-subsidy', draft: 'rent-subsidy', endpoint, body });
 * outbox.subscribe((entries) => render(entries));
 */
export class Outbox {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly lock: NonNullable<OutboxPorts['lock']>;
  private readonly listeners = new Set<Listener>();
  private timer: unknown;
  private running = false;
  private again = false;
  private stopped = false;
  private unsubscribe?: () => void;
  private cache: readonly OutboxEntry[] = [];
  /** Keys being attempted now in this tab, for the status line ("sending…"). */
  readonly sending = new Set<string>();

  constructor(private readonly ports: OutboxPorts) {
    this.clock = ports.clock ?? systemClock;
    this.random = ports.random ?? Math.random;
    this.lock = ports.lock ?? localLock;
    // Back online: whatever waits goes now.
    this.unsubscribe = ports.connectivity?.subscribe((online) => online && void this.kick(true));
  }

  /** The entries as last read, oldest first. */
  get entries(): readonly OutboxEntry[] {
    return this.cache;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private online(): boolean {
    return this.ports.connectivity?.online() ?? true;
  }

  /** Freezes answers with their key, keeps them, and starts sending. */
  async enqueue(entry: Pick<OutboxEntry, 'key' | 'form' | 'draft' | 'endpoint' | 'body'> & Partial<Pick<OutboxEntry, 'corrects' | 'files' | 'seal' | 'reopens'>>): Promise<OutboxEntry> {
    const now = this.clock.now();
    const queued: OutboxEntry = { ...entry, state: 'queued', reached: false, attempts: 0, nextAt: now, createdAt: now };
    await this.write(queued);
    void this.kick();
    return queued;
  }

  /** The draft's current entry in this page's view: queued, or an outcome the citizen has not seen (or decided on). */
  current(draft: string): OutboxEntry | undefined {
    return currentOf(this.cache, draft);
  }

  /**
   * Freezes a draft's answers for sending: a new entry under a new key; nothing, when these answers are the ones
   * already frozen; or the draft's entry told of changed answers (see `replace`). A refusal (rejected, refused)
   * is replaced by the new answers under a new key (nothing was stored under it), unless it is still to be
   * reported (`reportRefusal`: it came while the page was closed).
   */
  async freeze(target: Pick<OutboxEntry, 'form' | 'draft' | 'endpoint'> & Partial<Pick<OutboxEntry, 'seal' | 'reopens'>>, body: Data, files: Readonly<Record<string, PendingFile>>, newKey: () => string, reportRefusal = false): Promise<void> {
    const entry = this.current(target.draft);
    const refused = entry?.state === 'rejected' || entry?.state === 'refused';
    if (!entry || (refused && !reportRefusal)) {
      if (entry) await this.forget(entry.key);
      await this.enqueue({ key: newKey(), ...target, body, files });
    } else if (!refused && !sameAnswers(entry.replace?.body ?? (entry.state === 'sent' ? (entry.wanted?.body ?? entry.body) : entry.body), body)) {
      await this.replace(entry.key, { key: newKey(), body, files });
    }
  }

  /**
   * The citizen wants other answers sent in place of a queued entry's. Never sent before: swapped at once.
   * Possibly stored: the agency is asked first; if it holds the earlier answers, the entry becomes `sent` with
   * the new ones `wanted` (to send as a correction), else the new answers go under their own key.
   */
  async replace(key: string, replacement: Replacement): Promise<void> {
    const draft = (this.cache.find((e) => e.key === key) ?? (await this.ports.store.get(key)))?.draft;
    await this.lock(`formosa-outbox:${key}`, async () => {
      // Swapped meanwhile (a lookup found the earlier answers not stored): the draft's entry now is its successor.
      const entry = (await this.ports.store.get(key)) ?? (draft === undefined ? undefined : await this.latestOf(draft));
      if (!entry) return;
      if (entry.key !== key) return this.replace(entry.key, replacement);
      if (entry.state === 'sent') return this.write({ ...entry, wanted: replacement, seen: false });
      if (entry.state !== 'queued' || !entry.reached) return this.swap(entry, replacement);
      await this.write({ ...entry, replace: replacement, nextAt: this.clock.now() });
    });
    await this.kick();
  }

  /** The newest entry of a draft in the store: queued, or an outcome the citizen has not seen. */
  private async latestOf(draft: string): Promise<OutboxEntry | undefined> {
    return currentOf(await this.mine(), draft);
  }

  /** Sends the answers that arrived too late as a correction of the stored submission. */
  async correct(key: string): Promise<OutboxEntry | undefined> {
    return this.lock(`formosa-outbox:${key}`, async () => {
      const entry = await this.ports.store.get(key);
      if (entry?.state !== 'sent' || !entry.wanted) return undefined;
      const { wanted } = entry;
      // The correction is kept first: a crash in between leaves it queued, never lost.
      const correction = await this.enqueue({ key: wanted.key, form: entry.form, draft: entry.draft, endpoint: entry.endpoint, body: wanted.body, corrects: entry.key, ...(wanted.files ? { files: wanted.files } : {}) });
      await this.write({ ...entry, wanted: undefined, seen: true });
      return correction;
    });
  }

  /**
   * Marks an outcome as seen by the citizen (a receipt is then not shown again on the next visit). Answers that
   * arrived too late (`wanted`) stay, unless the citizen chose to keep the application as received (`drop`).
   */
  async acknowledge(key: string, options: { dropWanted?: boolean } = {}): Promise<void> {
    await this.lock(`formosa-outbox:${key}`, async () => {
      const entry = await this.ports.store.get(key);
      if (!entry || (entry.wanted && !options.dropWanted) || (entry.seen && !entry.wanted)) return;
      await this.write({ ...entry, seen: true, wanted: undefined });
    });
  }

  /** Removes a finished entry (sent, rejected or refused). A queued one is never dropped. */
  async forget(key: string): Promise<void> {
    const entry = await this.ports.store.get(key);
    if (entry && entry.state !== 'queued') await this.remove(key);
  }

  /** Sends what is due. `now`: everything queued is due (back online, a new page). */
  async kick(now = false): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.pass(now);
        now = false;
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
    await this.refresh();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
  }

  /** Keeps an entry, and this page's view of the outbox with it (listeners hear at once, not after a whole pass). */
  private async write(entry: OutboxEntry): Promise<void> {
    await this.ports.store.put(entry);
    if (this.ports.scope && !this.ports.scope(entry)) return;
    this.cache = [...this.cache.filter((e) => e.key !== entry.key), entry].sort((a, b) => a.createdAt - b.createdAt);
    this.notify();
  }

  private async remove(key: string): Promise<void> {
    await this.ports.store.delete(key);
    this.cache = this.cache.filter((e) => e.key !== key);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.cache);
  }

  /** Reads the store (another tab may have written), without sending anything. */
  async load(): Promise<readonly OutboxEntry[]> {
    await this.refresh();
    return this.cache;
  }

  /** This outbox's entries in the store, oldest first. */
  private async mine(): Promise<OutboxEntry[]> {
    const scope = this.ports.scope;
    return (await this.ports.store.all()).filter((e) => !scope || scope(e)).sort((a, b) => a.createdAt - b.createdAt);
  }

  private async refresh(): Promise<void> {
    const entries = await this.mine();
    this.cache = entries;
    for (const listener of this.listeners) listener(entries);
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const due = entries.filter((e) => e.state === 'queued').map((e) => e.nextAt);
    if (due.length && !this.stopped) this.timer = this.clock.setTimeout(() => void this.kick(), Math.max(0, Math.min(...due) - this.clock.now()));
  }

  private async pass(all: boolean): Promise<void> {
    if (!this.online()) return;
    const entries = (await this.mine()).filter((e) => e.state === 'queued');
    for (const { key } of entries) {
      if (this.stopped || !this.online()) return;
      await this.lock(`formosa-outbox:${key}`, () => this.deliver(key, all));
    }
  }

  /** Full jitter: anywhere between 0 and the exponential ceiling, so many citizens back online do not retry in step. */
  private delay(attempts: number): number {
    const ceiling = Math.min(this.ports.maxBackoff ?? 300_000, (this.ports.backoff ?? 1000) * 2 ** Math.max(0, attempts - 1));
    return Math.floor(this.random() * ceiling);
  }

  private later(entry: OutboxEntry, afterMs: number | undefined, problem: string, extra: Partial<OutboxEntry> = {}): Promise<void> {
    return this.write({ ...entry, ...extra, nextAt: this.clock.now() + (afterMs ?? this.delay(entry.attempts)), lastProblem: problem });
  }

  /** The entry with other answers under their own key, as if never sent. */
  private swap(entry: OutboxEntry, replacement: Replacement): Promise<void> {
    const { replace: _replace, lastProblem: _problem, ...rest } = entry;
    const swapped: OutboxEntry = { ...rest, key: replacement.key, body: replacement.body, files: replacement.files ?? {}, reached: false, attempts: 0, nextAt: this.clock.now() };
    return this.write(swapped).then(() => this.remove(entry.key));
  }

  private async deliver(key: string, all: boolean): Promise<void> {
    let entry = await this.ports.store.get(key);
    // Another tab may have sent it meanwhile.
    if (!entry || entry.state !== 'queued' || (!all && entry.nextAt > this.clock.now())) return;
    this.sending.add(key);
    try {
      if (entry.replace) {
        if (!entry.reached) return await this.swap(entry, entry.replace);
        const answer = await this.ports.lookup({ endpoint: entry.endpoint, data: withUploads(entry.body, entry.files), idempotencyKey: entry.key, ...(entry.corrects ? { corrects: entry.corrects } : {}), ...(entry.seal ? { seal: entry.seal } : {}), ...(entry.reopens ? { reopens: entry.reopens } : {}) });
        if ('unknown' in answer) return await this.later({ ...entry, attempts: entry.attempts + 1 }, answer.afterMs, 'lookup');
        if (answer.stored) return await this.write({ ...entry, state: 'sent', receipt: answer.stored, wanted: entry.replace, replace: undefined, seen: false });
        return await this.swap(entry, entry.replace);
      }
      entry = await this.uploadFiles(entry);
      if (!entry) return;
      // Written down before it leaves: if this tab dies mid-request, the next one knows it may have been stored.
      const sent: OutboxEntry = { ...entry, reached: true, attempts: entry.attempts + 1 };
      await this.write(sent);
      const result = await this.ports.attempt({ endpoint: entry.endpoint, data: withUploads(entry.body, entry.files), idempotencyKey: entry.key, ...(entry.corrects ? { corrects: entry.corrects } : {}), ...(entry.seal ? { seal: entry.seal } : {}), ...(entry.reopens ? { reopens: entry.reopens } : {}) });
      const current = (await this.ports.store.get(key)) ?? sent;
      if (result.outcome === 'stored') await this.write({ ...current, state: 'sent', receipt: result.receipt, seen: false, lastProblem: undefined });
      else if (result.outcome === 'rejected') await this.write({ ...current, state: 'rejected', errors: result.errors, seen: false });
      else if (result.outcome === 'refused') await this.write({ ...current, state: 'refused', status: result.status, ...(result.code ? { code: result.code } : {}), seen: false });
      else await this.later({ ...current, reached: entry.reached || result.reached }, result.afterMs, result.status ? String(result.status) : 'network');
    } finally {
      this.sending.delete(key);
      this.notify(); // "sending…" is over, whatever came of it
    }
  }

  /** Uploads files chosen offline; the entry with their references, or undefined when it must wait. */
  private async uploadFiles(entry: OutboxEntry): Promise<OutboxEntry | undefined> {
    const files = entry.files ?? {};
    let current = entry;
    for (const [id, file] of Object.entries(files)) {
      if (file.attachment) continue;
      const result = this.ports.upload ? await this.ports.upload(id, file) : 'refused';
      if (result === 'later') return void (await this.later({ ...current, attempts: current.attempts + 1 }, undefined, 'upload'));
      if (result === 'refused') return void (await this.write({ ...current, state: 'refused', status: 415, code: 'file', seen: false }));
      current = { ...current, files: { ...current.files, [id]: { ...file, attachment: result } } };
      await this.write(current);
    }
    return current;
  }
}
