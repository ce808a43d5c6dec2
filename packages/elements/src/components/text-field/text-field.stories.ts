import type { Meta } from '@storybook/web-components-vite';
import { examples } from './text-field.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Fields/Text field', component: 'formosa-text-field' };
export default meta;

export const Empty = story(examples, 'Empty');
export const WithHint = story(examples, 'With hint');
export const Optional = story(examples, 'Optional');
export const Telephone = story(examples, 'Telephone');
export const WithError = story(examples, 'With error');
export const EnglishLabelInAChinesePage = story(examples, 'English label in a Chinese page');
export const LockedVerifiedByMyData = story(examples, 'Locked (verified by MyData)');
