// The fields' parts, styled from the host page through the form's shadow root (exportparts), as docs/embedding.md says.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../../define.js';
import type { FormosaForm } from './form.js';
import '../../internal/clean-device.test-helper.js';

const definition = {
  formatVersion: 1, id: 'parts-test', version: '1.0.0', defaultLocale: 'en', locales: ['en'], title: { en: 'Parts' },
  schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, county: { type: 'string', enum: ['TPE', 'NWT'] } } },
  steps: [
    {
      id: 'one', title: { en: 'One' },
      items: [
        { section: 'about', title: { en: 'About you' }, items: [{ field: '/name', label: { en: 'Name' }, hint: { en: 'As on your ID card' } }] },
        { field: '/county', label: { en: 'County' }, options: [{ value: 'TPE', label: { en: 'Taipei' } }, { value: 'NWT', label: { en: 'New Taipei' } }] },
      ],
    },
  ],
  submission: { endpoint: '/nowhere/submissions' },
};

const PAGE_CSS = `
  formosa-form::part(field-label) { color: rgb(1, 2, 3); }
  formosa-form::part(field-hint) { color: rgb(4, 5, 6); }
  formosa-form::part(field-input) { border-color: rgb(7, 8, 9); }
  formosa-form::part(field-error) { color: rgb(10, 11, 12); }
  formosa-form::part(field-option) { color: rgb(13, 14, 15); }
  formosa-form::part(section-heading) { color: rgb(16, 17, 18); }
`;

afterEach(() => {
  document.querySelectorAll('formosa-form').forEach((form) => form.remove());
  document.adoptedStyleSheets = [];
  fixtureCleanup();
});

describe('formosa-form exports its fields\' parts', () => {
  it('a page stylesheet styles labels, hints, inputs, errors, options and section headings inside the form', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PAGE_CSS);
    document.adoptedStyleSheets = [sheet];
    const form = document.createElement('formosa-form');
    form.locale = 'en';
    form.definition = definition as never;
    document.body.append(form);
    await waitUntil(() => form.shadowRoot?.querySelector('[data-path="/name"]'), 'the step is on screen');
    const name = form.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('[data-path="/name"]')!;
    const county = form.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('[data-path="/county"]')!;
    await name.updateComplete;
    const style = (root: ParentNode, selector: string) => getComputedStyle(root.querySelector(selector)!);
    expect(style(name.shadowRoot!, 'label').color).to.equal('rgb(1, 2, 3)');
    expect(style(name.shadowRoot!, '.hint').color).to.equal('rgb(4, 5, 6)');
    expect(style(name.shadowRoot!, 'input').borderTopColor).to.equal('rgb(7, 8, 9)');
    expect(style(county.shadowRoot!, 'legend').color).to.equal('rgb(1, 2, 3)', 'a radio group\'s legend is its label');
    expect(style(county.shadowRoot!, '.choice').color).to.equal('rgb(13, 14, 15)');
    expect(style(form.shadowRoot!.querySelector('formosa-section')!.shadowRoot!, 'legend').color).to.equal('rgb(16, 17, 18)');
    expect(await (form as FormosaForm).validate()).to.equal(false);
    await waitUntil(() => name.shadowRoot!.querySelector('.error'), 'the error is shown');
    expect(style(name.shadowRoot!, '.error').color).to.equal('rgb(10, 11, 12)');
  });
});
