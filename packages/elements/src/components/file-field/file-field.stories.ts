import type { Meta } from '@storybook/web-components-vite';
import { examples } from './file-field.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Fields/File field', component: 'formosa-file-field' };
export default meta;

export const LeasePhotoOrPdf = story(examples, 'Lease, photo or PDF');
export const TwoFilesUploaded = story(examples, 'Two files uploaded');
export const Locked = story(examples, 'Locked');
