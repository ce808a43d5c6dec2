import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { FormosaStatus } from './status.js';

const shadow = (element: FormosaStatus) => element.shadowRoot!;
const submit = (element: FormosaStatus) => shadow(element).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
const alertText = (element: FormosaStatus) => shadow(element).querySelector('[role=alert]')!.textContent!.trim();

describe('<formosa-status> without an answer from a server', () => {
  it('asks for both fields: the message is announced, the empty field marked and focused', async () => {
    const element = await fixture<FormosaStatus>(html`<formosa-status locale="en" receipt="RS-20261122-7K3Q9X"></formosa-status>`);
    submit(element);
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(alertText(element)).to.equal('Error: Enter both the reference number and the status code.');
    expect(shadow(element).activeElement?.id).to.equal('secret');
    expect(shadow(element).getElementById('secret')!.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(element).getElementById('secret')!.getAttribute('aria-describedby')).to.equal('secret-hint error');
  });

  it('a server that cannot be reached: "try again later", the application not affected', async () => {
    const element = await fixture<FormosaStatus>(html`<formosa-status locale="zh-Hant-TW" api="http://127.0.0.1:9"></formosa-status>`);
    shadow(element).querySelector<HTMLInputElement>('#receipt')!.value = 'RS-20261122-7K3Q9X';
    shadow(element).querySelector<HTMLInputElement>('#secret')!.value = '7K3Q9-XB2MD';
    submit(element);
    for (let i = 0; i < 100 && !alertText(element); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alertText(element)).to.equal('錯誤：目前無法查詢，請稍後再試。您的申請不受影響。');
  });

  it('speaks the page language when no locale is set, and each of the seven when asked', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="vi"><formosa-status></formosa-status></div>`);
    const element = wrapper.querySelector<FormosaStatus>('formosa-status')!;
    await element.updateComplete;
    expect(shadow(element).querySelector('h2')!.textContent).to.equal('Xem tiến độ hồ sơ');
    for (const [locale, label] of [['th', 'หมายเลขอ้างอิง'], ['fil', 'Reference number'], ['ms', 'Nombor rujukan'], ['id', 'Nomor referensi']]) {
      element.locale = locale;
      await element.updateComplete;
      expect(shadow(element).querySelector('label[for=receipt]')!.textContent).to.equal(label);
      expect(shadow(element).querySelector('section')!.lang).to.equal(locale);
    }
  });
});
