import type { Meta } from '@storybook/web-components-vite';
import { examples } from './number-field.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Fields/Number field', component: 'formosa-number-field' };
export default meta;

export const Amount = story(examples, 'Amount');
export const ComputedReadOnly = story(examples, 'Computed (read-only)');
export const NewTaiwanDollars = story(examples, 'New Taiwan dollars');
export const LockedVerifiedByMyData = story(examples, 'Locked (verified by MyData)');
