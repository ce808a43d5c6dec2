import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../define.js';
import type { FormosaForm } from './form.js';
import { showcase } from './form.examples.js';
import { FormosaErrorEvent, FormosaOutboxEvent, FormosaStepChangeEvent } from '../../internal/events.js';
import '../../internal/clean-device.test-helper.js';
import { pageDevice } from '../../internal/device.js';

/** The element focused now, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The showcase's validator, compiled on request by the test server (see web-test-runner.config.js). */
const VALIDATOR = new URL('./showcase.validator.js', import.meta.url).href;

async function mount(locale = 'zh-Hant-TW', definition: unknown = showcase, extra: Partial<FormosaForm> = {}) {
  const form = await fixture<FormosaForm>(
    html`<formosa-form locale=${locale} validator-src=${(definition as { id?: string }).id === showcase.id ? VALIDATOR : nothing} .definition=${definition} .submitter=${extra.submitter} endpoint-origins=${extra.endpointOrigins ?? nothing}></formosa-form>`,
  );
  await waitUntil(() => form.shadowRoot!.querySelector('.step-title, .definition-error'), 'form rendered');
  // The first step shows before the validator module arrives; these tests type faster than any citizen, so they
  // wait for it (the same module, imported once for the page).
  if (form.getAttribute('validator-src')) {
    // The form asks for the module after the first paint; then the same import resolves for both.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    await import(/* @vite-ignore */ form.getAttribute('validator-src')!);
    await aTimeout(0);
  }
  return form;
}

const $ = <T extends Element = HTMLElement>(form: FormosaForm, selector: string) => form.shadowRoot!.querySelector<T>(selector);
const field = (form: FormosaForm, path: string) => $<HTMLElement & { error: string; updateComplete: Promise<unknown> }>(form, `[data-path="${path}"]`);
const button = (form: FormosaForm, text: string) => [...form.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
const settle = async (form: FormosaForm) => {
  await form.updateComplete;
  await aTimeout(0);
};

async function type(form: FormosaForm, path: string, text: string) {
  const host = field(form, path)!;
  host.shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!.focus();
  await sendKeys({ type: text });
  await settle(form);
}

async function choose(form: FormosaForm, path: string, index: number) {
  const host = field(form, path)!;
  const select = host.shadowRoot!.querySelector('select');
  if (select) {
    select.value = String(index);
    select.dispatchEvent(new Event('change'));
  } else host.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')[index]!.click();
  await settle(form);
}

describe('formosa-form', () => {
  it('renders the first step of a definition in the chosen language', async () => {
    const form = await mount();
    expect($(form, '.step-title')!.textContent).to.equal('申請人資料');
    const name = field(form, '/name')!;
    await name.updateComplete;
    expect(name.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('姓名');
    expect($(form, 'formosa-stepper')!.getAttribute('progress')).to.equal('第 1 步，共 3 步');
  });

  it('on Continue with missing answers, shows and focuses the error summary, and marks each field', async () => {
    const form = await mount();
    button(form, '繼續').click();
    await settle(form);
    const summary = $(form, 'formosa-error-summary')!;
    await waitUntil(() => deepActive()?.classList.contains('summary'), 'summary focused');
    const links = [...summary.shadowRoot!.querySelectorAll('a')].map((a) => a.textContent!.trim());
    expect(links).to.deep.equal(['請填寫「姓名」', '請填寫「手機號碼」', '請選擇「縣市」']);
    expect(summary.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    expect(field(form, '/name')!.error).to.equal('請填寫「姓名」');
    expect($(form, '.step-title')!.textContent).to.equal('申請人資料', 'still on the first step');
  });

  it('an error summary link moves focus to its field; fixing the answer clears the error at once', async () => {
    const form = await mount();
    button(form, '繼續').click();
    await settle(form);
    const summary = $(form, 'formosa-error-summary')!;
    summary.shadowRoot!.querySelectorAll('a')[1]!.click();
    await waitUntil(() => deepActive()?.tagName === 'INPUT' && (deepActive()!.getRootNode() as ShadowRoot).host === field(form, '/mobile'), 'mobile focused');
    await sendKeys({ type: '0912345678' });
    await settle(form);
    expect((field(form, '/mobile') as unknown as { value: string }).value).to.equal('0912345678', 'every keystroke reached the field');
    expect((deepActive()!.getRootNode() as ShadowRoot).host).to.equal(field(form, '/mobile'), 'focus stays where the citizen types');
    expect(field(form, '/mobile')!.error).to.equal('');
    expect([...summary.shadowRoot!.querySelectorAll('a')].map((a) => a.textContent!.trim())).to.deep.equal(['請填寫「姓名」', '請選擇「縣市」']);
  });

  it('fixing errors one by one never moves focus; Continue with errors left focuses the summary again', async () => {
    const form = await mount();
    button(form, '繼續').click();
    await settle(form);
    await waitUntil(() => deepActive()?.classList.contains('summary'), 'summary focused');
    field(form, '/name')!.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: '林小美' });
    await aTimeout(100);
    expect((field(form, '/name') as unknown as { value: string }).value).to.equal('林小美');
    expect((deepActive()!.getRootNode() as ShadowRoot).host).to.equal(field(form, '/name'));
    button(form, '繼續').click();
    await settle(form);
    await waitUntil(() => deepActive()?.classList.contains('summary'), 'summary focused again');
  });

  it('shows the first step before its validator module arrives, and Continue waits for the module to check the step', async () => {
    let release!: () => void;
    (globalThis as { validatorArrives?: Promise<void> }).validatorArrives = new Promise<void>((resolve) => (release = resolve));
    // A module that arrives only when the test says so, and refuses every name.
    const module = `await globalThis.validatorArrives;
      const validate = () => { validate.errors = [{ instancePath: '/name', keyword: 'pattern', params: { pattern: '^x+$' } }]; return false; };
      export default validate;`;
    const form = await fixture<FormosaForm>(html`<formosa-form locale="en" validator-src=${`data:text/javascript,${encodeURIComponent(module)}`} .definition=${showcase}></formosa-form>`);
    await waitUntil(() => form.shadowRoot!.querySelector('.step-title'), 'the first step shows while the module is on its way');
    await type(form, '/name', '林小美');
    await type(form, '/mobile', '0912345678');
    button(form, 'Continue').click();
    await aTimeout(50);
    await settle(form);
    expect(form.view).to.equal('about', 'Continue waits for the module');
    release();
    await waitUntil(() => field(form, '/name')!.error, 'the module checked the step');
    expect(form.view).to.equal('about');
    expect(field(form, '/name')!.error).to.contain('Full name');
  });

  it('checks formats and lengths with the parameters in the message', async () => {
    const form = await mount('en');
    await type(form, '/name', 'x'.repeat(21));
    await type(form, '/mobile', '12345');
    button(form, 'Continue').click();
    await settle(form);
    expect(field(form, '/name')!.error).to.equal('“Full name” must be 20 characters or fewer');
    expect(field(form, '/mobile')!.error).to.equal('Enter “Mobile phone number” as a mobile number starting with 09, like 0912345678');
  });

  it('shows the landlord section only while the citizen rents', async () => {
    const form = await mount();
    expect(field(form, '/landlordName')).to.equal(null);
    await choose(form, '/housing', 1);
    expect(field(form, '/landlordName')).to.exist;
    expect($(form, 'formosa-section')!.getAttribute('heading')).to.equal('房東資料');
    await choose(form, '/housing', 0);
    expect(field(form, '/landlordName')).to.equal(null);
  });

  async function completeFirstStep(form: FormosaForm, continueText = '繼續') {
    await type(form, '/name', '林小美');
    await type(form, '/mobile', '0912345678');
    await choose(form, '/county', 1);
    const change = oneEvent(form, FormosaStepChangeEvent.type);
    button(form, continueText).click();
    const event = (await change) as unknown as FormosaStepChangeEvent;
    expect([event.from, event.to]).to.deep.equal(['about', 'request']);
    await settle(form);
  }

  it('moves to the next step, focuses its heading, and Back returns with the answers kept', async () => {
    const form = await mount();
    await completeFirstStep(form);
    expect($(form, '.step-title')!.textContent).to.equal('申請內容');
    await waitUntil(() => deepActive() === $(form, '.step-title'), 'heading focused');
    button(form, '上一步').click();
    await settle(form);
    expect((field(form, '/name') as unknown as { value: string }).value).to.equal('林小美');
  });

  it('adds and removes entries of a repeat, moving focus into the new entry', async () => {
    const form = await mount();
    await completeFirstStep(form);
    button(form, '新增親友').click();
    await settle(form);
    await waitUntil(() => (deepActive()?.getRootNode() as ShadowRoot)?.host === field(form, '/helpers/0/name'), 'new entry focused');
    await sendKeys({ type: '王大明' });
    button(form, '新增親友').click();
    await settle(form);
    expect(form.shadowRoot!.querySelectorAll('.entry').length).to.equal(2);
    button(form, '移除親友 1').click();
    await settle(form);
    expect(form.shadowRoot!.querySelectorAll('.entry').length).to.equal(1);
    expect((field(form, '/helpers/0/name') as unknown as { value: string }).value).to.equal('');
  });

  it('reaches the review, where Change opens the step at the answer and Continue comes back', async () => {
    const form = await mount();
    await completeFirstStep(form);
    await type(form, '/alarms', '2');
    await choose(form, '/agree', 0);
    button(form, '繼續').click();
    await settle(form);
    expect($(form, '.step-title')!.textContent).to.equal('送出前請確認您的資料');
    const review = $(form, 'formosa-review')!;
    await (review as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const rows = [...review.shadowRoot!.querySelectorAll('.row')].map((r) => [r.querySelector('dt')!.textContent!.trim(), r.querySelector('dd')!.textContent!.trim()]);
    expect(rows).to.deep.include(['姓名', '林小美']);
    expect(rows).to.deep.include(['縣市', '新北市']);
    expect(rows).to.deep.include(['本人同意消防局派員到府安裝', '是']);
    const change = [...review.shadowRoot!.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === '修改手機號碼')!;
    change.click();
    await settle(form);
    await waitUntil(() => (deepActive()?.getRootNode() as ShadowRoot)?.host === field(form, '/mobile'), 'the answer to change is focused');
    button(form, '繼續').click();
    await settle(form);
    expect($(form, '.step-title')!.textContent).to.equal('送出前請確認您的資料');
  });

  it('marks every text shown in a fallback language with its lang, errors and repeat texts included', async () => {
    // Written in Chinese and English only; shown in Vietnamese, so every text of the definition falls back to English.
    const both = (zh: string, en: string) => ({ 'zh-Hant-TW': zh, en });
    const definition = {
      formatVersion: 1, id: 'fallback-marks', version: '1.0.0', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'],
      title: both('標記測試', 'Marking test'),
      schema: {
        type: 'object', required: ['name'],
        properties: { name: { type: 'string' }, code: { type: 'string' }, people: { type: 'array', items: { type: 'object', properties: { who: { type: 'string' } } } } },
      },
      steps: [{
        id: 'one', title: both('第一步', 'Step one'), description: both('說明', 'What this step is about'),
        items: [
          { content: 'intro', text: both('請先閱讀', 'Please read this first') },
          {
            section: 'you', title: both('您', 'About you'), description: both('關於您', 'Tell us who you are'),
            items: [
              { field: '/name', label: both('姓名', 'Your name'), hint: both('同證件', 'As on your ID card'), errors: { required: both('請寫姓名', 'Tell us your name') } },
              { field: '/code', label: both('代碼', 'Your code'), checks: [{ assert: { '==': [{ var: '/code' }, 'ok'] }, message: both('代碼不對', 'That code is not right') }] },
            ],
          },
          {
            repeat: '/people', title: both('同住者', 'People living with you'), description: both('每人一筆', 'One entry per person'),
            itemTitle: both('第 {number} 位', 'Person {number}'), addLabel: both('新增', 'Add a person'),
            items: [{ field: 'who', label: both('是誰', 'Who') }],
          },
        ],
      }],
      submission: { endpoint: '/nowhere/submissions' },
    };
    const form = await mount('vi', definition);
    await type(form, '/code', 'no');
    button(form, 'Add a person').click();
    await settle(form);
    button(form, 'Tiếp tục').click();
    await settle(form);

    /** Every text node of the form, through shadow roots, with the language it is read in. */
    const texts: { text: string; lang: string | null }[] = [];
    const langOf = (node: Node): string | null => {
      for (let n: Node | null = node; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) if (n instanceof Element && n.getAttribute('lang')) return n.getAttribute('lang');
      return null;
    };
    const visit = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) texts.push({ text: node.textContent!.trim(), lang: langOf(node) });
      if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
      node.childNodes.forEach(visit);
    };
    visit(form.shadowRoot!);
    const english = JSON.stringify(definition).match(/"en":"[^"]*"/g)!.map((m) => m.slice(6, -1).replace('{number}', '1'));
    const shown = english.filter((text) => texts.some((t) => t.text === text));
    // Everything but the title (on the page's caption) and the field in the repeat is on screen, errors included.
    expect(shown).to.include.members(['Step one', 'What this step is about', 'Please read this first', 'About you', 'Tell us who you are',
      'Your name', 'As on your ID card', 'Tell us your name', 'That code is not right', 'People living with you', 'One entry per person', 'Person 1', 'Add a person']);
    expect(texts.filter((t) => english.includes(t.text) && t.lang !== 'en')).to.deep.equal([]);
    expect(texts.find((t) => t.text === 'Tiếp tục')!.lang).to.equal('vi');
  });

  it('switching language mid-form keeps every answer and the errors, now in the new language', async () => {
    const form = await mount();
    await type(form, '/name', '林小美');
    button(form, '繼續').click();
    await settle(form);
    form.locale = 'en';
    await settle(form);
    expect($(form, '.step-title')!.textContent).to.equal('About you');
    expect((field(form, '/name') as unknown as { value: string }).value).to.equal('林小美');
    expect(field(form, '/mobile')!.error).to.equal('Enter “Mobile phone number”');
    expect(button(form, 'Continue')).to.exist;
  });

  it('Enter in a one-line answer continues, but not while an input method is composing', async () => {
    const form = await mount();
    const input = field(form, '/name')!.shadowRoot!.querySelector('input')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, isComposing: true }));
    await settle(form);
    expect(form.shadowRoot!.querySelector('formosa-error-summary')!.hasAttribute('hidden')).to.equal(true, 'composition Enter ignored');
    input.focus();
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect((form.shadowRoot!.querySelector('formosa-error-summary') as unknown as { errors: unknown[] }).errors.length).to.equal(3);
  });

  it('a broken definition shows a readable list of problems, each with its path and line, and an error event', async () => {
    const text = '{\n  "formatVersion": 1,\n  "id": "Broken Form",\n  "steps": []\n}';
    const errorEvent = new Promise<FormosaErrorEvent>((resolve) => document.addEventListener(FormosaErrorEvent.type, (e) => resolve(e as FormosaErrorEvent), { once: true }));
    const form = await mount('en', text);
    const box = $(form, '.definition-error')!;
    expect(box.getAttribute('role')).to.equal('alert');
    const items = [...box.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.include('/id (line 3, column 3): "Broken Form" is not in the expected form — Identifier of the form, used in URLs: lower-case letters, digits and hyphens.');
    expect(items).to.include('/steps (line 4, column 3): must have at least 1 item');
    expect(items.some((i) => i.includes('missing required property "title"'))).to.equal(true);
    const event = await errorEvent;
    expect(event.kind).to.equal('definition');
    expect(event.detail.problems!.length).to.equal(items.length);
  });

  it('a dropped connection at submit keeps the application waiting to be sent, says so, and every answer stays', async () => {
    const offline = { ...showcase, submission: { endpoint: 'http://127.0.0.1:9/unreachable' } };
    const form = await mount('en', offline, { submitter: { backoff: 60_000 }, endpointOrigins: 'http://127.0.0.1:9' });
    await completeFirstStep(form, 'Continue');
    await type(form, '/alarms', '1');
    await choose(form, '/agree', 0);
    button(form, 'Continue').click();
    await settle(form);
    const waiting = new Promise<FormosaOutboxEvent>((resolve) => form.addEventListener(FormosaOutboxEvent.type, (e) => e.detail.attempts > 0 && resolve(e)));
    button(form, 'Send application').click();
    const event = await waiting;
    expect(event.state).to.equal('queued');
    await waitUntil(() => $(form, '.notice'), 'the waiting message');
    expect($(form, '.notice')!.textContent).to.contain('will be sent automatically as soon as possible, even if you close this page');
    expect(form.view).to.equal('submitting');
    expect((form.data as Record<string, unknown>)['name']).to.equal('林小美');
    button(form, 'Change my answers').click();
    await settle(form);
    expect(form.view).to.equal('review');
    expect((form.data as Record<string, unknown>)['name']).to.equal('林小美');
  });
});

describe('formosa-form: drafts', () => {
  it('keeps a draft on this device for draft-days after its last change (30 by default)', async () => {
    const form = await fixture<FormosaForm>(html`<formosa-form locale="en" draft-days="7" draft-key="kept-a-week" .definition=${showcase}></formosa-form>`);
    await waitUntil(() => form.shadowRoot!.querySelector('.step-title'), 'form rendered');
    await type(form, '/name', '林小美');
    await waitUntil(() => form.shadowRoot!.querySelector('.save-status')?.textContent?.startsWith('Saved on this device'), 'saved');
    const draft = await (await pageDevice()).drafts!.load('kept-a-week');
    expect(draft!.answers['name']).to.equal('林小美');
    expect(Math.round((draft!.expiresAt - draft!.savedAt) / 86_400_000)).to.equal(7);
  });
});

describe('formosa-form: a failed submission on a phone', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('is seen and heard where the citizen pressed Send: the message by the button, focused, on screen', async () => {
    await setViewport({ width: 390, height: 420 });
    const offline = { ...showcase, submission: { endpoint: 'http://127.0.0.1:9/unreachable' } };
    const form = await mount('en', offline, { submitter: { backoff: 60_000 }, endpointOrigins: 'http://127.0.0.1:9' });
    await type(form, '/name', '林小美');
    await type(form, '/mobile', '0912345678');
    await choose(form, '/county', 1);
    button(form, 'Continue').click();
    await settle(form);
    await type(form, '/alarms', '1');
    await choose(form, '/agree', 0);
    button(form, 'Continue').click();
    await settle(form);
    const send = button(form, 'Send application');
    send.scrollIntoView({ block: 'end' });
    send.focus();
    const waiting = new Promise((resolve) => form.addEventListener(FormosaOutboxEvent.type, (e) => e.detail.attempts > 0 && resolve(e)));
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect((deepActive()!.getRootNode() as ShadowRoot | Document) === form.shadowRoot && deepActive()!.tagName, 'focus stays on the button while sending').to.equal('BUTTON');
    await waiting;
    await waitUntil(() => $(form, '.notice'), 'the waiting message');
    const notice = $(form, '.notice')!;
    await waitUntil(() => deepActive() === notice, 'the message takes focus');
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain('will be sent automatically');
    const box = notice.getBoundingClientRect();
    expect(box.top >= 0 && box.bottom <= window.innerHeight, `on screen (${Math.round(box.top)}–${Math.round(box.bottom)} of ${window.innerHeight})`).to.equal(true);
    expect(notice.compareDocumentPosition($(form, '.nav button.primary')!) & Node.DOCUMENT_POSITION_FOLLOWING, 'right before the button').to.not.equal(0);
    expect((form.data as Record<string, unknown>)['name']).to.equal('林小美');
  });
});

describe('formosa-form with a date in the ROC calendar', () => {
  const T = (zh: string, en: string) => ({ 'zh-Hant-TW': zh, en });
  const roc = {
    formatVersion: 1, id: 'roc-date', version: '1', defaultLocale: 'zh-Hant-TW', locales: ['zh-Hant-TW', 'en'], title: T('日期', 'Date'),
    schema: { type: 'object', required: ['born'], properties: { born: { type: 'string', format: 'date' } } },
    steps: [{ id: 'one', title: T('出生', 'Birth'), items: [{ field: '/born', label: T('出生日期', 'Date of birth'), calendar: 'roc' }] }],
    submission: { endpoint: '/x' },
  };

  async function typeRoc(form: FormosaForm, year: string, month: string, day: string) {
    const boxes = field(form, '/born')!.shadowRoot!.querySelectorAll('input');
    boxes[0]!.focus();
    await sendKeys({ type: year });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: month });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: day });
    await settle(form);
  }

  it('stores 民國 113 年 5 月 2 日 as 2024-05-02 and shows it back as 民國 on the review', async () => {
    const form = await mount('zh-Hant-TW', roc);
    await typeRoc(form, '113', '5', '2');
    expect((form.data as Record<string, unknown>)['born']).to.equal('2024-05-02');
    button(form, '繼續').click();
    await settle(form);
    const review = $(form, 'formosa-review')!;
    await (review as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(review.shadowRoot!.querySelector('dd')!.textContent!.trim()).to.equal('民國113年5月2日');
    [...review.shadowRoot!.querySelectorAll('button')][0]!.click();
    await settle(form);
    const boxes = [...field(form, '/born')!.shadowRoot!.querySelectorAll('input')].map((b) => b.value);
    expect(boxes).to.deep.equal(['113', '5', '2']);
  });

  it('refuses a year outside 民國 1–200 with a message that says the range, and names an incomplete date', async () => {
    const form = await mount('zh-Hant-TW', roc);
    await typeRoc(form, '2024', '5', '2');
    button(form, '繼續').click();
    await settle(form);
    expect(field(form, '/born')!.error).to.equal('「出生日期」的民國年份須介於 1 到 200 年之間（例如西元 2024 年是民國 113 年）');
    form.locale = 'en';
    await waitUntil(() => $(form, '.step-title')!.textContent === 'Birth');
    expect(field(form, '/born')!.error).to.equal('“Date of birth”: the ROC year must be between 1 and 200 (2024 is ROC year 113)');
    await form.discardDraft(); // a fresh application, not this one's answers brought back
    form.remove();
    const mounted = await mount('zh-Hant-TW', roc);
    await typeRoc(mounted, '113', '', '2');
    button(mounted, '繼續').click();
    await settle(mounted);
    expect(field(mounted, '/born')!.error).to.equal('「出生日期」請填寫完整的年、月、日');
  });
});
