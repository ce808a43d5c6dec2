import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../packages/elements/src/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The docs pages: each element's attributes, properties, events, parts and CSS properties from custom-elements.json.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // Workspace packages resolve to their TypeScript sources, as in the tests and the rollup build.
  viteFinal: async (config) => ({ ...config, resolve: { ...config.resolve, conditions: ['formosa-source', ...defaultClientConditions] } }),
};
export default config;
