import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core';
import '../define.js';
import { ALL_EXAMPLES } from './all-examples.js';
import { ELEMENTS as DROP_IN } from '../define.js';
import { STATUS_ELEMENTS } from '../components/status/define.js';
import { SENIOR_TOKENS } from './themes.js';

/** Every registered element: the drop-in bundle's and the status page's (a bundle of its own). */
const ELEMENTS = { ...DROP_IN, ...STATUS_ELEMENTS };

/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA, colour contrast included. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Axe {
  run(context: Element, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
}

async function violations(element: Element): Promise<string[]> {
  const { violations } = await (window as unknown as { axe: Axe }).axe.run(element, { runOnly: { type: 'tag', values: TAGS } });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${JSON.stringify(n.target)}`));
}

describe('every component has examples, and each passes axe (WCAG 2.2 A and AA) in both themes', () => {
  it('covers every registered element', () => {
    expect(Object.keys(ALL_EXAMPLES).sort()).to.deep.equal(Object.keys(ELEMENTS).sort());
  });
  it('every element disappears when the host page sets `hidden` on it', async () => {
    // A `:host { display: … }` rule beats the browser's own [hidden] rule, so each element must restate it.
    const shown: string[] = [];
    for (const [tag, examples] of Object.entries(ALL_EXAMPLES)) {
      const wrapper = await fixture<HTMLDivElement>(html`<div>${examples[0]!.render()}</div>`);
      const element = wrapper.firstElementChild as HTMLElement & { updateComplete?: Promise<unknown> };
      element.hidden = true;
      await element.updateComplete;
      if (getComputedStyle(element).display !== 'none') shown.push(tag);
    }
    expect(shown).to.deep.equal([]);
  });
  for (const [tag, examples] of Object.entries(ALL_EXAMPLES)) {
    for (const example of examples) {
      for (const theme of ['default', 'senior']) {
        it(`${tag}: ${example.name} (${theme})`, async () => {
          const wrapper = await fixture<HTMLDivElement>(html`<div>${example.render()}</div>`);
          if (theme === 'senior') for (const [name, value] of Object.entries(SENIOR_TOKENS)) wrapper.style.setProperty(name, value);
          const element = wrapper.firstElementChild as HTMLElement & { updateComplete?: Promise<unknown> };
          await element.updateComplete;
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(await violations(wrapper)).to.deep.equal([]);
        });
      }
    }
  }
});
