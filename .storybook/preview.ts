import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Written by `npm run prepare` (which `npm run storybook` and `build-storybook` run first) from the elements' JSDoc.
import manifest from '../packages/elements/custom-elements.json' with { type: 'json' };
import '../packages/elements/src/define.js';

// Each story's `component: 'formosa-…'` gets its attributes, properties, events, slots, parts and CSS custom
// properties from the manifest: the argTypes of its docs page.
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: { layout: 'padded', controls: { disable: true } },
  // A docs page for every component (shown once @storybook/addon-docs is added to main.ts's addons).
  tags: ['autodocs'],
};
export default preview;
