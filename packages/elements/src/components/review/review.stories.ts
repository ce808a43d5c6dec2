import type { Meta } from '@storybook/web-components-vite';
import { examples } from './review.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Pages/Review', component: 'formosa-review' };
export default meta;

export const TwoSteps = story(examples, 'Two steps');
