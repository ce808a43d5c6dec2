/**
 * custom-elements.json of @formosa/elements, from the components' JSDoc (`@summary @attr @event @slot @csspart
 * @cssprop`) and their Lit `static properties`. Run from packages/elements (the build does, see scripts/build.ts):
 *   cd packages/elements && npx cem analyze --config ../../custom-elements-manifest.config.mjs
 * Checked against the real elements by packages/elements/src/internal/manifest.test.ts.
 */
import { eventsByClass, sharedStyleProperties, tagNamesFromRegistry, withoutStateProperties } from './packages/elements/scripts/manifest-plugins.js';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.test-helper.ts', 'src/**/*.stories.ts', 'src/**/*.examples.ts', 'src/internal/all-examples.ts', 'src/internal/example.ts', 'src/internal/story.ts'],
  litelement: true,
  // package.json already names the manifest; the analyzer would otherwise write its own path there.
  packagejson: false,
  plugins: [tagNamesFromRegistry(), withoutStateProperties(), eventsByClass(), sharedStyleProperties()],
};
