import type { StoryObj } from '@storybook/web-components-vite';
import type { Example } from './example.js';

/** A Storybook story from a component's example (the same example its tests and axe run use). */
export function story(examples: readonly Example[], name: string): StoryObj {
  const example = examples.find((e) => e.name === name);
  if (!example) throw new Error(`No example "${name}"`);
  return { name, render: () => example.render() };
}
