/**
 * One citizen's application, without a DOM: the engine, the journey (an XState actor), autosave of the draft,
 * the outbox the answers leave through, and the lease that keeps one tab at a time on a draft. The element is a
 * view of it; Node tests drive the very same session through in-memory ports.
 */
import { createActor, fromPromise, type Actor, type SnapshotFrom } from 'xstate';
import type { Attachment, FormDefinition } from '@formosa/schema';
import { FormEngine, SubmissionError, getAt, uploadFailureOf, type Data, type Receipt, type SchemaValidator } from '@formosa/engine';
import { createWorkflow, REVIEW, SUBMITTED, SUBMITTING, type SubmitInput, type WorkflowEvent, type WorkflowMachine, type WorkflowOptions } from '@formosa/workflow';
import { sameAnswers, systemClock, type Clock, type Connectivity, type Outbox, type OutboxEntry, type OutboxStore, type PendingFile } from '@formosa/transport';
import type { DroppedAnswer } from './carry-over.js';
import { labelsOf, type DraftStoreError, type DraftEnvelope, type DraftStore, type HeldLease, type StoredFile, type TabLease } from './ports.js';
import { differences, isLocalFile, localFilesIn, type Difference } from './answers.js';
import type { ReopenedJourney } from './reopened.js';
import { lockedUnder, mergePrefill, withoutPrefill, type MyDataPort, type MyDataPrefill, type MyDataProvenance, type MyDataResult, type MyDataStatus } from './mydata.js';

export type Snapshot = SnapshotFrom<WorkflowMachine>;

/** Whether the draft is kept: `off` (nothing kept on this device), `pending` (a change not yet saved), `saved`, or `failed`. */
export type SaveState =
  | { readonly status: 'off' }
  | { readonly status: 'idle' }
  | { readonly status: 'pending' }
  | { readonly status: 'saved'; readonly at: number }
  | { readonly status: 'failed'; readonly reason: 'quota' | 'unavailable'; readonly at: number };

/** What changed, for the view: the journey, the save status, the tab's hold on the draft, or the submission. */
export type SessionChange = 'snapshot' | 'save' | 'tab' | 'submission' | 'mydata';

export interface SessionOptions {
  /** A definition that passed the gate (`loadDefinition`). */
  readonly definition: FormDefinition;
  readonly validator?: SchemaValidator;
  /** Settles when `validator` can judge (a module still arriving): a draft from another version waits for it. */
  readonly validatorReady?: () => Promise<unknown>;
  /** Where submissions and uploads go (absolute URLs). */
  readonly endpoint: string;
  readonly attachments: string;
  /** The draft's key; the form's id by default (one application in progress per form). */
  readonly draftKey?: string;
  /** Answers to start from when there is no draft (a prefill). */
  readonly values?: Data;
  /** How far behind the citizen's typing the draft may be, in ms (default 400; at most 500). */
  readonly autosaveMs?: number;
  /** Days a draft is kept without being saved again (default 30). */
  readonly expiryDays?: number;
  /** Keep the draft on this device (default true when a draft store is given). */
  readonly keep?: boolean;
  /** Offer MyData prefill on a consent step (the definition reads MyData and the agency's server has a connector). */
  readonly offerMyData?: boolean;
  /** An application the agency reopened: where it starts, what may change, and how it is sent (see `reopened.ts`). */
  readonly reopened?: ReopenedJourney | undefined;
}

export interface SessionPorts {
  /** Where drafts are kept; absent, nothing is kept on this device. */
  readonly drafts?: DraftStore;
  /**
   * The outbox: its store, read at start (is an application of this draft on its way?), and the sending machinery,
   * opened then or at the first Send (browsers fetch it on demand).
   */
  readonly outbox: { readonly store: OutboxStore; open(): Promise<Outbox> };
  /** Uploads a chosen file at once (rejects with `UploadError`). */
  readonly upload: (file: File, field: string) => Promise<Attachment>;
  readonly tabs?: TabLease;
  readonly clock?: Clock;
  readonly ids?: () => string;
  readonly connectivity?: Connectivity;
  /** The agency's server for MyData prefill (see `mydata.ts`). */
  readonly mydata?: MyDataPort;
}

/** The view a snapshot shows: a step id, `review`, `submitting` or `submitted`. */
export function viewOf(snapshot: Snapshot): string {
  const value = snapshot.value as string | { editing?: string };
  return typeof value === 'string' ? value : (value.editing ?? 'start');
}

const DAY = 86_400_000;

/**
 * Creates the session of one application; `start()` restores its draft (or its submission's outcome).
 * @example
 * const session = createFormSession({ definition, endpoint, attachments }, { drafts, outbox, upload });
 * await session.start();
 * session.subscribe((change) => render(session));
 * session.send({ type: 'CHANGE', path: '/applicant/name', value: '林小美' });
 */
export function createFormSession(options: SessionOptions, ports: SessionPorts): FormSession {
  return new FormSession(options, ports);
}

export class FormSession {
  readonly engine: FormEngine;
  readonly key: string;
  private actor?: Actor<WorkflowMachine>;
  private readonly clock: Clock;
  private readonly ids: () => string;
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private keeping: boolean;
  private timer: unknown;
  private saving: Promise<void> = Promise.resolve();
  private lease?: HeldLease;
  private labelsSaved = false;
  private stopped = false;
  private unsubscribers: (() => void)[] = [];
  private reconciling = false;
  /** The Send being frozen, so the next waits for it. */
  private freezing: Promise<unknown> = Promise.resolve();
  /** A refusal that arrived while the page was closed, which the resumed journey reports once. */
  private reporting?: string;
  /** The sending machinery, once opened. */
  private outbox?: Outbox;
  private opening?: Promise<Outbox>;
  /** The answers, step and visited steps as last saved (or restored), so an unchanged snapshot is not saved again. */
  private lastSaved?: { values: unknown; view: string; visited: unknown };
  /** The values MyData handed out (in memory only; the draft never holds them). */
  private prefill?: MyDataPrefill;
  /** Which asking of the server is current: a newer one (or filling in by hand) ends the older one's polling. */
  private asking = 0;

  save: SaveState;
  /** When the draft was last saved, through the saves still to come (the status line shows it meanwhile). */
  savedAt?: number;
  /** `elsewhere` when another tab holds this draft: this one shows a notice and saves nothing. */
  tab: 'active' | 'elsewhere' = 'active';
  /** MyData prefill, where the form offers it: offered, on its way, the values handed out, or why not. */
  mydata?: MyDataStatus;
  /** What a restore brought back: when the draft was saved, and the answers a new version of the form could not take. */
  restored?: { readonly savedAt: number; readonly dropped: readonly DroppedAnswer[] };

  constructor(
    private readonly options: SessionOptions,
    private readonly ports: SessionPorts,
  ) {
    this.engine = new FormEngine(options.definition, options.validator ? { validator: options.validator } : {});
    this.key = options.draftKey ?? options.definition.id;
    this.clock = ports.clock ?? systemClock;
    this.ids = ports.ids ?? (() => globalThis.crypto.randomUUID());
    this.keeping = ports.drafts !== undefined && options.keep !== false;
    this.save = this.keeping ? { status: 'idle' } : { status: 'off' };
  }

  /** The journey's latest snapshot. */
  get snapshot(): Snapshot {
    if (!this.actor) throw new Error('The session has not started: await session.start()');
    return this.actor.getSnapshot();
  }

  /** The journey's persisted snapshot (plain JSON): where the citizen is and every answer. */
  persistedSnapshot(): unknown {
    return this.actor?.getPersistedSnapshot();
  }

  /** Forgets a file chosen offline that the citizen removed. */
  async forgetFile(id: string): Promise<void> {
    await this.ports.drafts?.deleteFile(id).catch(() => undefined);
  }

  /** Whether answers are kept on this device. */
  get keepsDraft(): boolean {
    return this.keeping;
  }

  /** This draft's submission in the outbox: queued, or an outcome the citizen has not seen yet. */
  get submission(): OutboxEntry | undefined {
    return this.outbox?.current(this.key);
  }

  /** Whether this tab is sending the submission right now. */
  get sending(): boolean {
    const entry = this.submission;
    return entry !== undefined && this.outbox !== undefined && this.outbox.sending.has(entry.key);
  }

  subscribe(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: SessionChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private setSave(save: SaveState): void {
    this.save = save;
    this.emit('save');
  }

  /** Claims the draft for this tab, restores it (or the submission's outcome) and starts the journey. */
  async start(): Promise<void> {
    if (this.keeping && this.ports.tabs) {
      this.lease = await this.ports.tabs.claim(this.key, this.leaseHandlers);
      if (!this.lease) this.tab = 'elsewhere';
    }
    await this.open();
    if (this.ports.connectivity) this.unsubscribers.push(this.ports.connectivity.subscribe((online) => online && void this.uploadLocalFiles()));
  }

  /**
   * Opens the sending machinery now, rather than at the first Send: a browser fetches it once the first step is
   * on screen, so that a Send made offline later finds it already here.
   */
  prepareToSend(): void {
    void this.openOutbox().catch(() => (this.opening = undefined));
  }

  /** Opens the sending machinery once; from then on it reports to this session and sends what waits. */
  private openOutbox(): Promise<Outbox> {
    this.opening ??= this.ports.outbox.open().then(async (outbox) => {
      this.outbox = outbox;
      await outbox.load();
      this.unsubscribers.push(outbox.subscribe(() => (this.reconcile(), this.emit('submission'))));
      // What waits goes now, without holding up the Send that opened the outbox.
      void outbox.kick(true);
      return outbox;
    });
    return this.opening;
  }

  private readonly leaseHandlers = {
    beforeLoss: () => this.flush(),
    onLost: () => {
      // The other tab continues this application: this one stops acting on it (no save, no receipt, no deletion).
      this.lease = undefined;
      this.tab = 'elsewhere';
      this.cancelTimer();
      this.actor?.stop();
      this.emit('tab');
    },
  };

  /**
   * The agency stored an earlier Send while the citizen was changing answers (its outcome had been unknown): the
   * journey moves to the receipt, with the answers that differ offered as a correction (see resumeFrom).
   */
  private reconcile(): void {
    const entry = this.submission;
    if (!this.actor || this.reconciling || this.tab !== 'active' || entry?.state !== 'sent' || entry.seen) return;
    const view = viewOf(this.actor.getSnapshot());
    if (view === SUBMITTED || view === SUBMITTING) return; // the journey's own Send hears it
    this.reconciling = true;
    void this.flush()
      .then(() => this.open())
      .finally(() => (this.reconciling = false));
  }

  /** Takes the draft over from the tab that holds it: that tab saves and lets go, this one continues from there. */
  async takeOver(): Promise<void> {
    if (this.tab === 'active' || !this.ports.tabs) return;
    this.lease = await this.ports.tabs.takeOver(this.key, this.leaseHandlers);
    this.tab = 'active';
    await this.open();
    this.emit('tab');
  }

  /** Reads the draft and the outbox, and (re)starts the journey where the citizen was. */
  private async open(): Promise<void> {
    this.actor?.stop();
    // An application of this draft on its way (or its outcome unseen): the outbox opens now, to resume it.
    const entries = this.outbox ? await this.outbox.load() : await this.ports.outbox.store.all().catch(() => []);
    if (entries.some((e) => e.draft === this.key)) void (await this.openOutbox()).kick(true);
    let draft: DraftEnvelope | undefined;
    if (this.keeping) {
      try {
        draft = await this.ports.drafts!.load(this.key);
      } catch (error) {
        this.failed(error);
      }
    }
    const input = await this.resumeFrom(draft);
    const machine = createWorkflow(this.engine, { consent: this.offersMyData() }).provide({
      actors: { submit: fromPromise(({ input: request, signal }: { input: SubmitInput; signal: AbortSignal }) => this.submit(request.data, signal)) },
    });
    const actor = createActor(machine, { input });
    this.actor = actor;
    // A form opened and not yet touched is not saved: there is nothing to lose, and a draft would list it as begun.
    const initial = actor.getSnapshot();
    this.lastSaved = this.restored?.dropped.length ? undefined : draft ? { values: input.values, view: draft.view, visited: draft.visited } : { values: initial.context.form.values, view: viewOf(initial), visited: initial.context.visited };
    actor.subscribe((snapshot) => this.onSnapshot(snapshot));
    actor.start();
    if (this.offersMyData()) void this.askMyData();
    // Carried over from another version: saved under this one at once.
    if (this.restored?.dropped.length) this.schedule();
  }

  /** Where to continue: the submission's outcome if the citizen has not seen it, else the draft, else the prefill. */
  private async resumeFrom(draft: DraftEnvelope | undefined): Promise<WorkflowOptions & { values: Data }> {
    const entry = this.submission;
    if (entry?.state === 'sent' && entry.receipt) {
      // Answers changed after that Send and kept in the draft: the differences, to send as a correction.
      if (draft) {
        const now = this.engine.data(this.engine.init(draft.answers));
        if (!sameAnswers(now, entry.wanted?.body ?? entry.body)) await this.outbox!.replace(entry.key, { key: this.ids(), body: now, files: await this.pendingFiles(now) });
      }
      return { values: draft?.answers ?? entry.body, resume: { view: SUBMITTED, receipt: entry.receipt } };
    }
    // Waiting in the outbox, or an outcome (rejected, refused) the journey reports as it does for a live attempt.
    if (entry && (entry.state !== 'queued' || !draft || draft.view === SUBMITTING)) {
      if (entry.state !== 'queued') this.reporting = entry.key;
      return { values: draft?.answers ?? entry.body, resume: { view: SUBMITTING } };
    }
    if (!draft) return this.options.reopened?.start ?? { values: this.options.values ?? {} };
    let values = draft.answers;
    let dropped: DroppedAnswer[] = [];
    if (draft.version !== this.options.definition.version) {
      await this.options.validatorReady?.().catch(() => undefined);
      const labels = await this.ports.drafts!.labels(draft.formId, draft.version).catch(() => undefined);
      // Loaded only when the form changed since the draft was saved (browsers fetch it on demand).
      const { carryOver } = await import('@formosa/session/carry-over');
      ({ values, dropped } = carryOver(this.engine, draft.answers, labels));
    }
    this.restored = { savedAt: draft.savedAt, dropped };
    return { values, resume: { view: draft.view === SUBMITTING ? REVIEW : draft.view, visited: draft.visited } };
  }

  private offersMyData(): boolean {
    return this.options.offerMyData === true && this.ports.mydata !== undefined && this.options.definition.mydata !== undefined;
  }

  private setMyData(status: MyDataStatus): void {
    this.mydata = status;
    this.emit('mydata');
  }

  /**
   * Asks the server where this browser's MyData journey stands: back from the platform, the values are merged in
   * (and the consent step left); a failure is said and the citizen goes on by hand with what they typed.
   */
  private async askMyData(): Promise<void> {
    const port = this.ports.mydata!;
    const turn = ++this.asking;
    for (let wait = 500; !this.stopped && turn === this.asking; wait = Math.min(wait * 2, 4000)) {
      // Unreachable while waiting for the platform: ask again; otherwise, as if no journey had begun.
      const result: MyDataResult = await port.result().catch(() => ({ state: this.mydata?.state === 'waiting' ? 'pulling' : 'none' }) as const);
      if (turn !== this.asking) return;
      if (result.state === 'none') return this.setMyData({ state: 'offered' });
      if (result.state === 'ready') return this.applyPrefill(result);
      if (result.state === 'expired') {
        this.prefill = undefined;
        return this.setMyData({ state: 'expired' });
      }
      if (result.state === 'failed') {
        this.setMyData({ state: 'failed', kind: result.kind, ...(result.code !== undefined ? { code: result.code } : {}) });
        return this.leaveConsent();
      }
      if (this.mydata?.state !== 'waiting') this.setMyData({ state: 'waiting' });
      await new Promise<void>((done) => this.clock.setTimeout(() => done(), wait));
    }
  }

  private applyPrefill(prefill: MyDataPrefill): void {
    this.prefill = prefill;
    const values = this.actor!.getSnapshot().context.form.values;
    this.actor!.send({ type: 'PREFILL', values: mergePrefill(values, prefill.values) });
    this.setMyData({ state: 'ready', prefill });
    this.leaveConsent();
  }

  /** From the consent step, on to the first step (by hand, or with what MyData filled in). */
  private leaveConsent(): void {
    if (this.actor?.getSnapshot().hasTag('consent')) this.actor.send({ type: 'NEXT' });
  }

  /** The citizen fills in by hand: no more waiting for MyData; on from the consent step with what they typed. */
  fillByHand(): void {
    this.asking++;
    this.setMyData({ state: 'offered' });
    this.leaveConsent();
  }

  /** Back to the consent step, to ask MyData again (after a failure, an expiry, or a refused seal). */
  askMyDataAgain(): void {
    this.asking++;
    this.setMyData({ state: 'offered' });
    this.send({ type: 'CONSENT' });
  }

  /** The prefilled values a draft may not keep: all but the national ID the citizen typed themselves. */
  private prefillKept(): Record<string, unknown> {
    const { [this.options.definition.mydata!.subject]: _typed, ...handedOut } = this.prefill!.values;
    return handedOut;
  }

  /**
   * Begins a MyData journey for the national ID on the consent step; resolves with the platform's address, where
   * the page is to go (the draft is saved first: the citizen comes back to everything they typed).
   */
  async beginMyData(page: string): Promise<string> {
    const spec = this.options.definition.mydata!;
    const subject = String(getAt(this.snapshot.context.form.values, spec.subject) ?? '').trim().toUpperCase();
    this.setMyData({ state: 'going' });
    try {
      await this.flush();
      const { url } = await this.ports.mydata!.begin(subject, page);
      return url;
    } catch (error) {
      this.setMyData({ state: 'failed', kind: 'failed' });
      throw error;
    }
  }

  /** Where a value came from, when MyData handed it out and it is still as handed out. */
  provenanceOf(path: string): MyDataProvenance | undefined {
    const origin = this.prefill?.provenance[path];
    if (!origin) return undefined;
    return origin.locked || sameAnswers(getAt(this.snapshot.context.form.values, path), this.prefill!.values[path]) ? origin : undefined;
  }

  /**
   * The citizen sends MyData's values as their own answers (the verification expired): unlocked, no seal; the
   * agency checks them as it checks anything typed.
   */
  dropMyData(): void {
    this.prefill = undefined;
    this.setMyData({ state: 'offered' });
  }

  /** Sends an event to the journey; every change is saved soon after. */
  send(event: WorkflowEvent): void {
    if (this.tab === 'elsewhere') return;
    // A value MyData verified stays as it was handed out (the server would refuse the application otherwise).
    if ((event.type === 'CHANGE' || event.type === 'REMOVE_ITEM') && this.prefill && lockedUnder(this.prefill.provenance, event.type === 'CHANGE' ? event.path : `${event.path}/${event.index}`)) return;
    // A reopened application: answers outside the reopened steps stay as the agency holds them.
    if (this.options.reopened?.refuses(event, this.engine)) return;
    this.actor?.send(event);
  }

  private onSnapshot(snapshot: Snapshot): void {
    const view = viewOf(snapshot);
    if (view === SUBMITTED) this.finished();
    else if (this.lastSaved?.values !== snapshot.context.form.values || this.lastSaved.view !== view || this.lastSaved.visited !== snapshot.context.visited) this.schedule();
    this.emit('snapshot');
  }

  /** Saves soon: at most `autosaveMs` after the first unsaved change, however fast the citizen types. */
  private schedule(): void {
    if (!this.keeping || this.tab !== 'active' || this.timer !== undefined || this.stopped) return;
    // 400 ms leaves room for the write itself inside the 500 ms promise, with as few saves as that allows.
    const delay = Math.min(this.options.autosaveMs ?? 400, 500);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, delay);
    if (this.save.status !== 'pending') this.setSave({ status: 'pending' });
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Saves now what has not been saved (the page is being hidden, frozen or closed). */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      this.cancelTimer();
      return this.write();
    }
    return this.saving;
  }

  private write(): Promise<void> {
    this.saving = this.saving.then(() => this.writeNow());
    return this.saving;
  }

  private async writeNow(): Promise<void> {
    if (!this.keeping || this.tab !== 'active' || !this.actor) return;
    const snapshot = this.actor.getSnapshot();
    const view = viewOf(snapshot);
    if (view === SUBMITTED) return;
    const { values } = snapshot.context.form;
    const { visited } = snapshot.context;
    const drafts = this.ports.drafts!;
    const now = this.clock.now();
    const { definition } = this.options;
    try {
      if (!this.labelsSaved) {
        await drafts.saveLabels(definition.id, definition.version, labelsOf(this.engine));
        this.labelsSaved = true;
      }
      await drafts.save({
        key: this.key, formId: definition.id, version: definition.version, formatVersion: 1, savedAt: now,
        expiresAt: now + (this.options.expiryDays ?? 30) * DAY, title: definition.title,
        answers: this.prefill ? withoutPrefill(values, this.prefillKept()) : values, view, visited, files: localFilesIn(values),
      });
      this.lastSaved = { values, view, visited };
      this.savedAt = now;
      this.setSave({ status: 'saved', at: now });
    } catch (error) {
      this.failed(error);
    }
  }

  /** Storage refused: the citizen is told, and the answers stay in this page. */
  private failed(error: unknown): void {
    // By its reason, not its class: the store may come from a separately loaded bundle (dist/chunks/storage.js).
    const reason = (error as Partial<DraftStoreError> | undefined)?.reason === 'quota' ? 'quota' : 'unavailable';
    this.setSave({ status: 'failed', reason, at: this.clock.now() });
  }

  /**
   * Keep the answers on this device, or not (a shared computer): saying no deletes what was kept.
   * @example
   * await session.keepOnDevice(false); // a library computer
   */
  async keepOnDevice(keep: boolean): Promise<void> {
    if (!this.ports.drafts || keep === this.keeping) return;
    this.keeping = keep;
    if (keep) {
      this.setSave({ status: 'idle' });
      this.lastSaved = undefined;
      this.schedule();
      return;
    }
    this.cancelTimer();
    await this.saving;
    await this.discardStored();
    this.setSave({ status: 'off' });
  }

  /** Deletes the draft and its files from this device, and starts the application afresh. */
  async discard(): Promise<void> {
    this.cancelTimer();
    await this.saving;
    await this.discardStored();
    this.restored = undefined;
    this.lastSaved = undefined;
    await this.open();
    this.emit('snapshot');
  }

  private async discardStored(): Promise<void> {
    const drafts = this.ports.drafts;
    if (!drafts) return;
    try {
      const draft = await drafts.load(this.key);
      for (const id of draft?.files ?? []) await drafts.deleteFile(id);
      await drafts.delete(this.key);
    } catch (error) {
      this.failed(error);
    }
  }

  /**
   * Uploads a file the citizen chose. Offline, it is kept on the device (encrypted, with the draft) and
   * uploaded when the connection returns, or with the submission.
   */
  async upload(file: File, field: string): Promise<Attachment> {
    try {
      return await this.ports.upload(file, field);
    } catch (error) {
      if (uploadFailureOf(error) !== 'network' || !this.keeping) throw error;
      const id = `local-${this.ids()}`;
      const stored: StoredFile = { name: file.name, type: file.type, data: file };
      await this.ports.drafts!.putFile(id, stored).catch((e: unknown) => {
        this.failed(e);
        throw error;
      });
      return { id, name: file.name, type: file.type, size: file.size };
    }
  }

  /** Files kept offline go up once the connection is back; their answers then refer to the uploads. */
  private async uploadLocalFiles(): Promise<void> {
    const drafts = this.ports.drafts;
    if (!drafts || !this.actor || this.tab !== 'active') return;
    const values = this.actor.getSnapshot().context.form.values;
    for (const [pointer, files] of this.fileAnswers(values)) {
      if (!files.some((f) => isLocalFile(f))) continue;
      const uploaded: Attachment[] = [];
      for (const file of files) {
        if (!isLocalFile(file)) uploaded.push(file);
        else {
          const stored = await drafts.file(file.id).catch(() => undefined);
          if (!stored) return;
          try {
            uploaded.push(await this.ports.upload(new File([stored.data], stored.name, { type: stored.type }), pointer));
          } catch {
            return; // still offline: the next `online`, or the outbox with the submission
          }
        }
      }
      this.send({ type: 'CHANGE', path: pointer, value: uploaded });
    }
  }

  private fileAnswers(values: Data): [string, Attachment[]][] {
    const found: [string, Attachment[]][] = [];
    for (const [info, pointer] of this.engine.instances(values)) {
      const answer = info.file ? getAt(values, pointer) : undefined;
      if (Array.isArray(answer)) found.push([pointer, answer as Attachment[]]);
    }
    return found;
  }

  /** The journey's `submit`: through the outbox, so nothing is lost offline and nothing is sent twice. */
  private async submit(body: Data, signal: AbortSignal): Promise<Receipt> {
    // One Send at a time: a Send, "Change my answers" and a second Send in quick succession freeze in order.
    const turn = this.freezing.then(() => this.freeze(body, signal));
    this.freezing = turn.catch(() => undefined);
    await turn;
    return this.outcome(signal);
  }

  /** Freezes `body` in the outbox: a new entry, or the draft's entry told of the changed answers. */
  private async freeze(body: Data, signal: AbortSignal): Promise<void> {
    const outbox = await this.openOutbox();
    // "Change my answers" came before anything was frozen: this Send is withdrawn.
    if (signal.aborted) throw signal.reason;
    const entry = this.submission;
    // A refusal the citizen has not seen yet (the page was closed when it came) is reported first, as it is.
    const reportRefusal = this.reporting !== undefined && this.reporting === entry?.key;
    this.reporting = undefined;
    const seal = this.prefill?.seal;
    await outbox.freeze({ form: this.options.definition.id, draft: this.key, endpoint: this.options.endpoint, ...(seal ? { seal } : {}), ...this.options.reopened?.entry }, body, await this.pendingFiles(body), this.ids, reportRefusal);
  }

  /** The files of `body` still on the device, for the outbox to upload first. */
  private async pendingFiles(body: Data): Promise<Record<string, PendingFile>> {
    const files: Record<string, PendingFile> = {};
    for (const [pointer, answer] of this.fileAnswers(body)) {
      for (const file of answer) if (isLocalFile(file)) files[file.id] = { field: this.engine.model.field(pointer)!.pattern, endpoint: this.options.attachments };
    }
    return files;
  }

  /** Resolves with the receipt once the agency holds the submission; rejects as the journey expects otherwise. */
  private outcome(signal: AbortSignal): Promise<Receipt> {
    return new Promise<Receipt>((resolve, reject) => {
      const check = () => {
        const entry = this.submission;
        if (!entry || entry.state === 'queued') return;
        done();
        if (entry.state === 'sent') return resolve(entry.receipt!);
        void this.outbox!.acknowledge(entry.key);
        if (entry.state === 'rejected') reject(new SubmissionError('rejected', `The service rejected ${entry.errors?.length ?? 0} answer(s)`, entry.errors ?? [], 422));
        else reject(new SubmissionError('server', `The service answered ${entry.status}`, [], entry.status));
      };
      const unsubscribe = this.outbox!.subscribe(check);
      const done = () => {
        unsubscribe();
        signal.removeEventListener('abort', aborted);
      };
      const aborted = () => {
        done();
        reject(signal.reason);
      };
      signal.addEventListener('abort', aborted);
      check();
    });
  }

  /** The receipt is on screen: the draft has served its purpose. */
  private finished(): void {
    if (this.tab !== 'active') return;
    const entry = this.submission;
    if (entry?.state === 'sent' && !entry.seen) void this.outbox!.acknowledge(entry.key);
    this.cancelTimer();
    if (this.keeping) void this.discardStored();
  }

  /** Answers that arrived after the agency had stored the earlier ones: what differs. */
  differences(): Difference[] {
    const entry = this.submission;
    return entry?.state === 'sent' && entry.wanted ? differences(this.engine, entry.body, entry.wanted.body) : [];
  }

  /** Sends those answers as a correction of the stored application. */
  async sendCorrection(): Promise<void> {
    const entry = this.submission;
    if (entry?.state === 'sent' && entry.wanted) await this.outbox!.correct(entry.key);
  }

  /** Keeps the stored application as it is, dropping the later answers. */
  async keepStored(): Promise<void> {
    const entry = this.submission;
    if (entry) await this.outbox!.acknowledge(entry.key, { dropWanted: true });
  }

  stop(): void {
    this.stopped = true;
    this.listeners.clear();
    this.cancelTimer();
    this.actor?.stop();
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.lease?.release();
  }
}
