/** Entry of the drop-in bundle (dist/formosa.min.js): registers the elements and exposes the API on `window.Formosa`. */
// First: the requests for the page's definitions leave before the rest of the bundle runs.
import './early.js';
import './define.js';
export * from './index.js';
export { formatProblem } from '@formosa/schema';
import type { LoadOptions, LoadResult } from '@formosa/schema';

/** The definition gate (`loadDefinition` of `@formosa/schema`), fetched on demand from beside the bundle. */
export async function loadDefinition(input: unknown, options?: LoadOptions): Promise<LoadResult> {
  return (await import('@formosa/schema/gate')).loadDefinition(input, options);
}
