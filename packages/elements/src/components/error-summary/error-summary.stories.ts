import type { Meta } from '@storybook/web-components-vite';
import { examples } from './error-summary.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Feedback/Error summary', component: 'formosa-error-summary' };
export default meta;

export const TwoProblems = story(examples, 'Two problems');
