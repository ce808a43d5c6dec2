import type { TemplateResult } from 'lit';

/** A named example of a component: written once, it feeds the Storybook story, the tests and the axe run. */
export interface Example {
  readonly name: string;
  readonly render: () => TemplateResult;
}
