// The accessibility contract: axe-core, every WCAG 2.0/2.1/2.2 A and AA rule (colour contrast included), reports
// nothing on any view of any example form — each step empty and with its errors shown, the review and the
// receipt — in every interface language, in the default and the senior theme. And at 320 px wide (400% zoom)
// no step scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { FormEngine } from '@formosa/engine';
import { loadTranslator, SUPPORTED_LOCALES } from '@formosa/i18n';
import { STRICT_CSP, type RunningServer } from '@formosa/server';
import { example, typedAnswers as answers } from '../fixtures.js';
import { answer, close, launch, open, serve, stepTitle, violations } from './browser.js';

const FORMS = ['rent-subsidy', 'smoke-alarm-subsidy'];
let server: RunningServer;

before(async () => {
  await launch();
  server = await serve(STRICT_CSP);
});
after(async () => {
  await server?.close();
  await close();
});

const press = (page: Page, text: string) =>
  page.evaluate((t) => [...document.querySelector('formosa-form')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === t)!.click(), text);

const waitForTitleChange = (page: Page, previous: string) =>
  page.waitForFunction((title) => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.step-title')?.textContent !== title, { timeout: 5000 }, previous);

/** Walks a form through every view, calling `check` at each; returns what the checks found. */
async function walk(page: Page, name: string, locale: string, check: (view: string) => Promise<string[]>): Promise<string[]> {
  const t = await loadTranslator(locale);
  const engine = new FormEngine(example(name));
  const all = answers(name);
  const found: string[] = [];
  await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
  for (const step of [...new Set(all.map(([path]) => engine.stepOf(path)))]) {
    found.push(...(await check(`${step}`)));
    await press(page, t.message('nav.continue'));
    await page.waitForFunction(() => (document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-error-summary') as unknown as { errors: unknown[] }).errors.length > 0);
    found.push(...(await check(`${step} with errors`)));
    for (const [path, value] of all.filter(([p]) => engine.stepOf(p) === step)) await answer(page, path, value);
    const previous = await stepTitle(page);
    await press(page, t.message('nav.continue'));
    await waitForTitleChange(page, previous);
  }
  found.push(...(await check('review')));
  await press(page, t.message('nav.submit'));
  await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt'), { timeout: 10_000 });
  found.push(...(await check('receipt')));
  return found;
}

test('the harness sees what it should: a low-contrast text and an unlabelled input planted in the page are reported', async () => {
  const { page } = await open(`${server.url}/form.html?id=smoke-alarm-subsidy&lang=en`);
  await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
  await page.evaluate(() => {
    // (Built with DOM calls: the page enforces Trusted Types, so innerHTML is refused.)
    const faint = document.createElement('p');
    faint.textContent = 'faint text';
    faint.style.color = '#bbb';
    faint.style.background = '#fff';
    const unlabelled = document.createElement('input');
    document.querySelector('main')!.append(faint, unlabelled);
    // Also inside the form's shadow root, where the SDK's own elements live.
    const field = document.querySelector('formosa-form')!.shadowRoot!.querySelector('[data-path]')!;
    field.shadowRoot!.querySelector('label')!.remove();
  });
  const found = await violations(page, 'canary');
  assert.ok(found.some((v) => v.includes('color-contrast')), found.join('\n'));
  assert.ok(found.some((v) => v.includes('label')), found.join('\n'));
  assert.ok(found.some((v) => v.includes('[["#form"')), `violations inside shadow roots are found too:\n${found.join('\n')}`);
  await page.close();
});

for (const name of FORMS) {
  for (const theme of ['default', 'senior']) {
    test(`axe finds no WCAG 2.2 A/AA violation in ${name}, ${theme} theme, in all ${SUPPORTED_LOCALES.length} languages`, async () => {
      const found: string[] = [];
      for (const locale of SUPPORTED_LOCALES) {
        const { page, problems } = await open(`${server.url}/form.html?id=${name}&lang=${locale}`);
        await page.evaluate((th) => document.querySelector('formosa-form')!.setAttribute('theme', th), theme);
        found.push(...(await walk(page, name, locale, (view) => violations(page, `${locale} ${view}`))));
        assert.deepEqual(problems, []);
        await page.close();
      }
      assert.deepEqual(found, []);
    });
  }

  test(`at 320 px wide (400% zoom) no view of ${name} scrolls sideways, in both themes`, async () => {
    for (const theme of ['default', 'senior']) {
      const { page } = await open(`${server.url}/form.html?id=${name}&lang=vi`);
      await page.setViewport({ width: 320, height: 800 });
      await page.evaluate((th) => document.querySelector('formosa-form')!.setAttribute('theme', th), theme);
      const found = await walk(page, name, 'vi', async (view) => {
        const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        return scroll > width ? [`${theme} ${view}: ${scroll}px of content in ${width}px`] : [];
      });
      assert.deepEqual(found, []);
      await page.close();
    }
  });
}

test('in forced-colours mode focus stays visible; printed, the review and the receipt drop the controls and keep the QR code', async () => {
  const { page } = await open(`${server.url}/form.html?id=smoke-alarm-subsidy&lang=zh-Hant-TW`);
  // (Through the DevTools protocol: puppeteer's helper does not list forced-colors.)
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
  const focusStyle = async () => {
    await page.keyboard.press('Tab');
    return page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const style = getComputedStyle(active!);
      return { tag: active!.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
  };
  for (let i = 0; i < 8; i++) {
    const style = await focusStyle();
    if (['INPUT', 'SELECT', 'BUTTON'].includes(style.tag)) {
      assert.notEqual(style.outline, 'none', `${style.tag} focus visible in forced colours`);
      assert.ok(style.width >= 2);
    }
  }
  await cdp.send('Emulation.setEmulatedMedia', { features: [] });
  const found = await walk(page, 'smoke-alarm-subsidy', 'zh-Hant-TW', async (view) => {
    if (view !== 'review' && view !== 'receipt') return [];
    if (view === 'receipt') await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt')!.shadowRoot!.querySelector('svg.qr'), { timeout: 5000 });
    await page.emulateMediaType('print');
    const shown = await page.evaluate(() => {
      // (No named helpers in here: the test's compiler would wrap them with a function the page does not have.)
      const form = document.querySelector('formosa-form')!.shadowRoot!;
      const receipt = form.querySelector('formosa-receipt')?.shadowRoot;
      const [nav, stepper, changeLinks, printButton, qr] = [
        form.querySelector('.nav'), form.querySelector('formosa-stepper'), form.querySelector('formosa-review')?.shadowRoot?.querySelector('.actions'),
        receipt?.querySelector('.print'), receipt?.querySelector('svg.qr'),
      ].map((el) => Boolean(el) && getComputedStyle(el!).display !== 'none');
      return { nav, stepper, changeLinks, printButton, qr };
    });
    await page.emulateMediaType('screen');
    return view === 'review'
      ? [shown.nav && 'review: buttons printed', shown.stepper && 'review: stepper printed', shown.changeLinks && 'review: change links printed'].filter((x): x is string => Boolean(x))
      : [shown.printButton && 'receipt: print button printed', !shown.qr && 'receipt: QR code not printed'].filter((x): x is string => Boolean(x));
  });
  assert.deepEqual(found, []);
  await page.close();
});
