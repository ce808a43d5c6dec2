/** An application's versions: its first submission and every correction or resubmission after it, oldest first. */
import type { Store, SubmissionSummary } from '../store/index.js';
import { firstVersion } from '../status/application.js';

/** How many versions are followed (a resubmission is rare; this bounds a crafted chain). */
const MAX_VERSIONS = 100;

/**
 * The versions of the application `id` belongs to (any of its versions' ids), oldest first; none for an unknown id.
 * @example
 * const [first, ...later] = await versionsOf(store, 'rent-subsidy', id);
 */
export async function versionsOf(store: Store, formId: string, id: string): Promise<SubmissionSummary[]> {
  const found = await store.summary(formId, { id });
  if (!found) return [];
  const first = await firstVersion(store, found);
  const versions = [first];
  for (let i = 0; i < versions.length && versions.length < MAX_VERSIONS; i++) {
    for (const next of await store.correctionsOf(formId, versions[i]!.id)) {
      const summary = await store.summary(formId, { id: next });
      if (summary && !versions.some((v) => v.id === next)) versions.push(summary);
    }
  }
  return versions.slice(0, MAX_VERSIONS).sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
}
