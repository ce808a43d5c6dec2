import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { FieldItem, FormDefinition, LoadResult, Problem } from '@formosa/schema';
import { DEFINITION_CHECKED, GATE_VERSION } from '@formosa/schema/gate-version';
import { getAt, hasTaiwanLists, installTaiwanLists, UploadError, usesTaiwanLists, type Data, type FieldError, type FormEngine, type SchemaValidator } from '@formosa/engine';
import { CONSENT, REVIEW, SUBMITTED, SUBMITTING, type WorkflowEvent } from '@formosa/workflow';
import { createTranslator, DEFAULT_LOCALE, loadTranslator, type LocalText, type Translator } from '@formosa/i18n';
import type { createAttachmentRemover, createUploader } from '@formosa/transport/upload';
import type { OutboxEntry, SubmitterOptions } from '@formosa/transport';
import { createFormSession, isLocalFile, mergePrefill, viewOf, type FormSession, type SessionChange, type Snapshot } from '@formosa/session';
import {
  FormosaAnalyticsEvent, FormosaBeforeSubmitEvent, FormosaDraftRestoredEvent, FormosaDraftSavedEvent, FormosaErrorEvent, FormosaLoadEvent, FormosaMyDataEvent, FormosaOutboxEvent, FormosaStepChangeEvent,
  FormosaSubmitEvent, FormosaValidationEvent,
  type FormosaErrorSelectEvent, type FormosaInputEvent, type FormosaNavigateEvent,
} from '../../internal/events.js';
import { browserConnectivity, memoryDevice, pageDevice, type PageDevice } from '../../internal/device.js';
import { focusRing, tokens, visuallyHidden } from '../../internal/styles.js';
import type { SummaryError } from '../error-summary/error-summary.js';
import type { Remover, Uploader } from '../file-field/file-field.js';
import { fieldTexts, fieldView, localParagraph, renderItems, type FieldView, type RenderContext } from './render-items.js';
import { answerKind, fieldId, widgetOf } from './widget.js';
import { formStyles } from './form.styles.js';
import { problemsView, receiptView, reviewView, stepperView } from './views.js';
import { fileParams } from './file-texts.js';
import { arrivingValidator, type ArrivingValidator } from './arriving-validator.js';
import { definitionResponse, wantedLocaleOf } from './early.js';
import type { JourneyAnalytics } from './analytics.js';
import { correctionView, draftFooter, draftNotices, elsewhereView, saveStatusText, waitingNotice } from './session-views.js';
import { consentView, myDataNotice, sealNotice, type MyDataActions } from './mydata-views.js';
import type { MyDataKit, MyDataSpeaker } from '../mydata/mydata-kit.js';
import type { ReopenKit } from '../reopen/reopen-kit.js';

type Status = 'idle' | 'loading' | 'failed' | 'refused' | 'invalid' | 'ready';

/** The pages' events that mean "this page may go away now": the draft is saved at once. */
const LEAVING = ['pagehide', 'visibilitychange', 'freeze'] as const;

/**
 * Uploading, a chunk of its own. Its code not arriving is a dropped connection like any other: the session keeps a
 * file chosen offline on the device, to upload later.
 */
const uploading = () =>
  import('@formosa/transport/upload').catch((error: unknown) => {
    throw new UploadError('network', `the code that uploads files could not be fetched (${String(error)})`);
  });

/** Whether `<formosa-status>` handed this tab an application to update (its kit is fetched only then). */
const handedOver = () => {
  try {
    return sessionStorage.getItem('formosa-reopen');
  } catch {
    return null;
  }
};

/**
 * A whole application form: loads a definition, walks the citizen through its steps, checks answers
 * in their language, shows the review and submits to the agency's endpoint, then shows the receipt.
 * @summary The form: stepper, fields, error summary, review and receipt, driven by a definition.
 * @event formosa-load - The definition loaded and the first view is on screen (`formId`, `version`).
 * @event formosa-step-change - The citizen moved to another step, the review or the receipt.
 * @event formosa-validation - Errors were shown to the citizen (`errors`: `{path, code}` each, never a value).
 * @event formosa-before-submit - About to send; cancelable.
 * @event formosa-submit - The endpoint stored the application; carries the receipt.
 * @event formosa-error - The definition has problems, could not be loaded, or a submission failed.
 * @event formosa-input - Bubbles from each field on every keystroke; `name` is the answer's JSON pointer.
 * @event formosa-change - Bubbles from each field when an answer is committed.
 * @event formosa-draft-saved - The answers were saved on this device (`savedAt`).
 * @event formosa-draft-restored - Saved answers were brought back (`savedAt`, and `dropped`: those a new version could not take).
 * @event formosa-outbox - The application's place in the outbox changed: `queued`, `sent`, `rejected` or `refused`.
 * @event formosa-mydata - Where MyData prefill stands: `offered`, `going`, `waiting`, `ready`, `failed` or `expired` (never a value).
 * @event formosa-analytics - A record of the citizen's journey (`record`: step reached or left, errors shown by code, abandoned, submitted; never an answer).
 * @csspart consent - The consent step of a form that reads MyData.
 * @csspart mydata-notice - What MyData filled in, the wait for it, or why it did not and the way forward.
 * @csspart reopen-notice - On an application the agency reopened: what it asked (the note, the steps that may change), a refusal of the update, or "updated" on the receipt.
 * @csspart draft - The save status and the choice not to keep answers on this device.
 * @csspart draft-notice - "Welcome back": the answers brought back, and those a new version could not take.
 * @csspart form - The form around the current step, the review or the receipt.
 * @csspart definition-error - The problems of a broken definition, shown instead of the form.
 * @csspart repeat - Each repeated group (e.g. household members): its entries and the button that adds one.
 * @csspart entry - Each entry of a repeated group.
 * @csspart field - Each field's wrapper (exported from the field's own `field` part; so are the `field-*` parts below).
 * @csspart field-label - Each field's label (or legend).
 * @csspart field-hint - Each field's hint.
 * @csspart field-error - Each field's error message.
 * @csspart field-input - Each field's native control (each box of a date in parts).
 * @csspart field-prefix - The prefix before an amount (NT$).
 * @csspart field-option - Each choice's row of a radio group.
 * @csspart field-statement - The statement of a consent or declaration checkbox.
 * @csspart field-list - The list of a file field's files.
 * @csspart field-lock-reason - Why a read-only value is locked.
 * @csspart field-provenance - Where a value came from (MyData).
 * @csspart section - Each section's fieldset.
 * @csspart section-heading - Each section's legend.
 * @cssprop --formosa-color-primary - Buttons and links.
 * @cssprop --formosa-color-error - Error messages and markers.
 * @cssprop --formosa-color-focus - The focus band.
 * @cssprop --formosa-font-family - Type face.
 * @cssprop --formosa-font-size - Base text size.
 * @cssprop --formosa-max-width - Width of the form column.
 * @cssprop --formosa-input-height - Height of text inputs and selects.
 * @cssprop --formosa-choice-size - Size of radio buttons and checkboxes.
 * @example
 * <formosa-form src="/api/forms/rent-subsidy" validator-src="/api/forms/rent-subsidy/validator.js" locale="zh-Hant-TW"></formosa-form>
 */
export class FormosaForm extends LitElement {
  static override styles = [tokens, focusRing, visuallyHidden, formStyles];
  static override properties = {
    src: {},
    validatorSrc: { attribute: 'validator-src' },
    locale: { reflect: true },
    theme: { reflect: true },
    definition: { attribute: false },
    validator: { attribute: false },
    values: { attribute: false },
    submitter: { attribute: false },
    endpointOrigins: { attribute: 'endpoint-origins' },
    draft: {},
    draftKey: { attribute: 'draft-key' },
    draftDays: { attribute: 'draft-days', type: Number },
    mydata: {},
    analytics: {},
    status: { state: true },
    problems: { state: true },
  };

  /** URL of the definition (JSON). */
  declare src: string | undefined;
  /** URL of the precompiled validator module of the definition's data schema (see the CLI's `compile`). */
  declare validatorSrc: string | undefined;
  /** Interface and content language; else the page's `lang`, else the browser's languages. */
  declare locale: string | undefined;
  /** `senior` for larger text, bigger targets and more room (the default theme when absent). */
  declare theme: 'senior' | undefined;
  /** The definition as an object or JSON text, instead of `src`. */
  declare definition: FormDefinition | string | undefined;
  /** The precompiled validator, instead of `validator-src`. */
  declare validator: SchemaValidator | undefined;
  /**
   * Answers to start from (a prefill or a saved draft), when set before the definition loads and there is no draft to
   * bring back. Set after it loaded, they are merged into the current answers (a list given replaces that list), as
   * MyData's are, but not locked: the host's prefill.
   */
  declare values: Data | undefined;
  /** Options of the submission client (retries, time-out, extra headers). */
  declare submitter: SubmitterOptions | undefined;
  /**
   * Origins, space-separated, besides the definition's own, that its submission and upload endpoints may be on
   * (e.g. `https://api.agency.gov.tw`). Without it a definition cannot send a citizen's answers anywhere else.
   */
  declare endpointOrigins: string | undefined;
  /**
   * `auto` (the default): every change is kept on this device, encrypted, and brought back on return; the citizen
   * may say not to. `off`: nothing is kept on this device (kiosks, shared computers). See docs/offline.md.
   */
  declare draft: 'auto' | 'off';
  /** The draft's name on this device; the form's id by default (one application in progress per form). */
  declare draftKey: string | undefined;
  /** Days a draft is kept on this device after its last change (30 by default). */
  declare draftDays: number | undefined;
  /**
   * `auto` (the default): a definition that reads MyData offers it on a consent step, where the agency's server has
   * a connector. `off`: never (the citizen fills in by hand). See docs/mydata.md.
   */
  declare mydata: 'auto' | 'off';
  /**
   * URL the journey's `formosa-analytics` records are sent to, in batches with `navigator.sendBeacon` (text/plain
   * `{"records": [...]}`, no preflight): when 20 wait, and when the page is hidden or left. See docs/embedding.md.
   */
  declare analytics: string | undefined;

  declare protected status: Status;
  declare protected problems: readonly Problem[];
  /** The journey's latest snapshot; not a reactive property, because most keystrokes need no re-render (see onSnapshot). */
  protected snapshot: Snapshot | undefined;
  /** The view last announced with a step-change event (never `submitting`). */
  private announced?: string;
  /** The answer being typed, while its CHANGE is sent. */
  private typing?: string;

  /** The citizen's application: engine, journey, draft and outbox. The element is its view. */
  private session?: FormSession;
  /** The validator module while it is on its way (validator-src). */
  private arriving?: ArrivingValidator;
  /** Where drafts and the outbox are kept: opened beside the definition's fetch. */
  private device?: Promise<PageDevice>;
  /** "Welcome back", shown until the citizen moves on. */
  private restoredNotice?: FormSession['restored'];
  /** A correction the agency received, for the receipt view. */
  private correction: { receipt?: string } = {};
  /** Why nothing can be kept on this device (no IndexedDB, private mode, a full disk), when the page wanted to. */
  private deviceProblem?: 'quota' | 'unavailable';
  /** The MyData kit (client, offer, texts), for a definition that reads MyData. */
  private kit?: MyDataKit;
  /** An application the agency reopened, handed over by `<formosa-status>`: its kit (a chunk) and previous answers. */
  private reopen?: ReopenKit | undefined;
  /** The national ID on the consent step, when it is not one MyData can take. */
  private consentError?: FieldError;
  /** Whether the waiting message is on screen (it takes focus when it first appears). */
  private waitingTold = false;
  /** The outbox entry last reported with an event, so each change is reported once. */
  private reported?: OutboxEntry;
  /** Records of the citizen's journey (`formosa-analytics`), made from the form's own events (a chunk fetched beside the definition). */
  private journey?: JourneyAnalytics;
  private readonly leaving = (event: Event) => {
    const away = event.type !== 'visibilitychange' || document.visibilityState === 'hidden';
    if (away) void this.session?.flush();
    this.journey?.away(away);
  };
  /** Uploads a chosen file to the agency at once; the answer keeps only its reference. */
  private uploadTo?: (field: string) => Uploader;
  private removeUpload?: Remover;
  private generation = 0;
  /** The interface language in use; a newly chosen one replaces it once its pack has loaded. */
  private translator?: Translator;
  /** Follows the host page's `lang` when no `locale` is set. */
  private langObserver?: MutationObserver;
  /** Field views per locale (labels, hints, choices): built once, so a keystroke re-renders only what changed. */
  private views = new Map<string, WeakMap<FieldItem, FieldView>>();
  /** What should take focus after the next render: the step heading, the receipt, or a field by path. */
  private pendingFocus?: { kind: 'heading' } | { kind: 'receipt' } | { kind: 'summary' } | { kind: 'notice' } | { kind: 'path'; path: string };

  constructor() {
    super();
    this.status = 'idle';
    this.problems = [];
    this.draft = 'auto';
    this.mydata = 'auto';
  }

  private get engine(): FormEngine | undefined {
    return this.session?.engine;
  }

  /** The answers as they would be submitted now (hidden answers left out, values normalised). */
  get data(): Data | undefined {
    return this.engine && this.snapshot ? this.engine.data(this.snapshot.context.form) : undefined;
  }

  /** The current step id, `review`, `submitting` or `submitted`. */
  get view(): string | undefined {
    return this.snapshot ? viewOf(this.snapshot) : undefined;
  }

  /** The journey's persisted snapshot (plain JSON): where the citizen is and every answer. */
  persistedSnapshot(): unknown {
    return this.session?.persistedSnapshot();
  }

  /** Saves the draft now (the form does on `pagehide`, `visibilitychange` and `freeze`). */
  saveDraft(): Promise<void> {
    return this.session?.flush() ?? Promise.resolve();
  }

  /** Deletes the draft (and its files) from this device and starts the application afresh. */
  async discardDraft(): Promise<void> {
    this.restoredNotice = undefined;
    await this.session?.discard();
    this.requestUpdate();
  }

  /** Brings back the draft kept on this device (after it was changed in another tab, say). */
  restoreDraft(): Promise<void> {
    return this.load();
  }

  /**
   * Runs the current step's checks and shows their errors as a refused Continue does (the error summary takes focus),
   * without moving the citizen on; on the review, checks the whole form (its errors are shown by Send). Waits for a
   * validator module still on its way (`validator-src`).
   * @returns whether the checks passed.
   * @example
   * if (!(await form.validate())) console.info('not yet');
   */
  async validate(): Promise<boolean> {
    return (await this.check()).length === 0;
  }

  /**
   * Like {@link validate}, and moves focus to the first error's field (its label scrolled into view), as the error
   * summary's links do.
   * @example
   * saveButton.onclick = () => form.reportValidity();
   */
  async reportValidity(): Promise<boolean> {
    const [first] = await this.check();
    this.pendingFocus = undefined;
    if (first && this.view !== REVIEW) await this.focusPath(first.path);
    return !first;
  }

  /**
   * Starts the application afresh, as a native form's reset goes back to its default values: the draft on this device
   * (and its files) is deleted, and the form opens at its beginning with the `values` it was given before it loaded,
   * else with no answers. An application already sent, or waiting in the outbox, is not withdrawn.
   * @example
   * await form.reset(); // the next person at the kiosk
   */
  reset(): Promise<void> {
    return this.discardDraft();
  }

  /**
   * Moves to a step the citizen has reached (and that is shown), as the stepper's links do; from the review, Continue
   * there returns to the review. Errors on screen are cleared.
   * @returns whether the form moved.
   * @example
   * form.goTo('household');
   */
  goTo(step: string): boolean {
    const before = this.view;
    this.send({ type: 'GOTO', step });
    return this.view !== before;
  }

  /**
   * What Enter does: on the review, sends the application (after `formosa-before-submit`, which may cancel it); on a
   * step, Continue (its checks, then the next step, or its errors shown). One step per call, so that no step is
   * passed without the citizen seeing it.
   * @example
   * form.submit();
   */
  submit(): void {
    if (this.view === REVIEW) this.sendApplication();
    else this.send({ type: 'NEXT' });
  }

  private get t(): Translator {
    return this.translator ?? createTranslator(DEFAULT_LOCALE);
  }

  /** The locale asked for: the attribute, else the nearest `lang`, else the browser's languages. */
  private wantedLocale(): string {
    return wantedLocaleOf(this, this.locale);
  }

  /** Loads the wanted locale's pack, then re-renders in it; until then the current language stays on screen. */
  private async useWantedLocale(): Promise<void> {
    const locale = this.wantedLocale();
    if (this.translator?.locale === locale) return;
    try {
      const translator = await loadTranslator(locale);
      if (this.wantedLocale() !== locale) return;
      this.translator = translator;
      this.requestUpdate();
    } catch (error) {
      console.warn(`[formosa] the ${locale} interface texts could not be loaded; keeping ${this.t.locale}`, error);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of LEAVING) (type === 'pagehide' ? window : document).addEventListener(type, this.leaving);
    this.langObserver = new MutationObserver(() => void this.useWantedLocale());
    this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of LEAVING) (type === 'pagehide' ? window : document).removeEventListener(type, this.leaving);
    void this.session?.flush();
    this.journey?.away(true);
    this.stopSession();
    this.langObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['definition', 'src', 'validator', 'validatorSrc', 'draft', 'draftKey'].some((p) => changed.has(p as keyof FormosaForm))) return void this.load();
    if (changed.has('values') && this.values) this.prefillWith(this.values);
    if (changed.has('locale')) void this.useWantedLocale();
  }

  private stopSession(): void {
    this.session?.stop();
    this.session = undefined;
  }

  private async load(): Promise<void> {
    const run = ++this.generation;
    this.stopSession();
    this.snapshot = undefined;
    this.announced = undefined;
    this.requestUpdate();
    if (this.definition === undefined && !this.src) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    try {
      // The validator module is not waited for: it is fetched and compiled once the first step is on screen (a
      // 5,000-field form's is 2.9 MB of script), and Continue waits for it (see arriving-validator.ts).
      let shown!: () => void;
      const onScreen = new Promise<void>((resolve) => (shown = resolve));
      const arriving = this.validator || !this.validatorSrc ? undefined : arrivingValidator(onScreen.then(() => this.importValidator()));
      // The storage (its own chunk, and IndexedDB) opens while the definition travels.
      this.device = this.draft === 'off' ? Promise.resolve(memoryDevice) : pageDevice();
      try {
        // The gate travels beside the definition (a chunk of its own), not in the script every page loads, and only
        // when the definition needs it (see fetchDefinition). So do the journey's analytics, in place before the
        // first step shows (never in the way of the form).
        const definition = this.definition;
        const [loaded, , analytics, reopen] = await Promise.all([
          definition === undefined ? this.fetchDefinition(this.src!) : import('@formosa/schema/gate').then((m) => m.loadDefinition(definition)),
          this.useWantedLocale(), import('@formosa/elements/analytics').catch(() => undefined),
          handedOver() && import('@formosa/elements/reopen').then((m) => m.openReopened(this.src, this.submitter?.fetch)),
        ]);
        this.reopen = reopen || undefined;
        this.journey ??= analytics && new analytics.JourneyAnalytics(this, (record) => this.dispatchEvent(new FormosaAnalyticsEvent(record)), () => this.engine?.definition, () => this.analytics);
        this.arriving = arriving;
        // A draft from another version of the form waits for the validator module before it is carried over.
        const validatorReady = arriving ? () => (shown(), arriving.ready) : undefined;
        if (run === this.generation) await this.start(run, loaded, this.validator ?? arriving?.validator, validatorReady);
      } finally {
        // After the next paint, or soon in a tab that does not paint (hidden).
        void this.updateComplete.then(() => {
          requestAnimationFrame(() => setTimeout(shown));
          setTimeout(shown, 500);
        });
      }
      // Once the step is on screen, the sending machinery and uploading are fetched too: a Send made, or a file chosen,
      // offline finds them here. One that did not arrive is asked for again at its next use, under another URL (a
      // browser keeps a failed module fetch for the page's life; see FORMOSA_IMPORT in rollup.config.js).
      void onScreen.then(() => {
        if (run !== this.generation) return;
        this.session?.prepareToSend();
        uploading().catch(() => undefined);
      });
    } catch (error) {
      if (run !== this.generation) return;
      // Offline, the network is to blame. Online, the service refused this page (fetch fails outright when the
      // page's origin is not in the server's corsOrigins) or answered an error: the agency's to fix, not the citizen's.
      const status = (error as { status?: number }).status ?? 0;
      const reason = !navigator.onLine ? 'offline' : status > 499 ? 'server' : status === 404 || status === 410 ? 'not_found' : 'refused';
      const message = error instanceof Error ? error.message : String(error);
      this.status = reason === 'offline' ? 'failed' : 'refused';
      if (reason !== 'offline') console.error(`[formosa] ${this.src} could not be loaded (${reason}): ${reason === 'refused' ? `add this page's origin (${location.origin}) to the server's corsOrigins` : message}`);
      this.dispatchEvent(new FormosaErrorEvent('load', { message, reason }));
    }
  }

  /**
   * The definition at `src`. A server that ran this very gate on it says so (docs/server.md); the page already takes
   * that server's word (its validator module runs here), so its definition starts as it is, without the gate's chunk.
   * Any other (no header, another release's gate, text that is not JSON) goes through the gate, imported as soon as
   * the headers say so.
   */
  private async fetchDefinition(src: string): Promise<LoadResult> {
    const response = await definitionResponse(new URL(src, document.baseURI).href);
    if (!response.ok) throw Object.assign(new Error(`GET ${src} answered ${response.status}`), { status: response.status });
    if (response.headers.get(DEFINITION_CHECKED) === GATE_VERSION) {
      const text = await response.text();
      try {
        return { ok: true, definition: JSON.parse(text) as FormDefinition, warnings: [] };
      } catch {
        return (await import('@formosa/schema/gate')).loadDefinition(text);
      }
    }
    const [text, { loadDefinition }] = await Promise.all([response.text(), import('@formosa/schema/gate')]);
    return loadDefinition(text);
  }

  private async importValidator(): Promise<SchemaValidator | undefined> {
    if (!this.validatorSrc) return undefined;
    try {
      const module = (await import(/* @vite-ignore */ new URL(this.validatorSrc, document.baseURI).href)) as { default: SchemaValidator };
      return module.default;
    } catch (error) {
      // The form still works (rules, formats, required); the server re-validates everything anyway.
      console.warn(`[formosa] validator ${this.validatorSrc} could not be loaded; only rules, formats and required answers are checked`, error);
      return undefined;
    }
  }

  private async start(run: number, input: LoadResult, validator: SchemaValidator | undefined, validatorReady: (() => Promise<void>) | undefined): Promise<void> {
    try {
      await this.begin(run, input, validator, validatorReady);
    } catch (error) {
      if (run !== this.generation) return;
      // The gate let through something the form cannot run: the designer's problem, not the citizen's network.
      this.problems = [{ severity: 'error', path: '', code: 'internal', message: error instanceof Error ? error.message : String(error) }];
      this.status = 'invalid';
      this.dispatchEvent(new FormosaErrorEvent('definition', { problems: this.problems }));
    }
  }

  private async begin(run: number, result: LoadResult, validator: SchemaValidator | undefined, validatorReady: (() => Promise<void>) | undefined): Promise<void> {
    if (!result.ok) {
      this.problems = result.problems.filter((p) => p.severity === 'error');
      this.status = 'invalid';
      this.dispatchEvent(new FormosaErrorEvent('definition', { problems: this.problems }));
      return;
    }
    const definition = result.definition;
    // The designer's intended presentation, unless the host chose one.
    if (!this.hasAttribute('theme') && definition.theme === 'senior') this.theme = 'senior';
    this.views.clear();
    const base = this.src ? new URL(this.src, document.baseURI) : document.baseURI;
    const endpoint = new URL(definition.submission.endpoint, base).href;
    const uploads = new URL(definition.submission.attachments ?? definition.submission.endpoint.replace(/\/submissions$/, '/attachments'), base).href;
    const elsewhere = this.foreignEndpoints(new URL(base).origin, [['/submission/endpoint', endpoint], ['/submission/attachments', uploads]]);
    if (elsewhere.length) {
      this.problems = elsewhere;
      this.status = 'invalid';
      this.dispatchEvent(new FormosaErrorEvent('definition', { problems: elsewhere }));
      return;
    }
    const options = this.submitter ?? {};
    const headers = options.headers ? { headers: options.headers } : {};
    let uploader: ReturnType<typeof createUploader> | undefined;
    let remover: ReturnType<typeof createAttachmentRemover> | undefined;
    const upload: ReturnType<typeof createUploader> = async (request) => (uploader ??= (await uploading()).createUploader({ ...headers, ...(options.fetch ? { fetch: options.fetch } : {}) }))(request);
    this.removeUpload = async (attachment) => (remover ??= (await uploading()).createAttachmentRemover({ base: uploads, ...headers }))(attachment);
    // Taiwan's lists (counties, districts, banks) travel only to a form that asks for them.
    const lists = usesTaiwanLists(definition) && !hasTaiwanLists() ? import('@formosa/engine/taiwan-lists').then((m) => installTaiwanLists(m.TAIWAN_LISTS)) : undefined;
    // A form that reads MyData fetches its kit (a chunk) and asks the server what it offers, beside the rest.
    // Handed over for this form: the answers as the agency holds them, the steps it reopened, a draft of their own.
    const reopen = this.reopen?.begin(definition, this.draftKey || definition.id);
    const kit = definition.mydata && this.mydata !== 'off' && !reopen
      ? import('@formosa/elements/mydata').then((m) => m.openMyData(endpoint.replace(/\/submissions$/, '/mydata'), options.fetch)).catch(() => undefined)
      : undefined;
    const [device, , myData] = await Promise.all([this.device!, lists, kit]);
    this.kit = myData?.offer ? myData : undefined;
    if (run !== this.generation) return;
    const keep = this.draft !== 'off' && device.drafts !== undefined;
    const store = keep ? device : memoryDevice;
    const draftKey = reopen?.draftKey ?? (this.draftKey || definition.id);
    // The sending machinery is fetched at the first Send (or at once, to resume an application on its way).
    const outbox = {
      store: store.outbox,
      open: () =>
        import('@formosa/transport/sending').then(({ Outbox, createAttempt, createLookup }) => new Outbox({
          store: store.outbox, attempt: createAttempt(options), lookup: createLookup(options), connectivity: browserConnectivity, lock: store.lock,
          scope: (entry) => entry.draft === draftKey,
          ...(options.backoff ? { backoff: options.backoff } : {}),
          // Files chosen offline go up just before the application that refers to them.
          upload: async (id, file) => {
            const kept = await device.drafts?.file(id).catch(() => undefined);
            if (!kept) return 'refused' as const;
            return upload({ endpoint: file.endpoint, file: new File([kept.data], kept.name, { type: kept.type }), field: file.field }).catch((error: { kind?: string }) =>
              error.kind === 'network' || error.kind === 'server' ? ('later' as const) : ('refused' as const),
            );
          },
        })),
    };
    const values = this.values;
    const session = createFormSession(
      {
        definition, endpoint, attachments: uploads, draftKey, keep,
        reopened: reopen?.journey,
        ...(this.draftDays ? { expiryDays: this.draftDays } : {}),
        ...(validator ? { validator } : {}),
        ...(validatorReady ? { validatorReady } : {}),
        ...(values ? { values } : {}),
        offerMyData: this.kit !== undefined,
      },
      { ...(this.kit ? { mydata: { begin: (subject: string, page: string) => this.kit!.client.begin(subject, page), result: () => this.kit!.client.result() } } : {}), outbox, upload: (file, field) => upload({ endpoint: uploads, file, field }), connectivity: browserConnectivity, ...(keep ? { drafts: device.drafts!, ...(device.tabs ? { tabs: device.tabs } : {}) } : {}) },
    );
    await session.start();
    if (run !== this.generation) return session.stop();
    this.session = session;
    this.reopen?.opened(session);
    // One uploader per field, so the file field's property does not change at every render.
    const uploaders = new Map<string, Uploader>();
    this.uploadTo = (field) => {
      let uploader = uploaders.get(field);
      if (!uploader) uploaders.set(field, (uploader = (file) => session.upload(file, field)));
      return uploader;
    };
    const remove = this.removeUpload!;
    this.removeUpload = (attachment) => (isLocalFile(attachment) ? session.forgetFile(attachment.id) : remove(attachment));
    this.restoredNotice = session.restored;
    this.correction = {};
    this.reported = session.submission;
    session.subscribe((change) => this.session === session && this.onSessionChange(change));
    this.status = 'ready';
    this.onSnapshot(session.snapshot);
    // Answers the host gave while the session was starting.
    if (this.values && this.values !== values) this.prefillWith(this.values);
    void this.updateComplete.then(() => run === this.generation && this.dispatchEvent(new FormosaLoadEvent(definition.id, definition.version)));
    if (session.restored) this.dispatchEvent(new FormosaDraftRestoredEvent(session.restored.savedAt, session.restored.dropped));
    this.deviceProblem = this.draft !== 'off' ? device.problem : undefined;
    if (this.deviceProblem) this.dispatchEvent(new FormosaErrorEvent('storage', { message: this.deviceProblem }));
  }

  /** The session changed: the journey (re-render as needed), the save status (its line only), the tab or the outbox. */
  private onSessionChange(change: SessionChange): void {
    const session = this.session!;
    if (change === 'snapshot') return this.onSnapshot(session.snapshot);
    if (change === 'save') {
      this.showSaveStatus();
      if (session.save.status === 'saved') this.dispatchEvent(new FormosaDraftSavedEvent(session.save.at));
      if (session.save.status === 'failed') this.requestUpdate();
      return;
    }
    if (change === 'submission') this.reportOutbox(session.submission);
    if (change === 'mydata' && session.mydata) {
      const status = session.mydata;
      this.dispatchEvent(new FormosaMyDataEvent(status.state, status.state === 'ready' ? { count: Object.keys(status.prefill.values).length } : status.state === 'failed' ? { kind: status.kind, ...(status.code ? { code: status.code } : {}) } : {}));
    }
    this.requestUpdate();
  }

  /** One event per change of the application's place in the outbox (never its answers). */
  private reportOutbox(entry: OutboxEntry | undefined): void {
    const before = this.reported;
    this.reported = entry;
    if (!entry || (before?.key === entry.key && before.state === entry.state && before.attempts === entry.attempts)) return;
    if (entry.corrects && entry.state === 'sent') this.correction = { receipt: entry.receipt!.receipt };
    this.dispatchEvent(new FormosaOutboxEvent(entry.state, {
      attempts: entry.attempts, correction: entry.corrects !== undefined,
      ...(entry.receipt ? { receipt: entry.receipt } : {}), ...(entry.status ? { status: entry.status } : {}),
    }));
  }

  /** Why the application waits, when it does; the first time it is told, the message takes focus (as a failure did). */
  private waiting(): ReturnType<typeof waitingNotice> {
    const session = this.session!;
    const notice = this.view === SUBMITTING ? waitingNotice(session.submission, session.sending, browserConnectivity.online(), session.keepsDraft) : undefined;
    if (notice && !this.waitingTold) this.pendingFocus = { kind: 'notice' };
    this.waitingTold = notice !== undefined;
    return notice;
  }

  /**
   * Endpoints on another origin than the definition's that the page did not allow: a definition from a compromised
   * CMS must not send citizens' answers (national IDs) to a third party, which could also fake the receipt.
   */
  private foreignEndpoints(own: string, endpoints: [string, string][]): Problem[] {
    const allowed = new Set([own, ...(this.endpointOrigins ?? '').split(/\s+/).filter(Boolean).map((o) => new URL(o).origin)]);
    return endpoints
      .filter(([, url]) => !allowed.has(new URL(url).origin))
      .map(([path, url]) => ({
        severity: 'error', path, code: 'endpoint_origin',
        message: `sends answers to ${new URL(url).origin}, another origin than the definition's (${own}); the page must allow it with endpoint-origins="${new URL(url).origin}"`,
      }));
  }

  private onSnapshot(snapshot: Snapshot): void {
    const previous = this.snapshot;
    this.snapshot = snapshot;
    if (!previous || !this.isQuiet(previous, snapshot)) this.requestUpdate();
    const view = viewOf(snapshot);
    const before = this.announced;
    // Submitting is a moment, not a view: the host hears review → receipt (or review → the step of a rejected answer).
    if (view !== before && view !== SUBMITTING) {
      this.announced = view;
      this.dispatchEvent(new FormosaStepChangeEvent(before, view));
      if (before !== undefined && view !== SUBMITTED) this.pendingFocus ??= { kind: 'heading' };
      // "Welcome back" stays until the citizen moves on.
      if (before !== undefined) this.restoredNotice = undefined;
    }
    // The receipt, also one that arrived while the page was closed (the outbox sent it on a later visit).
    if (view === SUBMITTED && (!previous || viewOf(previous) !== SUBMITTED)) {
      if (previous) this.pendingFocus = { kind: 'receipt' };
      this.dispatchEvent(new FormosaSubmitEvent(snapshot.context.receipt!, this.engine!.data(snapshot.context.form)));
    }
    const failure = snapshot.context.submitError;
    if (failure && failure !== previous?.context.submitError) {
      // Rejected answers: the error summary of their step; anything else: the message by the Send button.
      this.pendingFocus = { kind: snapshot.context.errors.length > 0 ? 'summary' : 'notice' };
      this.dispatchEvent(new FormosaErrorEvent('submission', { message: failure.message, errors: snapshot.context.errors }));
      if (snapshot.context.errors.length) this.dispatchEvent(new FormosaValidationEvent(snapshot.context.errors));
    }
  }

  /**
   * A keystroke in an answer no rule reads, with the same step and errors, changes nothing on screen but that
   * answer, which its field already shows: the form skips re-rendering (a keystroke stays O(1) at any size).
   */
  private isQuiet(previous: Snapshot, next: Snapshot): boolean {
    const path = this.typing;
    return (
      path !== undefined &&
      !this.engine!.isReadByRules(path) &&
      viewOf(previous) === viewOf(next) &&
      previous.context.errors === next.context.errors &&
      previous.context.form.hidden === next.context.form.hidden &&
      previous.context.form.required === next.context.form.required
    );
  }

  /**
   * The save status line is written here, not by render: saving re-renders nothing else. Its text (the last save's
   * minute) changes at most once a minute, so a screen reader hears it no more often.
   */
  private showSaveStatus(): void {
    const status = this.renderRoot.querySelector('.save-status');
    const text = this.session ? saveStatusText(this.t, this.session) : '';
    if (status && status.textContent !== text) status.textContent = text;
  }

  protected override updated(): void {
    this.showSaveStatus();
    const focus = this.pendingFocus;
    if (!focus || this.status !== 'ready') return;
    this.pendingFocus = undefined;
    if (focus.kind === 'heading') this.renderRoot.querySelector<HTMLElement>('.step-title')?.focus();
    else if (focus.kind === 'summary') void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('formosa-error-summary')?.focus());
    else if (focus.kind === 'receipt') void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('formosa-receipt')?.focus());
    else if (focus.kind === 'notice') {
      const notice = this.renderRoot.querySelector<HTMLElement>('.notice');
      notice?.scrollIntoView({ block: 'center' });
      notice?.focus({ preventScroll: true });
    }
    else void this.focusPath(focus.path);
  }

  /** Moves focus to the field (or entry) at `path`, scrolling its label into view, as the error summary links do. */
  private async focusPath(path: string): Promise<void> {
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ??
      this.renderRoot.querySelector<HTMLElement>(`[data-path^="${CSS.escape(path)}/"]`);
    if (!target) return;
    await (target as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }

  private send(event: WorkflowEvent): void {
    const arriving = this.arriving;
    if ((event.type === 'NEXT' || event.type === 'SUBMIT') && arriving && !arriving.arrived()) {
      // Never past a step unchecked: Continue and Send wait for the validator module (a moment, on a big form).
      void arriving.ready.then(() => this.arriving === arriving && this.send(event));
      return;
    }
    this.session?.send(event);
    // Continue or Send refused with errors on screen: back to the summary, as when it first appeared.
    const after = this.snapshot;
    if ((event.type === 'NEXT' || event.type === 'SUBMIT') && after && after.context.errors.length > 0) {
      this.pendingFocus = { kind: 'summary' };
      this.dispatchEvent(new FormosaValidationEvent(after.context.errors));
    }
  }

  /** The current step's errors, shown in place; the whole form's on the review (not shown); none elsewhere. */
  private async check(): Promise<readonly FieldError[]> {
    await this.arriving?.ready;
    const { engine, snapshot, view } = this;
    if (!engine || !snapshot) return [];
    if (view === REVIEW) return engine.validate(snapshot.context.form);
    if (!engine.definition.steps.some((s) => s.id === view)) return [];
    const errors = engine.validate(snapshot.context.form, { step: view! });
    // Continue is refused by this same check: it shows these errors and stays on the step. When it passes, errors
    // still on screen (a check across answers, say) are cleared by going to the step the citizen is on.
    if (errors.length) this.send({ type: 'NEXT' });
    else if (snapshot.context.errors.length) this.send({ type: 'GOTO', step: view! });
    return errors;
  }

  /** The host's answers merged into the current ones through MyData's seam (a list given replaces the list). */
  private prefillWith(values: Data): void {
    const pointers = (data: Data, base: string): [string, unknown][] =>
      Object.entries(data).flatMap(([key, value]) => {
        const path = `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? pointers(value as Data, path) : [[path, value]];
      });
    if (this.snapshot) this.send({ type: 'PREFILL', values: mergePrefill(this.snapshot.context.form.values, Object.fromEntries(pointers(values, ''))) });
  }

  private onInput(event: FormosaInputEvent): void {
    if (!event.name?.startsWith('/')) return;
    this.typing = event.name;
    try {
      this.send({ type: 'CHANGE', path: event.name, value: event.value });
    } finally {
      this.typing = undefined;
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    // Enter in a one-line answer continues, like a native form; never while an input method is composing (注音, 倉頡…).
    if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement) || ['checkbox', 'radio', 'button', 'submit'].includes(target.type)) return;
    event.preventDefault();
    this.submit();
  }

  private sendApplication(): void {
    if (this.view === SUBMITTING) return;
    const data = this.data;
    if (!data || !this.dispatchEvent(new FormosaBeforeSubmitEvent(data))) return;
    this.send({ type: 'SUBMIT' });
  }

  private navigate(event: FormosaNavigateEvent): void {
    this.send({ type: 'GOTO', step: event.step });
    if (event.path) this.pendingFocus = { kind: 'path', path: event.path };
  }

  private errorMessage(error: FieldError): LocalText {
    const engine = this.engine!;
    const t = this.t;
    const field = engine.model.field(error.path);
    if (field?.file) return t.error({ ...error, params: { ...error.params, ...fileParams(t, field.item) } }, t.text(field.item.label).text, field.item);
    if (field) {
      const check = error.code === 'check' ? field.item.checks?.[Number(error.params['index'])]?.message : undefined;
      return t.error(error, t.text(field.item.label).text, field.item, answerKind(widgetOf(engine.definition, field.item, field.schema)), check);
    }
    const repeat = engine.model.repeat(error.path);
    if (repeat) return t.error(error, t.text(repeat.item.title).text, undefined, 'list');
    return { text: t.message('error.general'), lang: t.locale };
  }

  override render() {
    const t = this.t;
    switch (this.status) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p role="status">${t.message('form.loading')}</p>`;
      case 'failed':
      case 'refused':
        return html`<p class="notice" role="alert">${t.message(this.status === 'failed' ? 'form.loadError' : 'form.refused')}</p>`;
      case 'invalid':
        return problemsView(t, this.problems);
    }
    const session = this.session!;
    if (session.tab === 'elsewhere') {
      return html`<div class="form" part="form" lang=${t.locale}>${elsewhereView(t, () => void this.takeOver())}</div>`;
    }
    const snapshot = this.snapshot!;
    const engine = this.engine!;
    const view = viewOf(snapshot);
    const { errors } = snapshot.context;
    const messages = new Map(errors.map((e) => [e.path, this.errorMessage(e)]));
    const summary: SummaryError[] = errors.map((e) => {
      const message = messages.get(e.path)!;
      return { path: e.path, id: fieldId(e.path), message: message.text, ...(t.fallbackLang(message) ? { lang: message.lang } : {}) };
    });
    const title = t.text(engine.definition.title);
    return html`<div
      class="form"
      part="form"
      lang=${t.locale}
      @formosa-input=${this.onInput}
      @keydown=${this.onKeydown}
      @formosa-navigate=${this.navigate}
      @formosa-error-select=${(e: FormosaErrorSelectEvent) => void this.focusPath(e.path)}
    >
      ${this.reopen?.view(t, view, session)}${view === SUBMITTED
        ? html`${receiptView(t, snapshot.context.receipt!)}
            ${correctionView(engine, t, session, this.correction, { send: () => void session.sendCorrection(), keep: () => void session.keepStored() })}`
        : html`${view === CONSENT ? nothing : stepperView(engine, snapshot.context, t, view)}
            ${draftNotices(t, { restored: this.restoredNotice, save: session.save, ...(this.deviceProblem ? { problem: this.deviceProblem } : {}) }, () => void this.discardDraft())}
            ${this.kit && view !== CONSENT ? myDataNotice(this.kit, t, session.mydata, this.kit.offer!.keepMinutes, this.myDataActions) : nothing}
            <formosa-error-summary heading=${t.message('errorSummary.title')} .errors=${summary}></formosa-error-summary>
            <span class="caption" lang=${t.fallbackLang(title) ?? nothing}>${title.text}</span>
            ${this.kit && view === REVIEW && session.submission?.state === 'refused' ? sealNotice(this.kit, t, session.submission.code, this.myDataActions) : nothing}
            ${view === REVIEW || view === SUBMITTING
              ? reviewView(
                  engine, snapshot.context, t, view,
                  { submit: () => this.sendApplication(), back: () => this.send({ type: 'BACK' }), edit: () => this.send({ type: 'EDIT' }) },
                  this.waiting(), this.reopen,
                )
              : view === CONSENT && this.kit
                ? this.renderConsent(t, messages, title.text)
                : this.renderStep(t, view, messages)}
            ${draftFooter(t, this.draft === 'off' ? 'off' : 'auto', session.keepsDraft, (keep) => void session.keepOnDevice(keep))}`}
    </div>`;
  }

  /** What the citizen can do about MyData, from any of its views. */
  private readonly myDataActions: MyDataActions = {
    go: () => void this.goToMyData(),
    byHand: () => this.session?.fillByHand(),
    retry: () => {
      this.session?.askMyDataAgain();
      this.pendingFocus = { kind: 'heading' };
    },
    sendAsOwn: () => {
      this.session?.dropMyData();
      this.sendApplication();
    },
  };

  /** To the platform, once the national ID is one it can take; the draft is saved first (nothing typed is lost). */
  private async goToMyData(): Promise<void> {
    const session = this.session!;
    const spec = this.engine!.definition.mydata!;
    const state = this.snapshot!.context.form;
    const step = this.engine!.stepOf(spec.subject);
    this.consentError = step === undefined ? undefined : this.engine!.validate(state, { step }).find((e) => e.path === spec.subject);
    if (!this.consentError && getAt(state.values, spec.subject) === undefined) this.consentError = { path: spec.subject, code: 'required', params: {} };
    if (this.consentError) {
      this.requestUpdate();
      await this.updateComplete;
      return this.focusPath(spec.subject);
    }
    try {
      location.assign(await session.beginMyData(location.href));
    } catch {
      this.requestUpdate();
    }
  }

  private renderConsent(t: Translator, messages: ReadonlyMap<string, LocalText>, title: string) {
    const engine = this.engine!;
    const spec = engine.definition.mydata!;
    const subject = engine.model.field(spec.subject)?.item;
    const errors = this.consentError ? new Map([...messages, [spec.subject, this.errorMessage(this.consentError)]]) : messages;
    return consentView(this.kit!, t, spec, title, subject ? renderItems([subject], this.renderContext(t, errors)) : nothing, this.session!.mydata, this.myDataActions);
  }

  private renderContext(t: Translator, messages: ReadonlyMap<string, LocalText>): RenderContext {
    const engine = this.engine!;
    let views = this.views.get(t.locale);
    if (!views) this.views.set(t.locale, (views = new WeakMap()));
    const cache = views;
    const context: RenderContext = {
      engine, state: this.snapshot!.context.form, t, errors: messages,
      texts: fieldTexts(t),
      view: (field) => {
        let view = cache.get(field);
        if (!view) cache.set(field, (view = fieldView(engine, t, field, engine.model.fieldOf(field).schema)));
        return view;
      },
      onAdd: (path) => {
        const count = this.countAt(path);
        this.send({ type: 'ADD_ITEM', path });
        this.pendingFocus = { kind: 'path', path: `${path}/${count}` };
      },
      upload: (path) => this.uploadTo!(path),
      removeUpload: this.removeUpload!,
      onRemove: (path, index) => {
        this.send({ type: 'REMOVE_ITEM', path, index });
        this.pendingFocus = { kind: 'path', path: index > 0 ? `${path}/${index - 1}` : path };
      },
      origin: this.reopen?.origin(t, engine) ?? (this.kit && this.originsIn(t, this.kit.speaker(t))),
    };
    return context;
  }

  /** A value MyData handed out: where from (shown under its label), and, when locked, why it cannot change. */
  private originsIn(t: Translator, { say, agency: agencyOf }: MyDataSpeaker) {
    return (path: string): { locked: boolean; provenance: string; reason?: string } | undefined => {
      const origin = this.session!.provenanceOf(path);
      if (!origin) return undefined;
      // The national ID: the platform verified the person (no dataset, no agency).
      const identity = !origin.resource.startsWith('API.');
      const time = t.time(Date.parse(origin.retrievedAt));
      const agency = identity ? 'MyData' : agencyOf(origin.resource);
      const provenance = identity ? `MyData · ${time}` : say('provenance', { agency, time });
      if (!origin.locked) return { locked: false, provenance };
      return { locked: true, provenance, reason: identity ? say('verifiedAnswer') : say('lockReason', { agency }) };
    };
  }

  private renderStep(t: Translator, view: string, messages: ReadonlyMap<string, LocalText>) {
    const engine = this.engine!;
    const step = engine.definition.steps.find((s) => s.id === view);
    if (!step) return nothing;
    const context = this.renderContext(t, messages);
    const heading = t.text(step.title);
    const first = engine.shownSteps(this.snapshot!.context.form)[0]?.id === step.id;
    return html`<h2 class="step-title" tabindex="-1" lang=${t.fallbackLang(heading) ?? nothing}>${heading.text}</h2>
      ${step.description ? localParagraph(t, 'description', step.description) : nothing}
      ${renderItems(step.items, context)}
      <div class="nav">
        <button type="button" class="primary" @click=${() => this.send({ type: 'NEXT' })}>${t.message('nav.continue')}</button>
        ${first ? nothing : html`<button type="button" class="secondary" @click=${() => this.send({ type: 'BACK' })}>${t.message('nav.back')}</button>`}
      </div>`;
  }

  /** The citizen continues here: the other tab saves and lets go, this one picks up from its last keystroke. */
  private async takeOver(): Promise<void> {
    await this.session?.takeOver();
    this.pendingFocus = { kind: 'heading' };
    this.requestUpdate();
  }

  private countAt(path: string): number {
    const entries = getAt(this.snapshot!.context.form.values, path);
    return Array.isArray(entries) ? entries.length : 0;
  }

}
