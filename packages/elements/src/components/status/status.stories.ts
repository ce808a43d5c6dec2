import type { Meta } from '@storybook/web-components-vite';
import { examples } from './status.examples.js';
import { story } from '../../internal/story.js';
import './define.js';

const meta: Meta = { title: 'Pages/Status', component: 'formosa-status' };
export default meta;

export const Lookup = story(examples, 'Lookup');
export const LookupInVietnamese = story(examples, 'Lookup in Vietnamese, receipt number known');
