import type { Meta } from '@storybook/web-components-vite';
import { examples } from './stepper.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Layout/Stepper', component: 'formosa-stepper' };
export default meta;

export const SecondOfFour = story(examples, 'Second of four');
