import { html } from 'lit';
import type { FormDefinition } from '@formosa/schema';
import type { Example } from '../../internal/example.js';
import showcaseJson from './showcase.json' with { type: 'json' };

/** A small definition using every widget, a section shown by a rule, and a repeat: the form's showcase. */
export const showcase = showcaseJson as unknown as FormDefinition;

export const examples: Example[] = [
  { name: 'Showcase', render: () => html`<formosa-form locale="zh-Hant-TW" .definition=${showcase}></formosa-form>` },
  { name: 'Showcase in English', render: () => html`<formosa-form locale="en" .definition=${showcase}></formosa-form>` },
  {
    name: 'Broken definition',
    render: () => html`<formosa-form locale="en" .definition=${'{\n  "formatVersion": 1,\n  "id": "Broken Form",\n  "steps": []\n}'}></formosa-form>`,
  },
];
