import type { Meta } from '@storybook/web-components-vite';
import { examples } from './checkbox-field.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Fields/Checkbox field', component: 'formosa-checkbox-field' };
export default meta;

export const Declaration = story(examples, 'Declaration');
export const Ticked = story(examples, 'Ticked');
export const WithError = story(examples, 'With error');
export const ConsentWithItsStatement = story(examples, 'Consent with its statement');
export const LockedVerifiedByMyData = story(examples, 'Locked (verified by MyData)');
