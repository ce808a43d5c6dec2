import type { Meta } from '@storybook/web-components-vite';
import { examples } from './date-field.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Fields/Date field', component: 'formosa-date-field' };
export default meta;

export const DateOfBirth = story(examples, 'Date of birth');
export const WithError = story(examples, 'With error');
export const RocCalendar = story(examples, 'ROC calendar');
export const LockedVerifiedByMyData = story(examples, 'Locked (verified by MyData)');
