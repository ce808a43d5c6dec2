import type { Meta } from '@storybook/web-components-vite';
import { examples } from './form.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Form', component: 'formosa-form' };
export default meta;

export const Showcase = story(examples, 'Showcase');
export const ShowcaseInEnglish = story(examples, 'Showcase in English');
export const BrokenDefinition = story(examples, 'Broken definition');
