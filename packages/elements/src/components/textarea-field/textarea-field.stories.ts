import type { Meta } from '@storybook/web-components-vite';
import { examples } from './textarea-field.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Fields/Textarea field', component: 'formosa-textarea-field' };
export default meta;

export const Reason = story(examples, 'Reason');
export const WithError = story(examples, 'With error');
export const LockedVerifiedByMyData = story(examples, 'Locked (verified by MyData)');
