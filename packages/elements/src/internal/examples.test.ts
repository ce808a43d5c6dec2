import { expect, fixture } from '@open-wc/testing';
import '../define.js';
import { ALL_EXAMPLES } from './all-examples.js';
import { ELEMENTS } from '../define.js';

describe('every component has examples, and each is accessible (axe, WCAG 2.x A and AA)', () => {
  it('covers every registered element', () => {
    expect(Object.keys(ALL_EXAMPLES).sort()).to.deep.equal(Object.keys(ELEMENTS).sort());
  });
  for (const [tag, examples] of Object.entries(ALL_EXAMPLES)) {
    for (const example of examples) {
      it(`${tag}: ${example.name}`, async () => {
        const element = await fixture<HTMLElement>(example.render());
        if ('updateComplete' in element) await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 50));
        await expect(element).to.be.accessible();
      });
    }
  }
});
