import type { Meta } from '@storybook/web-components-vite';
import { examples } from './select-field.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Fields/Select field', component: 'formosa-select-field' };
export default meta;

export const County = story(examples, 'County');
export const Chosen = story(examples, 'Chosen');
export const WithError = story(examples, 'With error');
export const LockedVerifiedByMyData = story(examples, 'Locked (verified by MyData)');
