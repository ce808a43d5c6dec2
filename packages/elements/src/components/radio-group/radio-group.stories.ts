import type { Meta } from '@storybook/web-components-vite';
import { examples } from './radio-group.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Fields/Radio group', component: 'formosa-radio-group' };
export default meta;

export const LandlordType = story(examples, 'Landlord type');
export const Chosen = story(examples, 'Chosen');
export const WithError = story(examples, 'With error');
export const LockedVerifiedByMyData = story(examples, 'Locked (verified by MyData)');
