// A definition the reference server has already run through this very gate (Formosa-Definition-Checked:
// GATE_VERSION) starts without the page fetching and running the gate; any other goes through it as before.
// The definitions are files served by the test server; what the reference server adds, its header, is added to
// that real answer here (packages/server/test/definition-checked.test.ts shows the server sends it, and
// examples/test/vouched-definition.e2e.test.ts the whole of it against the real server and the built bundle).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { GATE_VERSION } from '@formosa/schema/gate-version';
import '../../define.js';
import type { FormosaForm } from './form.js';
import '../../internal/clean-device.test-helper.js';

/** Every resource the page fetches from now on (an observer sees them all; the timeline's buffer keeps only 250). */
const fetched: string[] = [];
new PerformanceObserver((list) => fetched.push(...list.getEntries().map((e) => e.name))).observe({ type: 'resource' });
/** From source, the gate is this module: the one `import('@formosa/schema/gate')` brings in. */
const gateFetched = () => fetched.some((name) => new URL(name).pathname === '/packages/schema/src/gate.ts');

const SHOWCASE = new URL('./showcase.json', import.meta.url).href;
/** Two problems the gate finds, with their lines: an id not in the expected form, and no steps. */
const BROKEN = `data:application/json,${encodeURIComponent('{\n  "formatVersion": 1,\n  "id": "Broken Form",\n  "steps": []\n}')}`;

const pageFetch = window.fetch;
/** Answers the definition at `src` as served, with `Formosa-Definition-Checked: checked` added to the answer. */
function vouch(src: string, checked: string): void {
  window.fetch = async (input, init) => {
    const response = await pageFetch(input, init);
    if (String(input) !== src) return response;
    const headers = new Headers(response.headers);
    headers.set('formosa-definition-checked', checked);
    return new Response(response.body, { status: response.status, headers });
  };
}
afterEach(() => (window.fetch = pageFetch));

async function mount(src: string): Promise<FormosaForm> {
  const form = await fixture<FormosaForm>(html`<formosa-form locale="en" src=${src} draft="off"></formosa-form>`);
  await waitUntil(() => form.shadowRoot!.querySelector('.step-title, .definition-error'), 'form rendered', { timeout: 10_000 });
  return form;
}
const problems = (form: FormosaForm) => [...form.shadowRoot!.querySelectorAll('.definition-error li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

// In this order: once a test has imported the gate, the page keeps it.
describe('formosa-form: a definition vouched for by its server', () => {
  it('with the header of this gate, the first step shows and the gate module is never fetched', async () => {
    vouch(SHOWCASE, GATE_VERSION);
    const form = await mount(SHOWCASE);
    expect(form.shadowRoot!.querySelector('.step-title')!.textContent).to.contain('About you');
    expect(fetched.some((name) => name.startsWith(SHOWCASE)), 'the definition was fetched').to.equal(true);
    expect(gateFetched(), 'gate.ts was fetched').to.equal(false);
  });

  it('without the header, the same definition goes through the gate (fetched now) and shows the same first step', async () => {
    const form = await mount(SHOWCASE);
    expect(form.shadowRoot!.querySelector('.step-title')!.textContent).to.contain('About you');
    expect(gateFetched(), 'gate.ts was fetched').to.equal(true);
  });

  it('a broken definition with no header shows its problems with their lines and columns, as before', async () => {
    const form = await mount(BROKEN);
    expect(form.shadowRoot!.querySelector('.step-title')).to.equal(null);
    expect(problems(form)).to.include('/steps (line 4, column 3): must have at least 1 item');
  });

  it('with the header of another gate (another release), the gate runs and finds the problems', async () => {
    vouch(BROKEN, '0.0.1+format.1');
    const form = await mount(BROKEN);
    expect(form.shadowRoot!.querySelector('.step-title')).to.equal(null);
    expect(problems(form)).to.include('/id (line 3, column 3): "Broken Form" is not in the expected form — Identifier of the form, used in URLs: lower-case letters, digits and hyphens.');
  });

  it('with the header of this gate but text that is not JSON, the gate says where the text breaks', async () => {
    const text = `data:application/json,${encodeURIComponent('{\n  "formatVersion": 1,\n  "id": oops\n}')}`;
    vouch(text, GATE_VERSION);
    const form = await mount(text);
    expect(form.shadowRoot!.querySelector('.step-title')).to.equal(null);
    expect(problems(form).join('\n')).to.match(/line 3, column \d+/);
  });
});
