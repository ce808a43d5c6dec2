// What the drop-in bundle asks for before its elements' code runs (early.ts): a page's own markup, however wrong,
// never stops the bundle from starting, and each early answer is taken once.
import { expect } from '@open-wc/testing';
import { definitionResponse, startEarly } from './early.js';

const SHOWCASE = new URL('./showcase.json', import.meta.url).href;

describe('the early start', () => {
  afterEach(() => document.querySelectorAll('formosa-form').forEach((f) => f.remove()));

  it('a form whose src is not a URL does not stop the others (nor the bundle) from starting', async () => {
    // Not defined here: the markup as the page has it before the bundle runs.
    document.body.insertAdjacentHTML('beforeend', `<formosa-form src="http://[::1"></formosa-form><formosa-form src="${SHOWCASE}" draft="off"></formosa-form>`);
    expect(() => startEarly()).not.to.throw();
    const response = await definitionResponse(SHOWCASE);
    expect(response.ok).to.equal(true);
    expect((await response.json()).id).to.be.a('string');
  });

  it('an early answer is taken once: a second load of the same src asks anew', async () => {
    document.body.insertAdjacentHTML('beforeend', `<formosa-form src="${SHOWCASE}" draft="off"></formosa-form>`);
    startEarly();
    const first = await definitionResponse(SHOWCASE);
    const second = await definitionResponse(SHOWCASE);
    expect(first).not.to.equal(second);
    expect(first.ok && second.ok).to.equal(true);
    // Both bodies readable: the second is a response of its own, not the first one read twice.
    expect((await first.json()).id).to.equal((await second.json()).id);
  });
});
