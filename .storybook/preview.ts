import type { Preview } from '@storybook/web-components-vite';
import '../packages/elements/src/define.js';

const preview: Preview = {
  parameters: { layout: 'padded', controls: { disable: true } },
};
export default preview;
