/**
 * The citizen's journey as a statechart built from a definition: one state per step, then review,
 * submitting and submitted. Guards and actions are registered by name; the machine config is plain data.
 */
import { assign, fromPromise, setup, type ActorLogic, type AnyEventObject } from 'xstate';
import { FormosaError } from '@formosa/schema';
import { SubmissionError, type Data, type FieldError, type FormEngine, type FormState, type Receipt } from '@formosa/engine';

/** Everything the journey remembers; plain data, so `getPersistedSnapshot()` can be saved and restored. */
export interface WorkflowContext {
  readonly form: FormState;
  /** Errors currently shown to the citizen (after Continue or Submit failed). */
  readonly errors: readonly FieldError[];
  /** Steps the citizen has reached, which they may go back to directly. */
  readonly visited: readonly string[];
  /** Set when a step was opened from the review's "Change" link: Continue returns to the review. */
  readonly returnToReview: boolean;
  /** Sent with the submission so that retries never create a second record. */
  readonly idempotencyKey: string;
  readonly receipt?: Receipt;
  /** Why the last submission failed, when it did. */
  readonly submitError?: { readonly kind: SubmissionError['kind']; readonly message: string; readonly status?: number };
  /** Where a resumed journey continues (a draft's step, or `submitting` / `submitted`); cleared once there. */
  readonly resumeAt?: string;
}

/** What the host sends to the journey. */
export type WorkflowEvent =
  | { type: 'CHANGE'; path: string; value: unknown }
  | { type: 'ADD_ITEM'; path: string }
  | { type: 'REMOVE_ITEM'; path: string; index: number }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'GOTO'; step: string }
  | { type: 'SUBMIT' }
  /** While a submission waits in the outbox: back to the review to change answers (it stays queued). */
  | { type: 'EDIT' }
  /** Answers that arrived from elsewhere (MyData): they replace the answers, which the host merged them into. */
  | { type: 'PREFILL'; values: Data }
  /** Back to the consent step (asking MyData again); from the consent step, NEXT fills in by hand. */
  | { type: 'CONSENT' };

/** The input of the `submit` actor the host provides. */
export interface SubmitInput {
  readonly data: Data;
  readonly idempotencyKey: string;
}

/**
 * Where one application starts: given as a default to `createWorkflow`, or per actor as its input
 * (`createActor(machine, { input })`), which wins. Each actor makes its own key when none is given.
 */
export interface WorkflowOptions {
  /** Saved answers to start from (a draft, or prefilled values). */
  readonly values?: Data;
  /** Defaults to a random UUID per actor; pass the draft's own key to keep retries idempotent across reloads. */
  readonly idempotencyKey?: string;
  /**
   * Where a saved journey continues: a step the citizen had reached (with the steps they had visited), the
   * review, `submitting` (a submission still waits in the outbox) or `submitted` with its receipt.
   */
  readonly resume?: { readonly view: string; readonly visited?: readonly string[]; readonly receipt?: Receipt };
  /**
   * Offer the consent step before the first step (for a definition with `mydata`, where the agency's server has a
   * MyData connector). Read when the machine is made, not per actor.
   */
  readonly consent?: boolean;
}

/** The state name of the review step and of the two submission states. */
export const REVIEW = 'review';
/** The state of a form that offers MyData prefill before its first step (see the definition's `mydata`). */
export const CONSENT = 'consent';
export const SUBMITTING = 'submitting';
export const SUBMITTED = 'submitted';

type Ctx = { context: WorkflowContext; event: AnyEventObject };

/**
 * Builds the journey for a definition. Provide the `submit` actor (see `@formosa/transport`) with
 * `machine.provide({ actors: { submit } })`; until then, submitting fails loudly.
 * @example
 * const machine = createWorkflow(engine).provide({ actors: { submit: fromPromise(({ input }) => post(input)) } });
 * const actor = createActor(machine).start();
 * actor.send({ type: 'CHANGE', path: '/applicant/name', value: '林小美' });
 * actor.send({ type: 'NEXT' });
 */
export function createWorkflow(engine: FormEngine, options: WorkflowOptions = {}) {
  const steps = engine.definition.steps.map((s) => s.id);
  const consent = engine.definition.mydata !== undefined && options.consent === true;
  const shown = (context: WorkflowContext, step: string) => engine.shownSteps(context.form).some((s) => s.id === step);
  const stepErrors = (context: WorkflowContext, step: string) => engine.validate(context.form, { step });
  const visit = (context: WorkflowContext, step: string) => (context.visited.includes(step) ? context.visited : [...context.visited, step]);

  /** While errors are on screen, the answer just changed is checked again so a fixed error disappears at once. */
  const refreshErrors = (context: WorkflowContext, form: FormState, path: string): readonly FieldError[] => {
    if (context.errors.length === 0) return context.errors;
    const step = engine.stepOf(path);
    const fresh = step === undefined ? [] : engine.validate(form, { step });
    return context.errors.flatMap((e) => (e.path === path || e.path.startsWith(path + '/') ? fresh.filter((f) => f.path === e.path) : [e]));
  };

  const machineSetup = setup({
    types: {} as { context: WorkflowContext; events: WorkflowEvent },
    actors: {
      submit: fromPromise<Receipt, SubmitInput>(async () => {
        throw new FormosaError('no_submit_actor', 'No submit actor was provided: use machine.provide({ actors: { submit } })');
      }),
    },
    guards: {
      stepHasErrors: ({ context }: Ctx, params: { step: string }) => stepErrors(context, params.step).length > 0,
      formHasErrors: ({ context }: Ctx) => engine.validate(context.form).length > 0,
      stepShown: ({ context }: Ctx, params: { step: string }) => shown(context, params.step),
      returningToReview: ({ context }: Ctx) => context.returnToReview,
      canGoTo: ({ context, event }: Ctx, params: { step: string }) =>
        event['step'] === params.step && shown(context, params.step) && context.visited.includes(params.step),
      hasSubmitError: ({ context }: Ctx) => context.submitError !== undefined && context.errors.length === 0,
      firstErrorIn: ({ context }: Ctx, params: { step: string }) => context.errors.length > 0 && engine.stepOf(context.errors[0]!.path) === params.step,
      fresh: ({ context }: Ctx) => context.resumeAt === undefined && context.visited.length === 0 && context.errors.length === 0,
      resumingAt: ({ context }: Ctx, params: { view: string }) =>
        context.resumeAt === params.view && (params.view !== SUBMITTED || context.receipt !== undefined) && (!steps.includes(params.view) || shown(context, params.view)),
    },
    actions: {
      change: assign(({ context, event }: Ctx) => {
        const form = engine.change(context.form, event['path'] as string, event['value']);
        return { form, errors: refreshErrors(context, form, event['path'] as string) };
      }),
      // Errors on screen stay only where the new answers still fail.
      prefill: assign(({ context, event }: Ctx) => {
        const form = engine.init(event['values'] as Data);
        const still = context.errors.length ? engine.validate(form) : [];
        return { form, errors: context.errors.filter((e) => still.some((f) => f.path === e.path && f.code === e.code)) };
      }),
      addItem: assign(({ context, event }: Ctx) => ({ form: engine.addItem(context.form, event['path'] as string) })),
      removeItem: assign(({ context, event }: Ctx) => {
        const form = engine.removeItem(context.form, event['path'] as string, event['index'] as number);
        return { form, errors: context.errors.filter((e) => !e.path.startsWith(`${event['path'] as string}/`)) };
      }),
      showStepErrors: assign(({ context }: Ctx, params: { step: string }) => ({ errors: stepErrors(context, params.step) })),
      showFormErrors: assign(({ context }: Ctx) => ({ errors: engine.validate(context.form) })),
      clearErrors: assign({ errors: [] as readonly FieldError[], submitError: undefined }),
      resumed: assign({ resumeAt: undefined }),
      enterStep: assign(({ context }: Ctx, params: { step: string }) => ({ visited: visit(context, params.step) })),
      startReturnToReview: assign({ returnToReview: true }),
      endReturnToReview: assign({ returnToReview: false }),
      storeReceipt: assign(({ event }: Ctx) => ({ receipt: event['output'] as Receipt, errors: [] as readonly FieldError[], submitError: undefined })),
      storeSubmitError: assign(({ event }: Ctx) => {
        const error = event['error'];
        if (error instanceof SubmissionError) return { submitError: { kind: error.kind, message: error.message, ...(error.status ? { status: error.status } : {}) }, errors: error.fieldErrors };
        return { submitError: { kind: 'network' as const, message: error instanceof Error ? error.message : String(error) }, errors: [] as readonly FieldError[] };
      }),
    },
  });

  /** Transitions to the first shown step in `candidates`, else to `fallback`. */
  const firstShown = (candidates: readonly string[], fallback: string | undefined, actions: unknown[] = []) => [
    ...candidates.map((step) => ({ guard: { type: 'stepShown', params: { step } }, target: step, actions: [...actions, { type: 'enterStep', params: { step } }] })),
    ...(fallback ? [{ target: fallback, actions }] : []),
  ];

  const stepStates = Object.fromEntries(
    steps.map((step, i) => [
      step,
      {
        tags: ['step'],
        on: {
          NEXT: [
            { guard: { type: 'stepHasErrors', params: { step } }, actions: { type: 'showStepErrors', params: { step } } },
            { guard: 'returningToReview', target: REVIEW, actions: ['clearErrors', 'endReturnToReview'] },
            ...firstShown(steps.slice(i + 1), REVIEW, ['clearErrors']),
          ],
          BACK: firstShown([...steps.slice(0, i)].reverse(), undefined, ['clearErrors', 'endReturnToReview']),
        },
      },
    ]),
  );

  const config = {
    id: 'formosa',
    // Made for each actor from its input, so two applications of one machine never share a key or answers.
    // (Not declared in `types`: xstate would then require an input of every actor.)
    context: ({ input }: { input: unknown }): WorkflowContext => {
      const given = (input as WorkflowOptions | undefined) ?? {};
      const resume = given.resume ?? options.resume;
      return {
        form: engine.init(given.values ?? options.values ?? {}),
        errors: [],
        visited: resume?.visited?.filter((s) => steps.includes(s)) ?? [],
        returnToReview: false,
        idempotencyKey: given.idempotencyKey ?? options.idempotencyKey ?? globalThis.crypto.randomUUID(),
        ...(resume ? { resumeAt: resume.view } : {}),
        ...(resume?.receipt ? { receipt: resume.receipt } : {}),
      };
    },
    initial: 'editing',
    states: {
      editing: {
        initial: 'start',
        on: {
          CHANGE: { actions: 'change' },
          ADD_ITEM: { actions: 'addItem' },
          REMOVE_ITEM: { actions: 'removeItem' },
          PREFILL: { actions: 'prefill' },
          ...(consent ? { CONSENT: { target: `.${CONSENT}`, actions: ['clearErrors', 'endReturnToReview'] } } : {}),
          GOTO: steps.map((step) => ({
            guard: { type: 'canGoTo', params: { step } },
            target: `.${step}`,
            actions: ['clearErrors', { type: 'enterStep', params: { step } }],
          })),
        },
        states: {
          // Where a journey begins, and where a rejected submission is routed to the step of its first error.
          start: { always: [
            // A saved journey: the receipt, the outbox's wait, the review or the step it was on (if still shown).
            { guard: { type: 'resumingAt', params: { view: SUBMITTED } }, target: `#formosa.${SUBMITTED}`, actions: 'resumed' },
            { guard: { type: 'resumingAt', params: { view: SUBMITTING } }, target: `#formosa.${SUBMITTING}`, actions: 'resumed' },
            { guard: { type: 'resumingAt', params: { view: REVIEW } }, target: REVIEW, actions: 'resumed' },
            ...(consent ? [{ guard: { type: 'resumingAt', params: { view: CONSENT } }, target: CONSENT, actions: 'resumed' }] : []),
            ...steps.map((step) => ({ guard: { type: 'resumingAt', params: { view: step } }, target: step, actions: ['resumed', { type: 'enterStep', params: { step } }] })),
            { guard: 'hasSubmitError', target: REVIEW, actions: 'resumed' }, ...steps.map((step) => ({ guard: { type: 'firstErrorIn', params: { step } }, target: step, actions: ['startReturnToReview', { type: 'enterStep', params: { step } }] })), ...(consent ? [{ guard: 'fresh', target: CONSENT }] : []), ...firstShown(steps, REVIEW, ['resumed'])] },
          // Offered before the first step when the form reads MyData: go to the platform, or fill in by hand (NEXT).
          ...(consent ? { [CONSENT]: { tags: ['consent'], on: { NEXT: firstShown(steps, REVIEW, ['clearErrors']) } } } : {}),
          ...stepStates,
          [REVIEW]: {
            tags: ['review'],
            on: {
              SUBMIT: [{ guard: 'formHasErrors', target: 'start', actions: 'showFormErrors' }, { target: `#formosa.${SUBMITTING}` }],
              BACK: firstShown([...steps].reverse(), undefined, ['clearErrors']),
              GOTO: steps.map((step) => ({
                guard: { type: 'canGoTo', params: { step } },
                target: step,
                actions: ['clearErrors', 'startReturnToReview', { type: 'enterStep', params: { step } }],
              })),
            },
          },
        },
      },
      [SUBMITTING]: {
        tags: ['busy'],
        entry: 'clearErrors',
        on: { EDIT: { target: `editing.${REVIEW}` } },
        invoke: {
          src: 'submit',
          input: ({ context }: { context: WorkflowContext }): SubmitInput => ({ data: engine.data(context.form), idempotencyKey: context.idempotencyKey }),
          onDone: { target: SUBMITTED, actions: 'storeReceipt' },
          onError: { target: 'editing.start', actions: 'storeSubmitError' },
        },
      },
      [SUBMITTED]: { type: 'final', tags: ['done'] },
    },
  };
  // The config is built from the definition at run time, so its shape is checked by the tests, not the compiler.
  return machineSetup.createMachine(config as unknown as Parameters<typeof machineSetup.createMachine>[0]);
}

/** The machine type returned by {@link createWorkflow}. */
export type WorkflowMachine = ReturnType<typeof createWorkflow>;

/** Re-exported so hosts can build the `submit` actor without importing xstate themselves. */
export { fromPromise };
export type { ActorLogic };
