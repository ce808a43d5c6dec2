/** What the back office's routes need from the server that runs them (app.ts passes its status context, a superset). */
import type { ServedForm } from '../forms.js';
import type { StatusFlow } from '../status/flow.js';
import type { Store } from '../store/index.js';

export interface BackofficeContext {
  readonly store: Store;
  readonly forms: ReadonlyMap<string, ServedForm>;
  readonly flowOf: (formId: string) => StatusFlow;
  /** The key receipt secrets derive from (status/secret.ts): a citizen reads their own record with their secret. */
  readonly receiptKey: Uint8Array;
}
