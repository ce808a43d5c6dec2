import type { Meta } from '@storybook/web-components-vite';
import { examples } from './language-switcher.examples.js';
import { story } from '../../internal/story.js';

const meta: Meta = { title: 'Layout/Language switcher', component: 'formosa-language-switcher' };
export default meta;

export const SevenLanguages = story(examples, 'Seven languages');
export const ThreeLanguagesVietnameseChosen = story(examples, 'Three languages, Vietnamese chosen');
