// "Check your answers" on a phone and on a desktop, GOV.UK's summary-list pattern: a heading per step and per
// section, one row per question (an address is one answer), Change beside the answer where there is room,
// no Change on an answer the citizen cannot change, and each Change named by what it changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { FormEngine } from '@formosa/engine';
import { STRICT_CSP } from '@formosa/server';
import { example, typedAnswers } from '../fixtures.js';
import { answer, clickButton, close, launch, open, serve, stepTitle } from './browser.js';

before(launch);
after(close);

/** Fills the rent-subsidy form with the fixture answers, step by step, and stops on the review. */
async function reachReview(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
  const engine = new FormEngine(example('rent-subsidy'));
  const all = typedAnswers('rent-subsidy');
  for (const step of [...new Set(all.map(([path]) => engine.stepOf(path)))]) {
    for (const [path, value] of all.filter(([p]) => engine.stepOf(p) === step)) await answer(page, path, value);
    const previous = await stepTitle(page);
    await clickButton(page, '繼續');
    await page.waitForFunction((title) => document.querySelector('formosa-form')!.shadowRoot!.querySelector('.step-title')?.textContent !== title, { timeout: 5000 }, previous);
  }
  assert.equal(await stepTitle(page), '送出前請確認您的資料');
}

/** The review as a citizen sees it: headings, and each row's label, value, Change and whether Change sits beside the value. */
const reviewOf = (page: Page) =>
  page.evaluate(() => {
    const review = document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-review')!.shadowRoot!;
    const headings = [...review.querySelectorAll('h3, h4')].map((h) => `${h.tagName} ${h.textContent!.trim()}`);
    const rows = [...review.querySelectorAll('.row')].map((row) => {
      const value = row.querySelector('dd:not(.actions)')!;
      const change = row.querySelector('button');
      return {
        label: row.querySelector('dt')!.textContent!.trim(),
        value: value.textContent!.trim(),
        change: change ? change.textContent!.replace(/\s+/g, ' ').trim() : null,
        beside: change ? change.getBoundingClientRect().top < value.getBoundingClientRect().bottom : null,
      };
    });
    return { headings, rows, height: document.scrollingElement!.scrollHeight };
  });

test('the rent-subsidy review on a 390 px phone and a 1280 px desktop follows the summary-list pattern', async (t) => {
  const server = await serve(STRICT_CSP);
  try {
    const { page, problems } = await open(`${server.url}/form.html?id=rent-subsidy&lang=zh-Hant-TW`);
    await page.setViewport({ width: 390, height: 844 });
    await reachReview(page);
    const phone = await reviewOf(page);
    t.diagnostic(`review height at 390 px: ${phone.height} px (${(phone.height / 844).toFixed(1)} screens of 844 px), ${phone.rows.length} rows, ${phone.rows.filter((r) => r.change).length} Change links`);

    // A heading per step, and per section or entry that is more than one answer.
    assert.deepEqual(phone.headings, ['H3 申請人資料', 'H3 家庭成員', 'H3 租屋資料', 'H3 出租人資料', 'H3 申請資格', 'H4 是否符合下列情形？（符合者請勾選，可複選）', 'H3 撥款帳戶']);
    const row = (label: string) => phone.rows.find((r) => r.label === label);
    // An address is one answer, in the order Taiwan writes it, with its postal code.
    assert.deepEqual(row('戶籍地址'), { label: '戶籍地址', value: '106 臺北市大安區信義路三段 100 號', change: '修改', beside: true });
    assert.deepEqual(row('租屋地址'), { label: '租屋地址', value: '220 新北市板橋區文化路一段 1 號 3 樓', change: '修改', beside: true });
    for (const part of ['縣市', '鄉鎮市區', '郵遞區號', '村里、路街、巷弄、號、樓']) assert.equal(row(part), undefined, `${part} is part of the address row`);
    // What the citizen cannot change has no Change: the household size is computed.
    assert.deepEqual(row('家庭人數（含申請人）'), { label: '家庭人數（含申請人）', value: '1', change: null, beside: null });
    // Every other answer can be changed, and its Change sits beside it, on a phone as on a desktop.
    assert.ok(phone.rows.filter((r) => r.label !== '家庭人數（含申請人）').every((r) => r.change === '修改' && r.beside), JSON.stringify(phone.rows));
    const desktop = await (async () => (await page.setViewport({ width: 1280, height: 900 }), reviewOf(page)))();
    assert.ok(desktop.rows.every((r) => r.change === null || r.beside), `on a desktop Change is on the answer's row: ${JSON.stringify(desktop.rows.filter((r) => !r.beside && r.change))}`);

    // Each Change is named by what it changes, and leads to that answer.
    const names = await page.evaluate(() => [...document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-review')!.shadowRoot!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')));
    assert.ok(names.includes('修改戶籍地址') && names.includes('修改姓名') && names.includes('修改出生日期'), JSON.stringify(names));
    assert.equal(new Set(names).size, names.length, 'no two Change links share a name');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await server.close();
  }
});
