// Switching language mid-form, in Chromium: every label, hint, option and error follows; nothing is lost;
// a language's interface texts are downloaded only when it is chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { FormEngine, fieldOptions, type Data, type FieldError } from '@formosa/engine';
import { loadTranslator } from '@formosa/i18n';
import { STRICT_CSP } from '@formosa/server';
import { example, typedAnswers as answers } from '../fixtures.js';
import { answer, clickButton, close, launch, open, serve, stepTitle } from './browser.js';

before(launch);
after(close);

const definition = example('rent-subsidy');
const engine = new FormEngine(definition);

const shownFields = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelector('formosa-form')!.shadowRoot!.querySelectorAll<HTMLElement & { label: string; labelLang?: string; hint?: string; error: string; errorLang?: string; options?: { label: string }[] }>('[data-path]')]
      .filter((el) => el.tagName.startsWith('FORMOSA-'))
      .map((el) => ({ path: el.dataset['path']!, label: el.label, labelLang: el.labelLang ?? null, hint: el.hint ?? null, error: el.error, errorLang: el.errorLang ?? null, options: (el.options ?? []).map((o) => o.label) })),
  );

const formData = (page: Page) => page.evaluate(() => (document.querySelector('formosa-form') as HTMLElement & { data: unknown }).data);
const formView = (page: Page) => page.evaluate(() => (document.querySelector('formosa-form') as HTMLElement & { view: string }).view);

/** Chooses a language in the page's switcher, as a citizen does, and waits for the form to show it. */
async function switchTo(page: Page, locale: string, title: string): Promise<void> {
  const button = await page.waitForSelector(`pierce/button[lang="${locale}"]`);
  await button!.click();
  // The form's own lang too: Thai shows the same (English fallback) step title as English does.
  await page.waitForFunction(
    (t, l) => {
      const root = document.querySelector('formosa-form')!.shadowRoot!;
      return root.querySelector('.form')?.getAttribute('lang') === l && root.querySelector('.step-title')?.textContent === t;
    },
    { timeout: 5000 },
    title,
    locale,
  );
}

/** Checks every field on screen against the definition's texts and the SDK's messages in `locale`. */
async function expectAllIn(page: Page, locale: string, errors: readonly FieldError[]): Promise<void> {
  const t = await loadTranslator(locale);
  const fields = await shownFields(page);
  const values = await page.evaluate(() => (document.querySelector('formosa-form') as unknown as { persistedSnapshot(): { context: { form: { values: Data } } } }).persistedSnapshot().context.form.values);
  assert.ok(fields.length > 3);
  for (const field of fields) {
    const info = engine.model.field(field.path)!;
    const item = info.item;
    const label = t.text(item.label);
    assert.equal(field.label, label.text, `${locale} label of ${field.path}`);
    assert.equal(field.labelLang, label.lang === locale ? null : label.lang, `${locale} lang mark of ${field.path}`);
    if (item.hint) assert.equal(field.hint, t.text(item.hint).text, `${locale} hint of ${field.path}`);
    const options = fieldOptions(definition, item, engine.readerFor(values, field.path));
    assert.deepEqual(field.options, (options ?? []).map((o) => t.text(o.label).text), `${locale} options of ${field.path}`);
    const error = errors.find((e) => e.path === field.path);
    const kind = item.widget === 'select' || item.widget === 'radio' || options ? 'choice' : typeof info.schema['type'] === 'string' && info.schema['type'] === 'boolean' ? 'check' : 'text';
    const message = error ? t.error(error, label.text, item, kind) : undefined;
    assert.equal(field.error, message?.text ?? '', `${locale} error of ${field.path}`);
    assert.equal(field.errorLang, (message && t.fallbackLang(message)) ?? null, `${locale} lang mark of the error of ${field.path}`);
  }
  const continueText = t.message('nav.continue');
  assert.ok(await page.evaluate((text) => [...document.querySelector('formosa-form')!.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent!.trim() === text), continueText), `${locale} buttons`);
}

test('half the form in Chinese, then Vietnamese, then English: every text follows, nothing is lost, only chosen packs are downloaded', async () => {
  const server = await serve(STRICT_CSP);
  try {
    const { page, problems } = await open(`${server.url}/form.html?id=rent-subsidy&lang=zh-Hant-TW`);
    const packs: string[] = [];
    page.on('request', (request) => {
      const match = /\/locales\/([\w-]+)\.json$/.exec(request.url());
      if (match) packs.push(match[1]!);
    });
    await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
    // In Chinese: the first two steps answered, the third half answered, then Continue to show its errors.
    const all = answers('rent-subsidy');
    for (const step of ['applicant', 'household']) {
      for (const [path, value] of all.filter(([p]) => engine.stepOf(p) === step)) await answer(page, path, value);
      const previous = await stepTitle(page);
      await clickButton(page, '繼續');
      await page.waitForFunction((title) => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.step-title')?.textContent !== title, {}, previous);
    }
    const rental = all.filter(([p]) => engine.stepOf(p) === 'rental');
    for (const [path, value] of rental.slice(0, 4)) await answer(page, path, value);
    await answer(page, '/rental/monthlyRent', 'about 12000');
    await clickButton(page, '繼續');
    await page.waitForFunction(() => (document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-error-summary') as unknown as { errors: unknown[] }).errors.length > 0);
    const before = await formData(page);
    const view = await formView(page);
    assert.equal(view, 'rental');
    const errors = await page.evaluate(() => (document.querySelector('formosa-form') as unknown as { persistedSnapshot(): { context: { errors: FieldError[] } } }).persistedSnapshot().context.errors);
    assert.ok(errors.some((e) => e.code === 'type') && errors.some((e) => e.code === 'required'), 'a type error and missing answers are on screen');
    assert.deepEqual(packs, [], 'Chinese is bundled: no pack downloaded');

    await switchTo(page, 'vi', definition.steps[2]!.title['vi']!);
    await expectAllIn(page, 'vi', errors);
    assert.deepEqual(await formData(page), before, 'every answer kept');
    assert.equal(await formView(page), 'rental', 'same step');

    await switchTo(page, 'en', definition.steps[2]!.title['en']!);
    await expectAllIn(page, 'en', errors);
    assert.deepEqual(await formData(page), before);

    // Thai interface texts exist, the form's own texts do not: they fall back to English, marked lang="en".
    await switchTo(page, 'th', definition.steps[2]!.title['en']!);
    await expectAllIn(page, 'th', errors);
    const marked = await shownFields(page);
    assert.ok(marked.every((f) => f.labelLang === 'en'), 'fallback texts carry their language');

    assert.deepEqual(packs.sort(), ['en', 'th', 'vi'], 'only the chosen languages were downloaded, each once');
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
});

test('the demo site keeps the citizen\'s language over a reload, and speaks it in its own texts too', async () => {
  const server = await serve(STRICT_CSP);
  try {
    const { page, problems } = await open(`${server.url}/form.html?id=smoke-alarm-subsidy&lang=zh-Hant-TW`);
    await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
    const vi = example('smoke-alarm-subsidy').steps[0]!.title['vi']!;
    await switchTo(page, 'vi', vi);
    const siteTexts = () => page.evaluate(() => ({ lang: document.documentElement.lang, back: document.querySelector('.back')!.textContent, skip: document.querySelector('.skip')!.textContent }));
    assert.deepEqual(await siteTexts(), { lang: 'vi', back: 'Tất cả dịch vụ', skip: 'Chuyển đến nội dung chính' });
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForFunction((t) => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title')?.textContent === t, { timeout: 5000 }, vi);
    assert.deepEqual(await siteTexts(), { lang: 'vi', back: 'Tất cả dịch vụ', skip: 'Chuyển đến nội dung chính' });
    // The service list it leads back to is in Vietnamese as well.
    await page.click('.back');
    await page.waitForFunction(() => document.querySelectorAll('#services li').length > 0);
    assert.equal(await page.evaluate(() => document.querySelector('h1')!.textContent), 'Dịch vụ trực tuyến');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await server.close();
  }
});
