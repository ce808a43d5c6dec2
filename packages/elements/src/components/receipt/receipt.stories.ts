import type { Meta } from '@storybook/web-components-vite';
import { examples } from './receipt.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Pages/Receipt', component: 'formosa-receipt' };
export default meta;

export const Sent = story(examples, 'Sent');
