/**
 * An application as the citizen knows it: found by any of its receipts with that receipt's secret, resolved to its
 * first submission (whose history it has) and its latest version (what a resubmission corrects and starts from).
 */
import { randomUUID } from 'node:crypto';
import type { Store, SubmissionSummary } from '../store/index.js';
import { HttpError } from '../http.js';
import { checkReceiptSecret } from './secret.js';

/** How many versions an application is followed through (a resubmission is rare; this bounds a crafted chain). */
const MAX_VERSIONS = 100;
/** Receipt numbers are `RS-20261122-7K3Q9X`; anything longer or stranger is not one. */
const RECEIPT = /^[A-Za-z0-9-]{1,40}$/;

export interface Application {
  /** The first submission: its receipt and id name the application; the status history is kept under it. */
  readonly first: SubmissionSummary;
  /** The newest version (the first itself until the citizen resubmits). */
  readonly latest: SubmissionSummary;
}

/** Unknown receipt and wrong secret answer alike: the answer tells a guesser nothing. */
export const notFound = () => new HttpError(404, { error: 'not_found', message: 'No application has this receipt number and status code' });

/**
 * The application `receipt` belongs to, if `secret` is that receipt's. The secret is computed whether or not the
 * receipt exists, so an unknown receipt takes as long as a wrong secret.
 */
export async function findApplication(store: Store, key: Uint8Array, receipt: string, secret: string): Promise<Application> {
  const found = RECEIPT.test(receipt) ? await store.status.byReceipt(receipt.toUpperCase()) : undefined;
  const matches = checkReceiptSecret(key, found?.id ?? randomUUID(), secret);
  if (!found || !matches) throw notFound();
  const first = await firstVersion(store, found);
  return { first, latest: await latestVersion(store, first) };
}

/** The first submission of the application `version` belongs to (itself unless it corrects another). */
export async function firstVersion(store: Store, version: SubmissionSummary): Promise<SubmissionSummary> {
  let first = version;
  for (let i = 0; first.corrects && i < MAX_VERSIONS; i++) {
    const before = await store.summary(first.formId, { id: first.corrects });
    if (!before) break;
    first = before;
  }
  return first;
}

/** The newest version of the application `first` begins: each resubmission corrects the version before it. */
export async function latestVersion(store: Store, first: SubmissionSummary): Promise<SubmissionSummary> {
  let latest = first;
  for (let i = 0; i < MAX_VERSIONS; i++) {
    const next = (await store.correctionsOf(first.formId, latest.id)).at(-1);
    const summary = next && (await store.summary(first.formId, { id: next }));
    if (!summary) break;
    latest = summary;
  }
  return latest;
}
