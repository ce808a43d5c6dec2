// The demo, end to end: the built bundle, the reference server, SQLite, real Chromium, under a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FormEngine } from '@formosa/engine';
import { startServer, STRICT_CSP, type RunningServer } from '@formosa/server';
import { findChromium, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { answers, example } from '../fixtures.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ISSUE_CSP = "default-src 'self'; script-src 'self'";
let browser: Browser;

before(async () => {
  assert.ok(existsSync(join(root, 'dist/formosa.min.js')), 'run `npm run build` first (npm test does)');
  const chromium = await findChromium();
  browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS });
});
after(() => browser?.close());

async function serve(csp: string): Promise<RunningServer> {
  return startServer({
    formsDir: join(root, 'examples/forms'),
    database: join(mkdtempSync(join(tmpdir(), 'formosa-e2e-')), 'demo.sqlite'),
    staticDirs: [{ prefix: '/dist/', dir: join(root, 'dist') }, { prefix: '/', dir: join(root, 'examples/site') }],
    csp,
  });
}

/** Opens a page that records every CSP violation and uncaught error. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, problems };
}

/**
 * Answers one question the way a keyboard user does: focus the control, then type (text, dates) or press Space
 * (radio, checkbox); a drop-down gets its option chosen and a native change event.
 */
async function answer(page: Page, path: string, value: unknown): Promise<void> {
  const kind = await page.evaluate(
    (p, v) => {
      const host = document.querySelector('formosa-form')!.shadowRoot!.querySelector(`[data-path="${p}"]`) as (HTMLElement & { options?: { value: unknown }[] }) | null;
      if (!host) return undefined;
      const select = host.shadowRoot!.querySelector('select');
      if (select) {
        select.value = String(host.options!.findIndex((o) => o.value === v));
        select.dispatchEvent(new Event('change'));
        return 'select';
      }
      const radios = host.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
      if (radios.length) {
        radios[host.options!.findIndex((o) => o.value === v)]!.focus();
        return 'press';
      }
      const input = host.shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!;
      input.focus();
      if (host.getAttribute('calendar') === 'roc') return 'roc';
      return input.type === 'checkbox' ? 'press' : input.type === 'date' ? 'date' : 'type';
    },
    path,
    value,
  );
  assert.ok(kind, `no field ${path} on this step`);
  if (kind === 'press') await page.keyboard.press('Space');
  else if (kind === 'roc') {
    // 民國 year, month and day, in three boxes: 1990-05-02 is typed as 79, 5, 2.
    const [y, m, d] = String(value).split('-').map(Number) as [number, number, number];
    await page.keyboard.type(String(y - 1911));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(m));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(d));
  }
  else if (kind === 'date') {
    const [y, m, d] = String(value).split('-');
    await page.keyboard.type(`${m}${d}${y}`);
  } else if (kind === 'type') await page.keyboard.type(String(value));
}

async function clickButton(page: Page, text: string): Promise<void> {
  const clicked = await page.evaluate((t) => {
    const button = [...document.querySelector('formosa-form')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === t);
    button?.click();
    return Boolean(button);
  }, text);
  assert.ok(clicked, `no button "${text}"`);
}

const shownErrors = (page: Page) =>
  page.evaluate(() => [...document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-error-summary')!.shadowRoot!.querySelectorAll('a')].map((a) => a.textContent!.trim()).join(' | '));

const stepTitle = (page: Page) => page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.step-title')?.textContent ?? '');

for (const [name, csp] of [['the issue\'s CSP (default-src \'self\'; script-src \'self\')', ISSUE_CSP], ['the stricter default CSP with Trusted Types', STRICT_CSP]] as const) {
  test(`a citizen completes and submits the rent-subsidy application in Chromium under ${name}`, async () => {
    const server = await serve(csp);
    try {
      const { page, problems } = await open(`${server.url}/form.html?id=rent-subsidy&lang=zh-Hant-TW`);
      // Prove the policy is in force: an inline script injected into the page must not run.
      const inlineRan = await page.evaluate(() => {
        const script = document.createElement('script');
        try {
          script.textContent = 'window.__inlineRan = true';
          document.head.append(script);
        } catch {
          // Trusted Types refuse the assignment itself.
        }
        return (window as Window & { __inlineRan?: boolean }).__inlineRan === true;
      });
      assert.equal(inlineRan, false, 'inline script blocked by the CSP');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(problems.some((p) => p.includes('CSP violation')), 'the probe was reported as a violation');
      problems.length = 0;
      await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
      const engine = new FormEngine(example('rent-subsidy'));
      const all = answers('rent-subsidy');
      const steps = [...new Set(all.map(([path]) => engine.stepOf(path)))];
      for (const step of steps) {
        for (const [path, value] of all.filter(([p]) => engine.stepOf(p) === step)) await answer(page, path, value);
        const previous = await stepTitle(page);
        await clickButton(page, '繼續');
        await page
          .waitForFunction((title) => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.step-title')?.textContent !== title, { timeout: 5000 }, previous)
          .catch(async () => assert.fail(`stuck on "${previous}" with errors: ${await shownErrors(page)}`));
      }
      assert.equal(await stepTitle(page), '送出前請確認您的資料');
      const submitted = page.evaluate(() => new Promise<{ id: string; receipt: string }>((resolve) => document.addEventListener('formosa-submit', (e) => resolve((e as Event & { receipt: { id: string; receipt: string } }).receipt))));
      await clickButton(page, '確認送出');
      const receipt = await submitted;
      await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt'));
      const shown = await page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt')!.shadowRoot!.querySelector('.number')!.textContent);
      assert.equal(shown, receipt.receipt);
      const stored = await (await fetch(`${server.url}/api/forms/rent-subsidy/submissions/${receipt.id}`)).json();
      assert.equal(stored.receipt, receipt.receipt);
      assert.equal(stored.data.applicant.nationalId, 'A123456789');
      assert.equal(stored.data.rental.monthlyRent, 12000);
      assert.equal(server.store.count('rent-subsidy'), 1);
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await server.close();
    }
  });
}
