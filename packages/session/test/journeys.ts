/**
 * Randomized fault injection: many citizens, each on a device of their own, fill in the permit form and send it
 * while the network, the agency's proxy, the browser and the citizen do what they do in life — 503s, time-outs,
 * connections dropped before and after the agency stored the request, requests that reach the agency twice,
 * reloads, renderer crashes (also mid-request), going offline and back, a second tab taking the draft over, and
 * an answer changed after an attempt of unknown outcome, then sent again. At the end the network heals, the
 * citizen reopens the page if it is closed and waits for the receipt (and sends the correction the session offers).
 *
 * Each journey is then checked against the real server's SQLite: **lost** when the citizen's last answers are not
 * what the agency holds at the end of the application's chain of corrections, **duplicated** when the journey has
 * more than one record that is not a correction of another of its records.
 *
 * Everything a journey does and every fault it meets is drawn from a seeded PRNG (mulberry32): a journey is
 * `J-<seed>-<n>`, and `runJourneys({seed, only: [n]})` plays it again (timing aside: the network is real).
 */
import { isDeepStrictEqual } from 'node:util';
import type { IncomingMessage } from 'node:http';
import Database from 'better-sqlite3';
import type { Receipt } from '@formosa/engine';
import { viewOf, type DraftStore } from '@formosa/session';
import type { Connectivity, OutboxStore } from '@formosa/transport';
import { network, newDevice, openPage, type Device, type Fault, type Page, type startAgency } from './harness.js';

type Agency = Awaited<ReturnType<typeof startAgency>>;

/** A small, fast, seedable PRNG: the same seed gives the same journeys. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for a run: from `SEED` when set (to replay one), else random. */
export function seedFrom(value: string | undefined): number {
  return value !== undefined && value !== '' ? Number(value) >>> 0 : Math.floor(Math.random() * 2 ** 32) >>> 0;
}

/** The proxy's faults a journey may meet. */
export const PROXY_FAULTS = ['fail', 'hang', 'drop-before', 'drop-after', 'duplicate'] as const;
export type ProxyFault = (typeof PROXY_FAULTS)[number];

/** What the citizen and the browser may do to a journey. */
export const DISRUPTIONS = ['reload', 'crash', 'crash-in-flight', 'offline', 'two-tabs', 'wait-unknown', 'change', 'change-reload'] as const;
export type Disruption = (typeof DISRUPTIONS)[number];

/** A journey, as drawn from its seed. */
export interface JourneyPlan {
  readonly id: string;
  readonly startOffline: boolean;
  /** Disruptions while filling in, each before the filling action of the same index. */
  readonly filling: readonly (Disruption | undefined)[];
  /** Disruptions after Send, in order. */
  readonly afterSend: readonly Disruption[];
  /** After which of them the connection comes back, when the journey started offline. */
  readonly onlineAt: number;
  /** The chance that one of the proxy's faults hits a request, and how many may at most. */
  readonly faultRate: number;
  readonly faultBudget: number;
  /** For a change: right away, or once an attempt of unknown outcome is over. */
  readonly changeWhen: 'now' | 'unknown';
}

/** Why a journey failed the invariants, with what it did. */
export interface JourneyFailure {
  readonly id: string;
  readonly kinds: readonly ('lost' | 'duplicated' | 'phantom-receipt' | 'stuck' | 'error' | 'left-queued')[];
  readonly detail: string;
  readonly plan: JourneyPlan;
  readonly trace: readonly string[];
}

export interface JourneyOptions {
  readonly seed: number;
  readonly journeys: number;
  /** Journeys in flight at once (default 8). */
  readonly concurrency?: number;
  /** The pages' request time-out in ms (default 250). */
  readonly timeout?: number;
  /** How long a journey may wait for its receipt once everything healed, in ms (default 20 000); then it is `stuck`. */
  readonly patience?: number;
  /** Play only these journeys of the seed (their numbers). */
  readonly only?: readonly number[];
  /** Leave out disruptions. */
  readonly without?: readonly Disruption[];
  /** Progress lines. */
  readonly log?: (line: string) => void;
  /** Each journey's trace, as it ends (failing or not). */
  readonly onJourney?: (id: string, trace: readonly string[]) => void;
}

export interface JourneyReport {
  readonly seed: number;
  readonly journeys: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Receipts shown to the citizen that the agency does not hold. */
  readonly phantomReceipts: number;
  /** Journeys with no receipt on screen within `patience` once everything healed. */
  readonly stuck: number;
  /** Journeys that threw, or ended with an entry still queued in the device's outbox. */
  readonly errors: number;
  readonly failures: readonly JourneyFailure[];
  /** Proxy faults injected, by kind. */
  readonly faults: Readonly<Record<ProxyFault, number>>;
  /** Disruptions carried out, by kind (a change when the receipt was already on screen is `change-too-late`). */
  readonly disruptions: Readonly<Record<string, number>>;
  /** Requests the pages made: submission attempts, lookups; and copies the agency received from `duplicate`. */
  readonly attempts: { readonly submissions: number; readonly lookups: number; readonly duplicateCopies: number };
  /** Records the agency holds for the run: applications, and corrections of them. */
  readonly records: { readonly applications: number; readonly corrections: number };
  /** How the journeys with a change of answers ended. */
  readonly changes: { readonly oneRecord: number; readonly corrected: number };
  /** Restored drafts that lacked the latest keystrokes (a crash inside the autosave delay; the citizen typed them again). */
  readonly staleRestores: number;
  /** Times the citizen found the form not sent after a reopen and sent it again. */
  readonly resends: number;
  readonly wallMs: number;
  readonly journeyMs: { readonly p50: number; readonly p95: number; readonly max: number };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function waitFor(predicate: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) return false;
    await sleep(4);
  }
  return true;
}

/** The journey's own stream of random numbers: `n` of `seed`. */
function journeyRng(seed: number, n: number, stream: number): () => number {
  const mix = mulberry32((seed ^ Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0);
  mix();
  return mix;
}

function pick<T>(rng: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let x = rng() * total;
  for (const [value, w] of weighted) if ((x -= w) < 0) return value;
  return weighted.at(-1)![0];
}

const int = (rng: () => number, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** The filling actions, in order; a disruption may come before any of them. */
const FILLING = ['name', 'plate', 'next', 'seats', 'notes', 'next'] as const;

/** Draws journey `n` of `seed`. */
export function planJourney(seed: number, n: number, options: Pick<JourneyOptions, 'without'> = {}): JourneyPlan {
  const without = options.without ?? [];
  const rng = journeyRng(seed, n, 0);
  const allowed = <T extends Disruption>(list: readonly (readonly [T, number])[]) => list.filter(([d]) => !without.includes(d));
  const fillingKinds = allowed([['reload', 2], ['crash', 2], ['offline', 1], ['two-tabs', 1]] as const);
  const filling = FILLING.map(() => (fillingKinds.length && rng() < 0.12 ? pick(rng, fillingKinds) : undefined));
  const afterKinds = allowed([
    ['wait-unknown', 2], ['reload', 2], ['crash', 1.5], ['crash-in-flight', 2], ['offline', 2], ['two-tabs', 1.5], ['change', 2.5], ['change-reload', 1],
  ] as const);
  const afterSend: Disruption[] = [];
  const count = afterKinds.length ? int(rng, 0, 4) : 0;
  for (let i = 0; i < count; i++) {
    const d = pick(rng, afterKinds);
    // At most two changes of answers per journey.
    if ((d === 'change' || d === 'change-reload') && afterSend.filter((x) => x.startsWith('change')).length >= 2) continue;
    afterSend.push(d);
  }
  const changes = afterSend.some((d) => d.startsWith('change'));
  const plan: JourneyPlan = {
    id: `J-${seed}-${n}`,
    startOffline: !without.includes('offline') && rng() < 0.1,
    filling,
    afterSend,
    onlineAt: int(rng, 0, afterSend.length),
    // A change is made while the outcome is unknown: journeys with one meet faults more often.
    faultRate: changes ? 0.4 + rng() * 0.5 : rng() * 0.7,
    faultBudget: int(rng, changes ? 2 : 0, 8),
    changeWhen: rng() < 0.6 ? 'unknown' : 'now',
  };
  return plan;
}

/** What a page of a device may still do: a crashed or closed page writes nothing and sends nothing more. */
interface Life {
  alive: boolean;
}

/**
 * The device as one page sees it. A page that crashed (or was closed) is gone: what it had not written is not
 * written, and it starts no request (one already sent still reaches the agency, its answer reaches no one).
 */
function deviceOfPage(device: Device, life: Life): Device {
  // Like IndexedDB, each operation takes a turn of the event loop: a crash may come between two writes.
  const turn = () => new Promise<void>((r) => setImmediate(r));
  const read = <A extends unknown[], R>(f: (...args: A) => Promise<R>) => async (...args: A) => (await turn(), f(...args));
  const write = <A extends unknown[]>(f: (...args: A) => Promise<void>) => async (...args: A) => {
    await turn();
    if (life.alive) await f(...args);
  };
  const { drafts: d, outbox: o } = device;
  const drafts: DraftStore = {
    load: read(d.load), list: read(d.list), file: read(d.file), labels: read(d.labels),
    save: write(d.save), delete: write(d.delete), putFile: write(d.putFile), deleteFile: write(d.deleteFile), saveLabels: write(d.saveLabels),
  };
  const outbox: OutboxStore = { all: read(o.all), get: read(o.get), put: write(o.put), delete: write(o.delete) };
  return { drafts, outbox, tabs: device.tabs };
}

interface Tab {
  readonly page: Page;
  readonly life: Life;
  readonly n: number;
}

type Answers = { name: string; plate?: string; seats?: string; notes?: string };

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const WORDS = ['輪椅', '無障礙', 'night shift', '機車', '身障', 'EV', '夜班', 'carpool'];

/** One citizen's journey. */
class Journey {
  readonly trace: string[] = [];
  readonly started = Date.now();
  readonly device = newDevice();
  readonly net: Connectivity & { set(online: boolean): void };
  readonly faultRng: () => number;
  readonly rng: () => number;
  readonly intended: Answers;
  readonly faults: Partial<Record<ProxyFault, number>> = {};
  readonly disruptions: Record<string, number> = {};
  tabs: Tab[] = [];
  current?: Tab;
  opened = 0;
  sent = false;
  healed = false;
  changed = false;
  correctionSent = false;
  correctionDone = false;
  /** When the latest correction was chosen: only its own receipt ends the journey (there may be several). */
  correctionAt = 0;
  /** The citizen has seen the receipt with nothing left to send: the application is done. */
  finished = false;
  /** Every receipt the citizen was shown (the application's, the correction's). */
  readonly shown = new Set<string>();
  /** The pages where the citizen pressed "send the correction". */
  private readonly correcting = new WeakSet<object>();
  staleRestores = 0;
  resends = 0;
  submissions = 0;
  lookups = 0;
  duplicateCopies = 0;
  faultsUsed = 0;

  constructor(
    readonly plan: JourneyPlan,
    readonly seed: number,
    readonly n: number,
    private readonly agency: Agency,
    private readonly timeout: number,
    private readonly patience: number,
  ) {
    this.rng = journeyRng(seed, n, 1);
    this.faultRng = journeyRng(seed, n, 2);
    this.net = network(!plan.startOffline);
    this.intended = { name: plan.id };
  }

  log(line: string): void {
    let view = '';
    try {
      if (this.current?.life.alive) view = ` [${viewOf(this.current.page.session.snapshot)}]`;
    } catch {
      // a page still starting
    }
    this.trace.push(`+${String(Date.now() - this.started).padStart(5)}ms ${line}${view}`);
  }

  /** What the device holds (beyond what the citizen sees), for the trace. */
  async logDevice(): Promise<void> {
    const entries = await this.device.outbox.all();
    const draft = await this.device.drafts.load('permit');
    const outbox = entries.map((e) => `${e.key.slice(0, 4)} ${e.state}${e.reached ? ' reached' : ''}${e.seen ? ' seen' : ''}${e.replace ? ' replace' : ''}${e.wanted ? ' wanted' : ''}${e.corrects ? ' correction' : ''}`);
    this.log(`device: outbox [${outbox.join('; ')}], draft ${draft ? `at ${draft.view}` : 'none'}`);
  }

  count(kind: string): void {
    this.disruptions[kind] = (this.disruptions[kind] ?? 0) + 1;
  }

  /** The proxy asks what to do with one of this journey's requests. */
  fault(req: IncomingMessage): Fault {
    const lookup = req.url?.endsWith('/lookup') ?? false;
    if (req.method === 'POST' && lookup) this.lookups++;
    else if (req.method === 'POST' && req.url?.endsWith('/submissions')) this.submissions++;
    let fault: Fault = 'pass';
    if (!this.healed && this.faultsUsed < this.plan.faultBudget && this.faultRng() < this.plan.faultRate) {
      fault = pick(this.faultRng, [['fail', 2], ['hang', 1.5], ['drop-before', 1.5], ['drop-after', 3], ['duplicate', 3]] as const);
      this.faultsUsed++;
      this.faults[fault] = (this.faults[fault] ?? 0) + 1;
    }
    if (fault === 'duplicate') this.duplicateCopies++;
    this.log(`proxy ${fault} ${req.method} ${lookup ? 'lookup' : 'submission'}`);
    return fault;
  }

  get url(): string {
    return `${this.agency.url}/~${this.plan.id}`;
  }

  get page(): Page {
    if (!this.current?.life.alive) throw new Error('no page is open');
    return this.current.page;
  }

  get view(): string {
    return viewOf(this.page.session.snapshot);
  }

  async open(): Promise<Tab> {
    await this.logDevice(); // what the page opens on
    const life: Life = { alive: true };
    const net: Connectivity = { online: () => life.alive && this.net.online(), subscribe: (listener) => this.net.subscribe(listener) };
    const page = await openPage(deviceOfPage(this.device, life), { url: this.url }, { net, timeout: this.timeout });
    const tab = { page, life, n: ++this.opened };
    this.tabs.push(tab);
    page.session.subscribe(() => tab === this.current && this.look());
    return tab;
  }

  /** What the citizen sees on the page in front: a receipt, and whether anything is left to send. */
  look(): void {
    if (!this.current?.life.alive) return;
    const session = this.current.page.session;
    if (viewOf(session.snapshot) !== 'submitted') return;
    const receipt = session.snapshot.context.receipt as (Receipt & { corrects?: unknown }) | undefined;
    if (receipt) this.shown.add(receipt.receipt);
    // A correction's receipt: in the outbox's status, or on screen after a reload.
    if (receipt?.corrects) this.correctionDone = true;
    const entry = session.submission;
    if (entry?.corrects !== undefined && entry.state === 'sent' && entry.receipt && entry.createdAt >= this.correctionAt) {
      this.shown.add(entry.receipt.receipt);
      this.correctionDone = true;
    }
    // Something still on its way (a correction waiting to be sent is shown as such): not done yet.
    if (entry?.state === 'queued' || session.differences().length || (this.correctionSent && !this.correctionDone)) return;
    if (!this.finished) this.log('done: the receipt is on screen, nothing left to send');
    this.finished = true;
  }

  async closeTab(tab: Tab): Promise<void> {
    if (!tab.life.alive) return;
    await tab.page.close();
    tab.life.alive = false;
    this.tabs = this.tabs.filter((t) => t !== tab);
    if (tab !== this.current) this.log(`closed tab ${tab.n}`);
  }

  crashTab(tab: Tab): void {
    tab.life.alive = false;
    tab.page.crash();
    this.tabs = this.tabs.filter((t) => t !== tab);
  }

  /** The citizen looks at the (re)opened form and carries on from what it shows. */
  async resume(): Promise<void> {
    this.look();
    const view = this.view;
    // Sent and seen: the next visit is a new application, which this citizen does not make.
    if (this.finished) return;
    if (view === 'submitted') return this.offerCorrection();
    if (view === 'submitting') {
      // Waiting to be sent: the review is on screen; a change a crash took (inside the autosave delay) is seen
      // there, and made again: "Change my answers", the answer, Send.
      const waiting = this.page.session.snapshot.context.form.values as Record<string, unknown>;
      const lost = (Object.keys(this.intended) as (keyof Answers)[]).filter((k) => waiting[k] !== this.intended[k]);
      if (!lost.length) return;
      this.staleRestores++;
      this.log(`waiting without ${lost.join(', ')}: changed again`);
      this.page.session.send({ type: 'EDIT' });
      for (const k of lost) this.type(k, this.intended[k]!);
      return this.send();
    }
    // Editing: the citizen checks their answers (typing again what a crash inside the autosave delay lost).
    const values = this.page.session.snapshot.context.form.values as Record<string, unknown>;
    const stale = (Object.keys(this.intended) as (keyof Answers)[]).filter((k) => values[k] !== this.intended[k]);
    if (stale.length) {
      this.staleRestores++;
      this.log(`restored without ${stale.join(', ')}: typed again`);
      for (const k of stale) this.type(k, this.intended[k]!);
    }
    if (this.sent) {
      this.resends++;
      this.log('the form is not sent: send again');
      this.send();
    }
  }

  type(field: keyof Answers, value: string): void {
    this.intended[field] = value;
    this.page.session.send({ type: 'CHANGE', path: `/${field}`, value });
  }

  /** To the review, then Send. */
  send(): void {
    for (let i = 0; i < 4 && this.view !== 'review' && this.view !== 'submitting' && this.view !== 'submitted'; i++) this.page.session.send({ type: 'NEXT' });
    if (this.view === 'review') {
      this.page.session.send({ type: 'SUBMIT' });
      this.sent = true;
      this.log('SUBMIT');
    }
  }

  /** The receipt is on screen with answers that arrived too late: the citizen sends them as a correction. */
  async offerCorrection(): Promise<void> {
    const session = this.page.session;
    if (viewOf(session.snapshot) !== 'submitted' || session.differences().length === 0 || this.correcting.has(session)) return;
    this.correcting.add(session);
    this.log(`differences ${JSON.stringify(session.differences())}: send the correction`);
    // Chosen before it is sent: the screen may already show the correction on its way.
    this.correctionSent = true;
    this.correctionDone = false;
    this.correctionAt = Date.now();
    await session.sendCorrection();
  }

  private fresh(field: 'plate' | 'seats' | 'notes'): string {
    for (;;) {
      const value =
        field === 'plate' ? `${LETTERS[int(this.rng, 0, 22)]}${LETTERS[int(this.rng, 0, 22)]}${LETTERS[int(this.rng, 0, 22)]}-${int(this.rng, 1000, 9999)}`
        : field === 'seats' ? String(int(this.rng, 1, 9))
        : `${WORDS[int(this.rng, 0, WORDS.length - 1)]} ${int(this.rng, 1, 99)}`;
      if (value !== this.intended[field]) return value;
    }
  }

  private async fill(action: (typeof FILLING)[number]): Promise<void> {
    if (action === 'next') {
      this.page.session.send({ type: 'NEXT' });
    } else if (action === 'name') this.type('name', this.plan.id);
    else this.type(action, this.fresh(action));
    this.log(action === 'next' ? 'NEXT' : `CHANGE /${action}`);
    await sleep(int(this.rng, 0, 25));
  }

  /** Until the attempt in flight is over with its outcome unknown (or the receipt is there). */
  private async unknownOutcome(): Promise<void> {
    await waitFor(() => {
      if (!this.current?.life.alive || this.view !== 'submitting') return true;
      const entry = this.page.session.submission;
      return entry !== undefined && entry.reached && entry.attempts >= 1 && !this.page.session.sending;
    }, 1500);
  }

  async disrupt(d: Disruption): Promise<void> {
    const tab = this.current!;
    let done: string = d;
    switch (d) {
      case 'reload': {
        this.log('reload');
        await this.closeTab(tab);
        await sleep(int(this.rng, 0, 30));
        this.current = await this.open();
        this.log(`opened tab ${this.current.n}`);
        await this.resume();
        break;
      }
      case 'crash':
      case 'crash-in-flight': {
        if (d === 'crash-in-flight') {
          const inFlight = await waitFor(() => this.page.session.sending, 600);
          if (!inFlight) {
            done = 'crash';
            await sleep(int(this.rng, 0, 40));
          }
        } else await sleep(int(this.rng, 0, 40));
        this.log(done);
        this.crashTab(tab);
        await sleep(int(this.rng, 0, 30));
        this.current = await this.open();
        this.log(`opened tab ${this.current.n}`);
        await this.resume();
        break;
      }
      case 'offline': {
        this.log('offline');
        this.net.set(false);
        await sleep(int(this.rng, 20, 150));
        this.net.set(true);
        this.log('online');
        break;
      }
      case 'two-tabs': {
        const second = await this.open();
        this.log(`second tab ${second.n}: ${second.page.session.tab}`);
        await this.logDevice();
        // Sometimes a last keystroke in the first tab just before the second takes over.
        const first = this.page;
        const firstView = viewOf(first.session.snapshot);
        if (!this.finished && firstView !== 'submitting' && firstView !== 'submitted' && this.rng() < 0.5) {
          const field = this.rng() < 0.5 ? 'plate' : 'notes';
          this.type(field, this.fresh(field));
          this.log(`CHANGE /${field} in tab ${tab.n}`);
        }
        await second.page.session.takeOver();
        this.current = second;
        this.log(`tab ${second.n} took over`);
        await this.logDevice();
        await this.resume();
        // The first tab stays open in the background, or is closed.
        if (this.rng() < 0.4) await this.closeTab(tab);
        break;
      }
      case 'wait-unknown': {
        await this.unknownOutcome();
        this.log('an attempt of unknown outcome is over');
        break;
      }
      case 'change':
      case 'change-reload': {
        if (this.plan.changeWhen === 'unknown') await this.unknownOutcome();
        if (this.view !== 'submitting') {
          this.log(`${d}: too late, the form shows ${this.view}`);
          done = 'change-too-late';
          break;
        }
        this.page.session.send({ type: 'EDIT' });
        this.log('EDIT');
        const edited: string = this.view;
        if (edited !== 'review') throw new Error(`EDIT led to ${edited}`);
        const field = (['plate', 'seats', 'notes'] as const)[int(this.rng, 0, 2)]!;
        this.type(field, this.fresh(field));
        this.changed = true;
        this.log(`CHANGE /${field} = ${this.intended[field]}`);
        await sleep(int(this.rng, 0, 30));
        if (d === 'change-reload') {
          this.log('reload before Send');
          await this.closeTab(this.current!);
          this.current = await this.open();
          this.log(`opened tab ${this.current.n}`);
          await this.resume();
        } else this.send();
        break;
      }
    }
    this.count(done);
  }

  async run(): Promise<void> {
    this.current = await this.open();
    this.log(`opened tab ${this.current.n}${this.plan.startOffline ? ' (offline)' : ''}`);
    for (const [i, action] of FILLING.entries()) {
      const d = this.plan.filling[i];
      if (d) await this.disrupt(d);
      await this.fill(action);
    }
    this.send();
    for (const [i, d] of this.plan.afterSend.entries()) {
      if (this.plan.startOffline && i === this.plan.onlineAt && !this.net.online()) {
        this.net.set(true);
        this.log('online');
      }
      await this.disrupt(d);
    }
    await this.finish();
  }

  /** Everything heals; the citizen (re)opens the form and waits for the receipt, sending the correction offered. */
  async finish(): Promise<void> {
    this.healed = true;
    if (!this.net.online()) this.net.set(true);
    this.log('healed');
    if (!this.current?.life.alive) {
      this.current = await this.open();
      this.log(`opened tab ${this.current.n}`);
      await this.resume();
    }
    const end = Date.now() + this.patience;
    for (;;) {
      this.look();
      if (this.finished) break;
      const session = this.page.session;
      const view = this.view;
      if (view === 'submitted') await this.offerCorrection();
      else if (view !== 'submitting') {
        // Rejected or refused: back at the form; the citizen sends again.
        this.log(`back at ${view} (${session.snapshot.context.submitError?.message ?? 'no error'}): send again`);
        this.resends++;
        this.send();
      }
      if (Date.now() > end) throw new StuckError(`no receipt after healing: the form shows ${view}, outbox ${JSON.stringify(session.submission && { state: session.submission.state, attempts: session.submission.attempts, problem: session.submission.lastProblem })}`);
      await sleep(5);
    }
    this.log(`receipts shown: ${[...this.shown].join(', ')}`);
  }

  async closeAll(): Promise<void> {
    for (const tab of [...this.tabs]) await this.closeTab(tab);
  }
}

class StuckError extends Error {}

interface Row {
  id: string;
  receipt: string;
  corrects: string | null;
  data: string;
}

/** What the agency holds for one journey, judged. */
function judge(rows: readonly Row[], intended: Answers, receipts: readonly string[]): { lost: boolean; duplicated: boolean; phantom: string[]; corrections: number; detail: string } {
  const ids = new Set(rows.map((r) => r.id));
  const originals = rows.filter((r) => r.corrects === null || !ids.has(r.corrects));
  const latest = (row: Row): Row => {
    const corrections = rows.filter((r) => r.corrects === row.id);
    return corrections.length ? latest(corrections.at(-1)!) : row;
  };
  const ends = originals.map(latest);
  const lost = !ends.some((r) => isDeepStrictEqual(JSON.parse(r.data), intended));
  const held = new Set(rows.map((r) => r.receipt));
  const phantom = receipts.filter((r) => !held.has(r));
  const detail = `wanted ${JSON.stringify(intended)}; the agency holds ${rows.length ? rows.map((r) => `${r.receipt}${r.corrects ? ` (corrects ${rows.find((o) => o.id === r.corrects)?.receipt ?? r.corrects})` : ''} ${r.data}`).join('; ') : 'nothing'}`;
  return { lost, duplicated: originals.length > 1, phantom, corrections: rows.length - originals.length, detail };
}

const percentile = (xs: readonly number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]! : 0);

/**
 * Plays `journeys` journeys of `seed` against the agency (its proxy's fault function is taken over meanwhile)
 * and judges each one against its SQLite.
 * @example
 * const agency = await startAgency();
 * const report = await runJourneys(agency, { seed: 42, journeys: 60 });
 * assert.equal(report.lost + report.duplicated, 0);
 */
export async function runJourneys(agency: Agency, options: JourneyOptions): Promise<JourneyReport> {
  const { seed, concurrency = 8, timeout = 250, log = () => undefined } = options;
  const numbers = options.only ?? Array.from({ length: options.journeys }, (_, i) => i);
  const live = new Map<string, Journey>();
  const previous = agency.fault;
  agency.setFault((req) => {
    const id = /^\/~([^/]+)/.exec(req.url ?? '')?.[1];
    const journey = id ? live.get(decodeURIComponent(id)) : undefined;
    return journey ? journey.fault(req) : previous(req);
  });
  const db = new Database(agency.database, { readonly: true, fileMustExist: true });
  const rowsOf = db.prepare("SELECT id, receipt, corrects, data FROM submissions WHERE form_id = 'permit' AND json_extract(data, '$.name') = ? ORDER BY rowid");
  // A journey is known by its name in the agency's records: a seed plays once per agency.
  const used = numbers.find((n) => rowsOf.get(`J-${seed}-${n}`) !== undefined);
  if (used !== undefined) {
    db.close();
    agency.setFault(previous);
    throw new Error(`J-${seed}-${used} was played on this agency already: use another seed`);
  }
  const done: { journey: Journey; ms: number; kinds: Set<JourneyFailure['kinds'][number]>; detail: string }[] = [];
  const started = Date.now();
  let next = 0;

  const play = async (n: number) => {
    const journey = new Journey(planJourney(seed, n, options), seed, n, agency, timeout, options.patience ?? 20_000);
    live.set(journey.plan.id, journey);
    const kinds = new Set<JourneyFailure['kinds'][number]>();
    let detail = '';
    try {
      await journey.run();
    } catch (error) {
      kinds.add(error instanceof StuckError ? 'stuck' : 'error');
      detail = `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
      journey.log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const receipts = [...journey.shown];
    await journey.closeAll().catch(() => undefined);
    const queued = (await journey.device.outbox.all()).filter((e) => e.state === 'queued');
    if (queued.length && !kinds.has('stuck')) kinds.add('left-queued');
    const verdict = judge(rowsOf.all(journey.plan.id) as Row[], journey.intended, receipts);
    if (verdict.lost) kinds.add('lost');
    if (verdict.duplicated) kinds.add('duplicated');
    if (verdict.phantom.length) kinds.add('phantom-receipt');
    detail += verdict.detail + (verdict.phantom.length ? `; shown but not held: ${verdict.phantom.join(', ')}` : '') + (queued.length ? `; still queued: ${queued.length}` : '');
    done.push({ journey, ms: Date.now() - journey.started, kinds, detail });
    options.onJourney?.(journey.plan.id, journey.trace);
    if (kinds.size) log(`✗ ${journey.plan.id}: ${[...kinds].join(', ')}`);
    if (done.length % 100 === 0) log(`${done.length} journeys, ${Math.round((Date.now() - started) / 1000)} s`);
  };

  try {
    await Promise.all(
      Array.from({ length: Math.min(concurrency, numbers.length) }, async () => {
        while (next < numbers.length) await play(numbers[next++]!);
      }),
    );
    // A request still under way when its journey was judged could only add a record late: judge every journey once more.
    await sleep(timeout + 100);
    for (const entry of done) {
      const verdict = judge(rowsOf.all(entry.journey.plan.id) as Row[], entry.journey.intended, []);
      const late = (['lost', 'duplicated'] as const).filter((kind) => verdict[kind] && !entry.kinds.has(kind));
      for (const kind of late) entry.kinds.add(kind);
      if (late.length) entry.detail += `; later: ${verdict.detail}`;
    }
  } finally {
    agency.setFault(previous);
    for (const { journey } of done) live.delete(journey.plan.id);
  }

  const failed = done.filter((d) => d.kinds.size);
  const all = done.map((d) => d.journey);
  const sum = (f: (j: Journey) => number) => all.reduce((n, j) => n + f(j), 0);
  const faults = Object.fromEntries(PROXY_FAULTS.map((f) => [f, sum((j) => j.faults[f] ?? 0)])) as Record<ProxyFault, number>;
  const disruptions: Record<string, number> = {};
  for (const j of all) for (const [k, v] of Object.entries(j.disruptions)) disruptions[k] = (disruptions[k] ?? 0) + v;
  const stats = { applications: 0, corrections: 0 };
  const changes = { oneRecord: 0, corrected: 0 };
  for (const j of all) {
    const rows = rowsOf.all(j.plan.id) as Row[];
    const corrections = rows.filter((r) => r.corrects !== null).length;
    stats.corrections += corrections;
    stats.applications += rows.length - corrections;
    if (j.changed && corrections) changes.corrected++;
    else if (j.changed) changes.oneRecord++;
  }
  db.close();
  const ms = done.map((d) => d.ms);
  const countOf = (kind: JourneyFailure['kinds'][number]) => failed.filter((d) => d.kinds.has(kind)).length;
  return {
    seed,
    journeys: done.length,
    lost: countOf('lost'),
    duplicated: countOf('duplicated'),
    phantomReceipts: countOf('phantom-receipt'),
    stuck: countOf('stuck'),
    errors: countOf('error') + countOf('left-queued'),
    failures: failed.map((d) => ({ id: d.journey.plan.id, kinds: [...d.kinds], detail: d.detail, plan: d.journey.plan, trace: d.journey.trace })),
    faults,
    disruptions,
    attempts: { submissions: sum((j) => j.submissions), lookups: sum((j) => j.lookups), duplicateCopies: sum((j) => j.duplicateCopies) },
    records: stats,
    changes,
    staleRestores: sum((j) => j.staleRestores),
    resends: sum((j) => j.resends),
    wallMs: Date.now() - started,
    journeyMs: { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: percentile(ms, 1) },
  };
}

/** The report as a few lines for a terminal. */
export function summarize(report: JourneyReport): string {
  const kv = (o: Readonly<Record<string, number>>) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `seed ${report.seed}: ${report.journeys} journeys in ${(report.wallMs / 1000).toFixed(1)} s (per journey p50 ${report.journeyMs.p50} ms, p95 ${report.journeyMs.p95} ms, max ${report.journeyMs.max} ms)`,
    `lost ${report.lost}, duplicated ${report.duplicated}, receipts shown but not held ${report.phantomReceipts}, stuck without a receipt ${report.stuck}, errors (threw, or left an entry queued) ${report.errors}`,
    `proxy faults: ${kv(report.faults)} (${Object.values(report.faults).reduce((a, b) => a + b, 0)} in all)`,
    `disruptions: ${kv(report.disruptions)}`,
    `attempts: ${report.attempts.submissions} submissions, ${report.attempts.lookups} lookups (+${report.attempts.duplicateCopies} duplicate copies the agency received)`,
    `records: ${report.records.applications} applications, ${report.records.corrections} corrections; journeys with a change: ${report.changes.oneRecord} ended with one record, ${report.changes.corrected} with a correction`,
    `drafts restored without the last keystrokes (typed again): ${report.staleRestores}; sent again after a reopen or a refusal: ${report.resends}`,
  ].join('\n');
}

/** A failure as the lines to read: what was wanted and held, the plan, and the trace. */
export function describeFailure(failure: JourneyFailure): string {
  return [`${failure.id}: ${failure.kinds.join(', ')}`, `  ${failure.detail}`, `  plan ${JSON.stringify(failure.plan)}`, ...failure.trace.map((l) => `  ${l}`)].join('\n');
}
