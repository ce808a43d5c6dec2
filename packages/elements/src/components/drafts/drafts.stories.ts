import type { Meta } from '@storybook/web-components-vite';
import { examples } from './drafts.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Pages/Drafts', component: 'formosa-drafts' };
export default meta;

export const OnThisDevice = story(examples, 'On this device');
