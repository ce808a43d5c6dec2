import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../define.js';
import '../../internal/clean-device.test-helper.js';
import { pageDevice } from '../../internal/device.js';
import type { DraftEnvelope } from '@formosa/session';
import type { FormosaDrafts } from './drafts.js';
import type { FormosaDraftDiscardedEvent } from '../../internal/events.js';

const draft = (key: string, title: Record<string, string>, savedAt: number): DraftEnvelope => ({
  key, formId: key, version: '1', formatVersion: 1, savedAt, expiresAt: savedAt + 30 * 86_400_000, title,
  answers: { name: '林小美' }, view: 'about', visited: ['about'], files: [],
});

describe('formosa-drafts', () => {
  it('lists the applications in progress on this device, newest first, to continue or delete', async () => {
    const { drafts } = await pageDevice();
    await drafts!.save(draft('rent-subsidy', { 'zh-Hant-TW': '租屋補貼', en: 'Rent subsidy' }, Date.UTC(2026, 11, 5, 2, 42)));
    await drafts!.save(draft('smoke-alarm-subsidy', { 'zh-Hant-TW': '住宅用火災警報器補助' }, Date.UTC(2026, 11, 6, 2, 42)));
    const element = await fixture<FormosaDrafts>(html`<formosa-drafts locale="en" href="/form.html?id={formId}"></formosa-drafts>`);
    await element.updateComplete;
    const root = element.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('Applications in progress on this device');
    const items = [...root.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('.name')!.textContent)).to.deep.equal(['住宅用火災警報器補助', 'Rent subsidy']);
    expect(items[0]!.querySelector('.name')!.getAttribute('lang'), 'a title without English is marked as Chinese').to.equal('zh-Hant-TW');
    expect(items[1]!.querySelector('a')!.getAttribute('href')).to.equal('/form.html?id=rent-subsidy');
    expect(items[1]!.querySelector('a')!.getAttribute('aria-label')).to.equal('Continue Rent subsidy');
    expect(items[1]!.querySelector('.when')!.textContent).to.match(/^Saved December 5, 2026 .+ · Kept until January 4, 2027$/);
    await expect(element).to.be.accessible();

    const discarded = oneEvent(element, 'formosa-draft-discarded');
    items[1]!.querySelector('button')!.click();
    const event = (await discarded) as unknown as FormosaDraftDiscardedEvent;
    expect(event.formId).to.equal('rent-subsidy');
    expect(await drafts!.load('rent-subsidy')).to.equal(undefined);
    expect([...root.querySelectorAll('li')]).to.have.length(1);
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Rent subsidy was deleted from this device.');
    expect(root.activeElement, 'focus stays in the list').to.equal(root.querySelector('li a'));
  });

  it('says when there is nothing in progress', async () => {
    const element = await fixture<FormosaDrafts>(html`<formosa-drafts locale="zh-Hant-TW"></formosa-drafts>`);
    await waitUntil(() => element.shadowRoot?.querySelector('section'));
    expect(element.shadowRoot!.querySelector('section p')!.textContent).to.equal('這部裝置上沒有尚未完成的申請。');
  });
});
