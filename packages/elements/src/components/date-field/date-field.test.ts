import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import type { FormosaDateField } from './date-field.js';
import { FormosaInputEvent } from '../../internal/events.js';

const boxes = (el: FormosaDateField) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];

describe('formosa-date-field in the ROC calendar', () => {
  it('民國 113 年 5 月 2 日, typed in three boxes, is the ISO date 2024-05-02', async () => {
    const el = await fixture<FormosaDateField>(html`<formosa-date-field name="d" label="出生日期" calendar="roc" year-label="民國年" month-label="月" day-label="日"></formosa-date-field>`);
    const values: unknown[] = [];
    el.addEventListener(FormosaInputEvent.type, (e) => values.push((e as FormosaInputEvent).value));
    const [year, month, day] = boxes(el);
    expect(year!.labels![0]!.textContent).to.equal('民國年');
    year!.focus();
    await sendKeys({ type: '113' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '5' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '2' });
    expect(el.value).to.equal('2024-05-02');
    expect(values.at(-1)).to.equal('2024-05-02');
    expect(values).to.include('2024--', 'an incomplete date is kept as typed, so the engine can say what is missing');
    expect(day).to.exist;
    expect(month).to.exist;
  });

  it('shows a stored ISO date back as 民國 year, month and day', async () => {
    const el = await fixture<FormosaDateField>(html`<formosa-date-field name="d" label="出生日期" calendar="roc" .value=${'2024-05-02'}></formosa-date-field>`);
    expect(boxes(el).map((b) => b.value)).to.deep.equal(['113', '5', '2']);
  });

  it('accepts full-width digits typed with a Chinese input method', async () => {
    const el = await fixture<FormosaDateField>(html`<formosa-date-field name="d" label="出生日期" calendar="roc"></formosa-date-field>`);
    const [year, month, day] = boxes(el);
    for (const [box, text] of [[year, '１１３'], [month, '５'], [day, '２']] as const) {
      box!.value = text;
      box!.dispatchEvent(new InputEvent('input'));
    }
    expect(el.value).to.equal('2024-05-02');
  });

  it('groups the three boxes under the question, with hint and error described', async () => {
    const el = await fixture<FormosaDateField>(html`<formosa-date-field name="d" label="出生日期" hint="例如：民國 79 年 5 月 2 日" calendar="roc" error="民國年份須介於 1 到 200 年之間"></formosa-date-field>`);
    const group = el.shadowRoot!.querySelector('fieldset')!;
    expect(group.querySelector('legend')!.textContent).to.contain('出生日期');
    expect(group.getAttribute('aria-describedby')).to.equal('hint error');
    await expect(el).to.be.accessible();
  });
});
