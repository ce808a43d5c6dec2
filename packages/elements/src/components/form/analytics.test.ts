// Journey analytics in the form (the end-to-end test, examples/test/analytics.e2e.test.ts, sends them to an endpoint):
// when `abandoned` is told, and that each load is a journey of its own.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../../define.js';
import type { FormosaForm } from './form.js';
import type { AnalyticsRecord } from '../../internal/events.js';
import '../../internal/clean-device.test-helper.js';

const definition = {
  formatVersion: 1, id: 'analytics-test', version: '1.2.0', defaultLocale: 'en', locales: ['en'], title: { en: 'Analytics' },
  schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, note: { type: 'string' } } },
  steps: [
    { id: 'one', title: { en: 'One' }, items: [{ field: '/name', label: { en: 'Name' } }] },
    { id: 'two', title: { en: 'Two' }, items: [{ field: '/note', label: { en: 'Note' } }] },
  ],
  submission: { endpoint: '/nowhere/submissions' },
};

async function mount(): Promise<{ form: FormosaForm; records: AnalyticsRecord[] }> {
  const form = document.createElement('formosa-form');
  const records: AnalyticsRecord[] = [];
  form.addEventListener('formosa-analytics', (e) => records.push(e.record));
  form.locale = 'en';
  form.draft = 'off';
  form.definition = definition as never;
  document.body.append(form);
  await waitUntil(() => records.length > 0, 'the first step reached');
  return { form, records };
}
const told = (records: AnalyticsRecord[]) => records.map((r) => `${r.kind} ${r.step}`);
/** The page as the browser reports it hidden or shown again (the tab switched, the phone locked). */
function visibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  delete (document as { visibilityState?: unknown }).visibilityState;
  document.querySelectorAll('formosa-form').forEach((form) => form.remove());
  fixtureCleanup();
});

describe('formosa-form analytics', () => {
  it('abandoned once per absence: hidden twice is told once; back and hidden again, once more; removed from the page, once', async () => {
    const { form, records } = await mount();
    expect(await form.validate()).to.equal(false);
    visibility('hidden');
    window.dispatchEvent(new Event('pagehide'));
    expect(told(records)).to.deep.equal(['step-reached one', 'error-shown one', 'abandoned one']);
    visibility('visible');
    visibility('hidden');
    expect(told(records).filter((r) => r.startsWith('abandoned'))).to.have.length(2);
    visibility('visible');
    form.remove();
    expect(told(records).at(-1)).to.equal('abandoned one');
    expect(told(records).filter((r) => r.startsWith('abandoned'))).to.have.length(3);
    expect(new Set(records.map((r) => r.journey)).size).to.equal(1);
    expect(records.every((r) => r.formId === 'analytics-test' && r.formVersion === '1.2.0')).to.equal(true);
  });

  it('each load is a new journey, with a random id', async () => {
    const first = await mount();
    first.form.remove();
    const second = await mount();
    expect(first.records[0]!.journey).not.to.equal(second.records[0]!.journey);
    expect(second.records[0]!.journey).to.match(/^[0-9a-f-]{32,36}$/);
  });
});
