/**
 * An application the agency reopened ("more information requested"): the journey starts from the answers the agency
 * holds, only the reopened steps' answers may change, and the resubmission names the application it updates.
 * The session consults it; a browser fetches it (with the previous answers) only on such a journey.
 */
import type { FormDefinition } from '@formosa/schema';
import type { Data, FormEngine } from '@formosa/engine';
import type { Reopens } from '@formosa/transport';
import { REVIEW, type WorkflowEvent, type WorkflowOptions } from '@formosa/workflow';

export interface ReopenedJourney {
  /** Where the journey starts when no draft of it is kept: the previous answers, every step reached, on the review. */
  readonly start: WorkflowOptions & { readonly values: Data };
  /** What the outbox entry carries: the application it updates (sent as `Formosa-Reopens` and `Formosa-Receipt-Secret`). */
  readonly entry: { readonly reopens: Reopens };
  /** The steps the citizen may change. */
  readonly steps: readonly string[];
  /** Whether `event` would change an answer outside the reopened steps (the session drops it). */
  refuses(event: WorkflowEvent, engine: FormEngine): boolean;
}

/**
 * @example
 * const reopened = reopenedJourney(definition, { receipt: 'RS-20261122-7K3Q9X', secret: '7K3Q9-XB2MD' }, ['rental'], previous.data);
 * createFormSession({ definition, endpoint, attachments, draftKey: `rent-subsidy:${receipt}`, reopened }, ports);
 */
export function reopenedJourney(definition: FormDefinition, reopens: Reopens, steps: readonly string[], values: Data): ReopenedJourney {
  const open = new Set(steps);
  return {
    start: { values, resume: { view: REVIEW, visited: definition.steps.map((s) => s.id) } },
    entry: { reopens: { receipt: reopens.receipt, secret: reopens.secret } },
    steps,
    refuses(event, engine) {
      // A host's prefill could replace any answer: none on a reopened application.
      if (event.type === 'PREFILL') return true;
      if (event.type !== 'CHANGE' && event.type !== 'ADD_ITEM' && event.type !== 'REMOVE_ITEM') return false;
      const step = engine.stepOf(event.path);
      return step === undefined || !open.has(step);
    },
  };
}
