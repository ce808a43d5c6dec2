/** Typed events of the SDK: one class per event, registered in HTMLElementEventMap. */
import type { FieldError, Receipt } from '@formosa/engine';
import type { Problem } from '@formosa/schema';

/** A field's value changed by the citizen's typing (every keystroke). Bubbles and crosses shadow roots. */
export class FormosaInputEvent extends Event {
  static readonly type = 'formosa-input';
  constructor(
    readonly name: string,
    readonly value: unknown,
  ) {
    super(FormosaInputEvent.type, { bubbles: true, composed: true });
  }
}

/** A field's value was committed by the citizen (blur, choice made). Never fired for programmatic updates. */
export class FormosaChangeEvent extends Event {
  static readonly type = 'formosa-change';
  constructor(
    readonly name: string,
    readonly value: unknown,
  ) {
    super(FormosaChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The form moved to another step (or to the review, or the receipt). */
export class FormosaStepChangeEvent extends Event {
  static readonly type = 'formosa-step-change';
  constructor(
    readonly from: string | undefined,
    readonly to: string,
  ) {
    super(FormosaStepChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** About to send the application. Cancel it (`preventDefault()`) to stop the submission. */
export class FormosaBeforeSubmitEvent extends Event {
  static readonly type = 'formosa-before-submit';
  constructor(readonly data: Readonly<Record<string, unknown>>) {
    super(FormosaBeforeSubmitEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The agency's endpoint stored the application and issued a receipt. */
export class FormosaSubmitEvent extends Event {
  static readonly type = 'formosa-submit';
  constructor(
    readonly receipt: Receipt,
    readonly data: Readonly<Record<string, unknown>>,
  ) {
    super(FormosaSubmitEvent.type, { bubbles: true, composed: true });
  }
}

/** Something went wrong: the definition has problems, could not be loaded, a submission failed, or answers cannot be kept on this device. */
export class FormosaErrorEvent extends Event {
  static readonly type = 'formosa-error';
  constructor(
    readonly kind: 'definition' | 'load' | 'submission' | 'validation' | 'storage',
    readonly detail: {
      readonly problems?: readonly Problem[]; readonly errors?: readonly FieldError[]; readonly message?: string;
      /** Why a load failed: `refused` (the page's origin is not allowed, or a 4xx), `offline`, `not_found`, `server`. */
      readonly reason?: 'refused' | 'offline' | 'not_found' | 'server';
    },
  ) {
    super(FormosaErrorEvent.type, { bubbles: true, composed: true });
  }
}

/** A link of the error summary was chosen: the field at `path` should take focus. */
export class FormosaErrorSelectEvent extends Event {
  static readonly type = 'formosa-error-select';
  constructor(readonly path: string) {
    super(FormosaErrorSelectEvent.type, { bubbles: true, composed: true });
  }
}

/** The citizen chose "Change" for an answer on the review (or a step of the stepper). */
export class FormosaNavigateEvent extends Event {
  static readonly type = 'formosa-navigate';
  constructor(
    readonly step: string,
    readonly path?: string,
  ) {
    super(FormosaNavigateEvent.type, { bubbles: true, composed: true });
  }
}

/** The citizen chose a language in a language switcher. Cancel it to handle the change yourself. */
export class FormosaLocaleChangeEvent extends Event {
  static readonly type = 'formosa-locale-change';
  constructor(readonly locale: string) {
    super(FormosaLocaleChangeEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The draft was saved on this device (at most every few hundred ms while the citizen types). */
export class FormosaDraftSavedEvent extends Event {
  static readonly type = 'formosa-draft-saved';
  constructor(readonly savedAt: number) {
    super(FormosaDraftSavedEvent.type, { bubbles: true, composed: true });
  }
}

/** A saved draft was restored; `dropped` names the answers a new version of the form could not take. */
export class FormosaDraftRestoredEvent extends Event {
  static readonly type = 'formosa-draft-restored';
  constructor(
    readonly savedAt: number,
    readonly dropped: readonly { readonly path: string; readonly label?: Readonly<Record<string, string>> }[],
  ) {
    super(FormosaDraftRestoredEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * The application's place in the outbox changed: `queued` (waiting to be sent: offline, or retrying), `sent`
 * (with the receipt), `rejected` (field errors), `refused` (e.g. 413, 415). Never carries the answers.
 */
export class FormosaOutboxEvent extends Event {
  static readonly type = 'formosa-outbox';
  constructor(
    readonly state: 'queued' | 'sent' | 'rejected' | 'refused',
    readonly detail: { readonly attempts: number; readonly receipt?: Receipt; readonly status?: number; readonly correction: boolean },
  ) {
    super(FormosaOutboxEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Where MyData prefill stands: `offered` (the consent step), `going` (to the platform), `waiting` (for the pull),
 * `ready` (with how many answers it filled in), `failed` (with the platform's or the connector's reason) or `expired`.
 * Never carries a value.
 */
export class FormosaMyDataEvent extends Event {
  static readonly type = 'formosa-mydata';
  constructor(
    readonly state: 'offered' | 'going' | 'waiting' | 'ready' | 'failed' | 'expired',
    readonly detail: { readonly count?: number; readonly kind?: string; readonly code?: number },
  ) {
    super(FormosaMyDataEvent.type, { bubbles: true, composed: true });
  }
}

/** The definition loaded and the first view (a step, the review or the receipt) is on screen. */
export class FormosaLoadEvent extends Event {
  static readonly type = 'formosa-load';
  constructor(
    readonly formId: string,
    readonly version: string,
  ) {
    super(FormosaLoadEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Errors were shown to the citizen (Continue or Send refused, `validate()`, or answers the agency rejected): where and
 * which check, never a value, so a host may count them (analytics) without reading the answers.
 */
export class FormosaValidationEvent extends Event {
  static readonly type = 'formosa-validation';
  readonly errors: readonly { readonly path: string; readonly code: string }[];
  constructor(errors: readonly FieldError[]) {
    super(FormosaValidationEvent.type, { bubbles: true, composed: true });
    this.errors = errors.map(({ path, code }) => ({ path, code }));
  }
}

/** A draft was deleted from this device by the citizen. */
export class FormosaDraftDiscardedEvent extends Event {
  static readonly type = 'formosa-draft-discarded';
  constructor(
    readonly key: string,
    readonly formId: string,
  ) {
    super(FormosaDraftDiscardedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * One step of a citizen's journey, for counting where citizens go, stay, stumble and stop. Never an answer, a national
 * ID or a draft key: a step id, check codes and times only, under a random id made per load of the form.
 */
export interface AnalyticsRecord {
  readonly kind: 'step-reached' | 'step-left' | 'error-shown' | 'abandoned' | 'submitted';
  readonly formId: string;
  readonly formVersion: string;
  /** A step id, or `consent`, `review` or `receipt`. */
  readonly step: string;
  /** Random, per load of the form (never derived from a draft key, an answer or anything stored). */
  readonly journey: string;
  /** Epoch ms, rounded down to the second. */
  readonly at: number;
  /** `error-shown` only: where and which check (the first 100), never a value. */
  readonly errors?: readonly { readonly path: string; readonly code: string }[];
  /** `step-left` only: the time spent on the step, in ms. */
  readonly ms?: number;
}

/** A record of the citizen's journey (see AnalyticsRecord); `analytics="<url>"` also sends them there in batches. */
export class FormosaAnalyticsEvent extends Event {
  static readonly type = 'formosa-analytics';
  constructor(readonly record: AnalyticsRecord) {
    super(FormosaAnalyticsEvent.type, { bubbles: true, composed: true });
  }
}

/** `<formosa-status>` shows an application's status (its current status, and whether it is final). */
export class FormosaStatusShownEvent extends Event {
  static readonly type = 'formosa-status-shown';
  constructor(
    readonly status: string,
    readonly final: boolean,
  ) {
    super(FormosaStatusShownEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'formosa-status-shown': FormosaStatusShownEvent;
    'formosa-input': FormosaInputEvent;
    'formosa-mydata': FormosaMyDataEvent;
    'formosa-change': FormosaChangeEvent;
    'formosa-step-change': FormosaStepChangeEvent;
    'formosa-before-submit': FormosaBeforeSubmitEvent;
    'formosa-submit': FormosaSubmitEvent;
    'formosa-error': FormosaErrorEvent;
    'formosa-error-select': FormosaErrorSelectEvent;
    'formosa-navigate': FormosaNavigateEvent;
    'formosa-locale-change': FormosaLocaleChangeEvent;
    'formosa-draft-saved': FormosaDraftSavedEvent;
    'formosa-draft-restored': FormosaDraftRestoredEvent;
    'formosa-outbox': FormosaOutboxEvent;
    'formosa-draft-discarded': FormosaDraftDiscardedEvent;
    'formosa-load': FormosaLoadEvent;
    'formosa-validation': FormosaValidationEvent;
    'formosa-analytics': FormosaAnalyticsEvent;
  }
}
