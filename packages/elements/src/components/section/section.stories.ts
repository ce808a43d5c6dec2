import type { Meta } from '@storybook/web-components-vite';
import { examples } from './section.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Layout/Section', component: 'formosa-section' };
export default meta;

export const Address = story(examples, 'Address');
