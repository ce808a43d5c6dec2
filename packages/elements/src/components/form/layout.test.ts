// What a tester saw on a 390 px phone: boxes that wrap, headings out of line, a receipt number broken in two,
// dates in two conventions, a statement named twice.
import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../define.js';
import type { FormosaForm } from './form.js';
import type { FormosaReceipt } from '../receipt/receipt.js';
import '../../internal/clean-device.test-helper.js';

const T = (zh: string, en: string, vi?: string) => ({ 'zh-Hant-TW': zh, en, ...(vi ? { vi } : {}) });

const definition = {
  formatVersion: 1, id: 'layout', version: '1', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en', 'vi'], title: T('版面', 'Layout', 'Bố cục'),
  calendar: 'roc',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      born: { type: 'string', format: 'date' },
      leaseStart: { type: 'string', format: 'date' },
      notify: { type: 'string', enum: ['sms', 'mail'] },
      agree: { type: 'boolean' },
      members: { type: 'array', items: { type: 'object', properties: { born: { type: 'string', format: 'date' } } } },
    },
  },
  steps: [{
    id: 'one', title: T('第一步', 'One', 'Một'),
    items: [
      { field: '/name', label: T('姓名', 'Name', 'Họ tên') },
      { field: '/born', label: T('出生日期', 'Date of birth', 'Ngày sinh') },
      { field: '/leaseStart', label: T('租約起始日', 'Lease start', 'Ngày bắt đầu thuê') },
      { field: '/notify', label: T('通知方式', 'Notify by', 'Thông báo qua'), options: [{ value: 'sms', label: T('簡訊', 'SMS', 'SMS') }, { value: 'mail', label: T('郵寄', 'Post', 'Bưu điện') }] },
      { field: '/agree', label: T('本人同意', 'I agree', 'Tôi đồng ý'), statement: T('聲明全文', 'The whole statement', 'Toàn văn cam kết') },
      { repeat: '/members', title: T('家庭成員', 'Household', 'Thành viên'), itemTitle: T('第 {number} 位', 'Person {number}', 'Người thứ {number}'), items: [{ field: 'born', label: T('出生日期', 'Date of birth', 'Ngày sinh') }] },
    ],
  }],
  submission: { endpoint: '/nowhere/submissions' },
};

const $ = (form: FormosaForm, selector: string) => form.shadowRoot!.querySelector<HTMLElement>(selector)!;
const inner = (host: HTMLElement, selector: string) => host.shadowRoot!.querySelector<HTMLElement>(selector)!;

async function mount(locale: string, values = {}) {
  const form = await fixture<FormosaForm>(html`<formosa-form locale=${locale} .definition=${definition} .values=${values}></formosa-form>`);
  await waitUntil(() => form.shadowRoot!.querySelector('.step-title'), 'rendered');
  await form.updateComplete;
  await Promise.all([...form.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('[data-path]')].map((h) => h.updateComplete));
  return form;
}

describe('formosa-form on a phone', () => {
  beforeEach(() => setViewport({ width: 390, height: 844 }));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('every question\'s heading starts where the others do: a legend sits in line with a label', async () => {
    const form = await mount('zh-Hant-TW');
    // Where the text itself starts (a legend's own padding is inside its box).
    const left = (host: HTMLElement) => inner(host, 'label > span, legend > span').getBoundingClientRect().left;
    const label = left($(form, '[data-path="/name"]'));
    expect(left($(form, '[data-path="/born"]')), 'date legend').to.be.closeTo(label, 0.5);
    expect(left($(form, '[data-path="/notify"]')), 'radio legend').to.be.closeTo(label, 0.5);
  });

  for (const width of [320, 390]) {
    it(`a ROC date's three boxes stay on one line in Vietnamese, inside a household member, at ${width} px`, async () => {
      await setViewport({ width, height: 700 });
      const form = await mount('vi', { members: [{}] });
      const boxes = [...$(form, '[data-path="/members/0/born"]').shadowRoot!.querySelectorAll('input')].map((b) => Math.round(b.getBoundingClientRect().top));
      expect(boxes.length).to.equal(3);
      expect(new Set(boxes).size, `tops ${boxes.join(', ')}`).to.equal(1);
    });
  }

  it('every date of a form is written one way: the form\'s calendar, in boxes, never the browser\'s own picker', async () => {
    const form = await mount('en');
    for (const path of ['/born', '/leaseStart']) {
      const host = $(form, `[data-path="${path}"]`);
      expect(host.getAttribute('calendar'), path).to.equal('roc');
      expect(host.shadowRoot!.querySelectorAll('input').length, path).to.equal(3);
      expect(host.shadowRoot!.querySelector('input[type=date]'), path).to.equal(null);
    }
  });

  it('the statement agreed to is a region with a name of its own, not the checkbox\'s label again', async () => {
    const form = await mount('zh-Hant-TW');
    const host = $(form, '[data-path="/agree"]');
    const region = inner(host, '[role="region"]');
    expect(region.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
    expect(region.getAttribute('aria-label')).to.not.equal(inner(host, 'label').textContent!.trim());
  });

  for (const width of [320, 390]) {
    it(`the receipt number stays in one piece at ${width} px, without scrolling sideways`, async () => {
      await setViewport({ width, height: 700 });
      const receipt = await fixture<FormosaReceipt>(html`<formosa-receipt heading="申請已送出" number-label="您的收件編號" receipt="RS-20261202-910P9E"></formosa-receipt>`);
      await aTimeout(0);
      const number = inner(receipt, '.number');
      const lines = number.getClientRects().length;
      const range = document.createRange();
      range.selectNodeContents(number);
      const lineBoxes = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      expect(Math.max(lines, lineBoxes), 'one line').to.equal(1);
      expect(document.scrollingElement!.scrollWidth).to.be.at.most(width);
    });
  }
});
