// Shared by the end-to-end tests: the reference server with the demo, an instrumented page, and a citizen's keyboard.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startServer, type RunningServer, type ServerOptions } from '@formosa/server';
import { findChromium, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { fixtureFile } from '../fixtures.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
let browser: Browser | undefined;

/** Launches Chromium once per test file. */
export async function launch(): Promise<Browser> {
  assert.ok(existsSync(join(root, 'dist/formosa.min.js')), 'run `npm run build` first (npm test does)');
  const chromium = await findChromium();
  browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS });
  return browser;
}

export const close = () => browser?.close();

export async function serve(csp: string, more: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    ...more,
    formsDir: join(root, 'examples/forms'),
    database: join(mkdtempSync(join(tmpdir(), 'formosa-e2e-')), 'demo.sqlite'),
    staticDirs: [{ prefix: '/dist/', dir: join(root, 'dist') }, { prefix: '/', dir: join(root, 'examples/site') }],
    csp,
  });
}

/**
 * Opens a page, on a fresh device, that records every CSP violation, uncaught error, console error and warning;
 * `prepare` runs before the page does (e.g. `evaluateOnNewDocument`).
 */
export async function open(url: string, prepare?: (page: Page) => Promise<unknown>): Promise<{ page: Page; problems: string[] }> {
  // A device of its own (an empty browser context): no draft of an earlier test is brought back.
  const context = await browser!.createBrowserContext();
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => undefined));
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await prepare?.(page);
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, problems };
}

/**
 * Answers one question the way a keyboard user does: focus the control, then type (text, dates) or press Space
 * (radio, checkbox); a drop-down gets its option chosen and a native change event.
 */
export async function answer(page: Page, path: string, value: unknown): Promise<void> {
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
      if (host.tagName === 'FORMOSA-FILE-FIELD') {
        host.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!.focus();
        return 'file';
      }
      const radios = host.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
      if (radios.length) {
        radios[host.options!.findIndex((o) => o.value === v)]!.focus();
        return 'press';
      }
      const input = host.shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!;
      input.focus();
      if (host.shadowRoot!.querySelectorAll('input').length === 3) return host.getAttribute('calendar') === 'roc' ? 'roc' : 'parts';
      return input.type === 'checkbox' ? 'press' : input.type === 'date' ? 'date' : 'type';
    },
    path,
    value,
  );
  assert.ok(kind, `no field ${path} on this step`);
  if (kind === 'file') await chooseFile(page, path, value);
  else if (kind === 'press') await page.keyboard.press('Space');
  else if (kind === 'roc' || kind === 'parts') {
    // Year, month and day, in three boxes; a 民國 year is typed as such: 1990-05-02 is 79, 5, 2.
    const [y, m, d] = String(value).split('-').map(Number) as [number, number, number];
    await page.keyboard.type(String(kind === 'roc' ? y - 1911 : y));
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

export async function clickButton(page: Page, text: string): Promise<void> {
  const clicked = await page.evaluate((t) => {
    const button = [...document.querySelector('formosa-form')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === t);
    button?.click();
    return Boolean(button);
  }, text);
  assert.ok(clicked, `no button "${text}"`);
}

export const shownErrors = (page: Page) =>
  page.evaluate(() => [...document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-error-summary')!.shadowRoot!.querySelectorAll('a')].map((a) => a.textContent!.trim()).join(' | '));

export const stepTitle = (page: Page) => page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.step-title')?.textContent ?? '');

/** Waits for the form to leave the view titled `previous`; fails with the errors shown when it stays. */
export async function leftView(page: Page, previous: string): Promise<void> {
  await page
    .waitForFunction((title) => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.step-title')?.textContent !== title, { timeout: 5000 }, previous)
    .catch(async () => assert.fail(`stuck on "${previous}" with errors: ${await shownErrors(page)}`));
}

/** Presses the form's `button` (Continue, Send…) and waits for the next view. */
export async function moveOn(page: Page, button: string): Promise<void> {
  const previous = await stepTitle(page);
  await clickButton(page, button);
  await leftView(page, previous);
}


/**
 * Picks a fixture file in the focused file input the way a keyboard user does (Space opens the chooser), then
 * waits until the upload is listed.
 */
export async function chooseFile(page: Page, path: string, value: unknown): Promise<void> {
  const file = fixtureFile(value);
  assert.ok(file, `${path}: a file answer is written "@file:<name>"`);
  const chosen = page.waitForFileChooser({ timeout: 5000 });
  // Puppeteer turns on file-chooser interception with a message it does not wait for; a key press can reach the
  // page first, and the chooser then opens unseen (puppeteer#6040). A round trip on the same session settles it.
  await page.evaluate(() => 0);
  await page.keyboard.press('Space');
  const chooser = await chosen;
  await chooser.accept([file]);
  await page.waitForFunction(
    (p) => ((document.querySelector('formosa-form')!.shadowRoot!.querySelector(`[data-path="${p}"]`) as unknown as { value: unknown[] }).value ?? []).length > 0,
    { timeout: 10_000 },
    path,
  );
}

const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA, colour contrast included. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on the page as `rule: target` lines (axe is injected over the DevTools protocol, not as a page script). */
export async function violations(page: Page, view: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`))),
    TAGS,
  );
  return found.map((line) => `${view} — ${line}`);
}
