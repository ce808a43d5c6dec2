/**
 * States manifest.test.ts renders besides the examples, so that every part an element can show is on screen once.
 */
import type { TemplateResult } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { FormDefinition } from '@formosa/schema';
import { showcase } from '../components/form/form.examples.js';

const FIELDS = ['formosa-text-field', 'formosa-number-field', 'formosa-date-field', 'formosa-textarea-field', 'formosa-select-field',
  'formosa-radio-group', 'formosa-checkbox-field', 'formosa-file-field'];

/** A field showing every note at once: hint, error, lock reason, provenance (no example shows them all on each field). */
const withEveryNote = (tag: string) => () => html`<${unsafeStatic(tag)} name="x" label="標籤" hint="提示" error="錯誤" readonly
  lock-reason="已由戶政資料驗證" provenance="MyData · 內政部戶政司" prefix-text="NT$"></${unsafeStatic(tag)}>`;

/** The showcase on one step, its section shown and its repeat holding an entry (the examples open on the first step). */
const oneStep: FormDefinition = { ...showcase, steps: [{ ...showcase.steps[0]!, items: showcase.steps.flatMap((step) => step.items) }] };

export const stateRenders: Partial<Record<string, Record<string, () => TemplateResult>>> = {
  ...Object.fromEntries(FIELDS.map((tag) => [tag, { 'every note': withEveryNote(tag) }])),
  'formosa-form': {
    'section and repeat': () => html`<formosa-form locale="en" draft="off" .definition=${oneStep} .values=${{ housing: 'rent', helpers: [{}] }}></formosa-form>`,
  },
  'formosa-receipt': {
    'with its QR code': () => html`<formosa-receipt heading="申請已送出" number-label="您的收件編號" receipt="RS-20261122-7K3Q9X" qr-label="收件編號 QR 碼"></formosa-receipt>`,
  },
};

/**
 * Parts that appear only in states a rendering here cannot reach without a server or a second visit: these are
 * checked in the element's source (a `part="…"` in its module graph) instead of on screen. Their states are
 * rendered by the form's own tests (mydata, drafts).
 */
export const sourceOnlyParts: Partial<Record<string, readonly string[]>> = {
  // The MyData consent step and its notices need the agency server's MyData connector.
  // The "welcome back" notice needs a draft saved by an earlier visit.
  // What the agency asked, on a reopened application, needs its status page's hand-over (examples/test/reopen.e2e.test.ts).
  'formosa-form': ['consent', 'mydata-notice', 'draft-notice', 'reopen-notice'],
  // An application's status, its request and timeline need the agency server (examples/test/status.e2e.test.ts).
  'formosa-status': ['result', 'result-heading', 'request', 'update-link', 'timeline'],
};

/** Chunks an element loads on demand that render its own parts (not other elements): read with its module graph. */
export const chunksOf: Partial<Record<string, readonly string[]>> = {
  'formosa-form': ['src/components/reopen/reopen-kit.ts'],
};
