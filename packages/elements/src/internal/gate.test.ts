// The browser's side of the one definition gate: the corpus of broken and hostile definitions gets in Chromium the
// verdicts it gets from the CLI and the server (examples/test/hostile-definitions.test.ts), and a form given one
// shows the designer's problems list, never a blank page or "check your connection".
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { loadDefinition, type Problem } from '@formosa/schema';
import '../define.js';
import type { FormosaForm } from '../components/form/form.js';
import { HOSTILE_DEFINITIONS, verdictOf } from '../../../../examples/hostile/definitions.js';
import './clean-device.test-helper.js';

describe('the definition gate in the browser', () => {
  it(`gives each of the ${HOSTILE_DEFINITIONS.length} hostile definitions the verdict the CLI and the server give`, () => {
    const verdicts = HOSTILE_DEFINITIONS.map((hostile) => {
      const result = loadDefinition(hostile.text());
      return [hostile.name, result.ok ? 'ok' : verdictOf(result.problems)];
    });
    expect(verdicts).to.deep.equal(HOSTILE_DEFINITIONS.map((h) => [h.name, h.verdict]));
  });

  // The problems view shows, for each error the loader reports, its path, its place in the text and its message.
  const shown = (p: Problem) => `${p.path || '/'}${p.line ? ` (line ${p.line}, column ${p.column})` : ''}: ${p.message}`;
  for (const name of ['"$ref": "#"', 'a rule nested 3,000 deep', 'a __proto__ data property', 'a field bound to /__proto__/polluted', 'a 10 MB definition']) {
    it(`a form given ${name} shows its problems, not a connection error`, async () => {
      const hostile = HOSTILE_DEFINITIONS.find((h) => h.name === name)!;
      const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
      const result = loadDefinition(hostile.text());
      // The loader's verdict is the corpus's, which the CLI and the server give (examples/test/hostile-definitions.test.ts).
      expect(result.ok ? 'ok' : verdictOf(result.problems)).to.deep.equal(hostile.verdict);
      const errors = result.ok ? [] : result.problems.filter((p) => p.severity === 'error');

      const form = await fixture<FormosaForm>(html`<formosa-form locale="en" .definition=${hostile.text()}></formosa-form>`);
      await waitUntil(() => form.shadowRoot!.querySelector('.definition-error, .notice, .step-title'), 'rendered', { timeout: 5000 });
      const box = form.shadowRoot!.querySelector('.definition-error');
      expect(box, form.shadowRoot!.textContent!).to.exist;
      const items = [...box!.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(items).to.deep.equal(errors.map(shown));

      // Loading and showing it wrote nothing into Object.prototype (e.g. `type` or `polluted`).
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(prototypeBefore);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(({} as Record<string, unknown>).type).to.equal(undefined);
    });
  }
});

describe('where a form may send answers', () => {
  const elsewhere = () => {
    const d = JSON.parse(HOSTILE_DEFINITIONS.find((h) => h.name.startsWith('an endpoint on another origin'))!.text());
    return d;
  };

  it('not to another origin than the definition\'s: the form refuses to start, and says why', async () => {
    const form = await fixture<FormosaForm>(html`<formosa-form locale="en" .definition=${elsewhere()}></formosa-form>`);
    await waitUntil(() => form.shadowRoot!.querySelector('.definition-error, .step-title'), 'rendered');
    const box = form.shadowRoot!.querySelector('.definition-error');
    expect(box).to.exist;
    expect(box!.textContent).to.contain('https://collector.example');
  });

  it('to another origin the page allows (endpoint-origins)', async () => {
    const form = await fixture<FormosaForm>(html`<formosa-form locale="en" endpoint-origins="https://collector.example" .definition=${elsewhere()}></formosa-form>`);
    await waitUntil(() => form.shadowRoot!.querySelector('.definition-error, .step-title'), 'rendered');
    expect(form.shadowRoot!.querySelector('.step-title')).to.exist;
  });

  it('an uploads endpoint elsewhere is refused the same way', async () => {
    const d = JSON.parse(HOSTILE_DEFINITIONS[0]!.text().replace('"__proto__": { "type": "string" },', ''));
    d.submission.attachments = 'https://files.example/attachments';
    const form = await fixture<FormosaForm>(html`<formosa-form locale="en" .definition=${d}></formosa-form>`);
    await waitUntil(() => form.shadowRoot!.querySelector('.definition-error, .step-title'), 'rendered');
    expect(form.shadowRoot!.querySelector('.definition-error')?.textContent).to.contain('https://files.example');
  });
});
