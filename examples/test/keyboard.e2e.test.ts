// Keyboard only, like a citizen who cannot use a mouse: every example form is completed and submitted with Tab,
// typing, Space, arrow keys and Enter — no clicks, no focus() calls, no values set by script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { FormEngine } from '@formosa/engine';
import { STRICT_CSP } from '@formosa/server';
import { example, typedAnswers as answers } from '../fixtures.js';
import { chooseFile, close, launch, leftView, open, serve, stepTitle } from './browser.js';

before(launch);
after(close);

/** What has focus now, looking through shadow roots (read only: the page is driven by keys alone). */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const host = (active?.getRootNode() as ShadowRoot | Document) instanceof ShadowRoot ? ((active!.getRootNode() as ShadowRoot).host as HTMLElement & { options?: { value: unknown }[] }) : undefined;
    const input = active as HTMLInputElement | null;
    return {
      tag: active?.tagName ?? '',
      type: input?.type ?? '',
      id: active?.id ?? '',
      text: active?.tagName === 'BUTTON' ? active.textContent!.trim() : '',
      path: host?.dataset['path'],
      calendar: host?.getAttribute('calendar') ?? undefined,
      options: host?.options?.map((o) => o.value),
    };
  });

async function answerByKeyboard(page: Page, here: Awaited<ReturnType<typeof focused>>, value: unknown): Promise<void> {
  const keyboard = page.keyboard;
  if (here.tag === 'SELECT') {
    const index = here.options!.indexOf(value as never);
    for (let i = 0; i <= index; i++) await keyboard.press('ArrowDown');
  } else if (here.type === 'radio') {
    const index = here.options!.indexOf(value as never);
    if (index === 0) await keyboard.press('Space');
    else for (let i = 0; i < index; i++) await keyboard.press('ArrowDown');
  } else if (here.type === 'file') {
    // Choose, change one's mind (Shift+Tab to Remove, Enter: the agency deletes the file at once), choose again.
    await chooseFile(page, here.path!, value);
    const [first] = await page.evaluate((p) => (document.querySelector('formosa-form')!.shadowRoot!.querySelector(`[data-path="${p}"]`) as unknown as { value: { url: string }[] }).value.map((a) => a.url), here.path!);
    assert.equal((await fetch(new URL(first!, page.url()))).status, 200);
    await keyboard.down('Shift');
    await keyboard.press('Tab');
    await keyboard.up('Shift');
    assert.equal((await focused(page)).tag, 'BUTTON', 'Remove is just before the chooser');
    await keyboard.press('Enter');
    await page.waitForFunction((p) => (document.querySelector('formosa-form')!.shadowRoot!.querySelector(`[data-path="${p}"]`) as unknown as { value: unknown[] }).value.length === 0, {}, here.path!);
    assert.equal((await focused(page)).type, 'file', 'focus is back on the chooser');
    let status = 200;
    for (let wait = 0; wait < 50 && status === 200; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await fetch(new URL(first!, page.url()))).status;
    }
    assert.equal(status, 404, 'the removed file is deleted by the agency');
    await chooseFile(page, here.path!, value);
  } else if (here.type === 'checkbox') {
    if (value === true) await keyboard.press('Space');
  } else if (here.calendar) {
    // A date in three boxes: a 民國 year is typed as such.
    const [y, m, d] = String(value).split('-').map(Number) as [number, number, number];
    await keyboard.type(String(here.calendar === 'roc' ? y - 1911 : y));
    await keyboard.press('Tab');
    await keyboard.type(String(m));
    await keyboard.press('Tab');
    await keyboard.type(String(d));
  } else if (here.type === 'date') {
    const [y, m, d] = String(value).split('-');
    await keyboard.type(`${m}${d}${y}`);
  } else await keyboard.type(String(value));
}

/** Tabs to each question of the step still to answer, answers it, then tabs to `button` and presses Enter. */
async function completeStep(page: Page, todo: Map<string, unknown>, button: string): Promise<void> {
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const here = await focused(page);
    if (here.path && todo.has(here.path) && ['INPUT', 'SELECT', 'TEXTAREA'].includes(here.tag)) {
      await answerByKeyboard(page, here, todo.get(here.path));
      todo.delete(here.path);
    } else if (todo.size === 0 && here.tag === 'BUTTON' && here.text === button) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  assert.fail(`could not reach ${[...todo.keys()].join(', ') || `the "${button}" button`} with Tab`);
}

for (const name of ['rent-subsidy', 'smoke-alarm-subsidy']) {
  test(`keyboard only: the ${name} application is completed and submitted without a mouse`, async () => {
    const server = await serve(STRICT_CSP);
    try {
      const { page, problems } = await open(`${server.url}/form.html?id=${name}&lang=zh-Hant-TW`);
      await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
      const engine = new FormEngine(example(name));
      const all = answers(name);
      for (const step of [...new Set(all.map(([path]) => engine.stepOf(path)))]) {
        const previous = await stepTitle(page);
        await completeStep(page, new Map(all.filter(([p]) => engine.stepOf(p) === step)), '繼續');
        await leftView(page, previous);
      }
      assert.equal(await stepTitle(page), '送出前請確認您的資料');
      await completeStep(page, new Map(), '確認送出');
      await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt'), { timeout: 10_000 });
      const receipt = await page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt')!.getAttribute('receipt'));
      assert.match(receipt!, /^[A-Z]{2,4}-\d{8}-[0-9A-Z]{6}$/);
      assert.equal(await server.store.count(name), 1);
      assert.deepEqual(problems, []);
    } finally {
      await server.close();
    }
  });
}
