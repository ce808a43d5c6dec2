// `formosa preview` end to end: the real CLI (bin/formosa.js) on a temporary copy of an example definition, the
// built drop-in bundle, headless Chromium; every save is made as an editor makes it, and timed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { setAt, type Data } from '@formosa/engine';
import { answers } from '../../../examples/fixtures.js';
import { close, launch } from '../../../examples/test/browser.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/formosa.js');
const example = readFileSync(join(root, 'examples/forms/smoke-alarm-subsidy.json'), 'utf8');
let browser: Browser;

before(async () => (browser = await launch()));
after(close);

/** Starts `formosa preview` on a file; resolves once it has printed its address. */
async function startPreview(file: string, ...options: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'preview', file, '--port', '0', ...options], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  for (let waited = 0; !/ at (http:\S+)/.test(output); waited += 50) {
    assert.ok(waited < 20_000 && child.exitCode === null, `the preview did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, url: / at (http:\S+)/.exec(output)![1]!, output: () => output };
}

/**
 * Opens the page, recording CSP violations, uncaught errors and console errors. (Not the demo tests' `open`, which
 * waits for the network to be idle: the page's event stream never is.)
 */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, problems };
}

/** The text of a field's label in the form ('' when the field is not on screen). */
function labelOf(page: Page, path: string): Promise<string> {
  return page.evaluate((p) => document.querySelector('formosa-form')?.shadowRoot?.querySelector(`[data-path="${p}"]`)?.shadowRoot?.querySelector('label')?.textContent?.trim() ?? '', path);
}

/** Milliseconds from a save until the page shows what `shown` looks for (polled every 10 ms). */
async function timeUntil(page: Page, save: () => void, shown: (page: Page) => Promise<boolean>): Promise<number> {
  const start = performance.now();
  save();
  while (!(await shown(page))) {
    assert.ok(performance.now() - start < 5000, 'the page did not change within 5 s of the save');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - start;
}

/** Writes as an editor that saves to a new file and renames it over the old one (vim, many IDEs). */
function saveByRename(file: string, text: string): void {
  writeFileSync(`${file}.swp`, text);
  renameSync(`${file}.swp`, file);
}

const problemsShown = (page: Page) => page.evaluate(() => (document.getElementById('problems')!.hidden ? '' : document.getElementById('problems')!.textContent!));
const formShown = (page: Page) => page.evaluate(() => !document.getElementById('form-area')!.hidden);

test('preview: each save is on the page within a second (written in place or renamed over), typed answers kept; broken JSON and lint problems are shown with line:column until fixed', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-preview-'));
  const file = join(dir, 'smoke-alarm.json');
  writeFileSync(file, example);
  const { child, url, output } = await startPreview(file);
  try {
    const { page, problems } = await open(url);
    await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('[data-path="/applicant/name"]'), { timeout: 10_000 });
    assert.equal(await labelOf(page, '/applicant/name'), '姓名');
    // A citizen's answer, typed before the designer saves.
    await page.evaluate(() => (document.querySelector('formosa-form')!.shadowRoot!.querySelector('[data-path="/applicant/name"]')!.shadowRoot!.querySelector('input') as HTMLInputElement).focus());
    await page.keyboard.type('王小明');

    const renamed = example.replace('"zh-Hant-TW": "姓名"', '"zh-Hant-TW": "申請人姓名"');
    const inPlace = await timeUntil(page, () => writeFileSync(file, renamed), async (p) => (await labelOf(p, '/applicant/name')) === '申請人姓名');
    assert.ok(inPlace < 1000, `shown ${Math.round(inPlace)} ms after the save`);
    const typed = await page.evaluate(() => (document.querySelector('formosa-form')!.shadowRoot!.querySelector('[data-path="/applicant/name"]')!.shadowRoot!.querySelector('input') as HTMLInputElement).value);
    assert.equal(typed, '王小明', 'the answer typed before the save is kept');

    const byRename = await timeUntil(page, () => saveByRename(file, example.replace('"zh-Hant-TW": "姓名"', '"zh-Hant-TW": "全名"')), async (p) => (await labelOf(p, '/applicant/name')) === '全名');
    assert.ok(byRename < 1000, `shown ${Math.round(byRename)} ms after a save by rename`);

    // Broken JSON: a comma missing after "formatVersion": 1 (line 3); the parser stops at the next line.
    const broken = example.replace('"formatVersion": 1,', '"formatVersion": 1');
    const brokenLine = broken.split('\n').findIndex((l) => l.includes('"id": "smoke-alarm-subsidy"')) + 1;
    await timeUntil(page, () => writeFileSync(file, broken), async (p) => (await problemsShown(p)) !== '');
    assert.match(await problemsShown(page), new RegExp(`smoke-alarm\\.json:${brokenLine}:\\d+`));
    assert.equal(await formShown(page), false, 'the form is hidden while the definition cannot be read');
    assert.match(output(), new RegExp(`smoke-alarm\\.json:${brokenLine}:\\d+ error`), 'the terminal says it too');

    // Valid JSON the gate refuses: a widget that does not exist.
    const refused = example.replace('"widget": "radio"', '"widget": "radios"');
    const refusedLine = refused.split('\n').findIndex((l) => l.includes('"radios"')) + 1;
    await timeUntil(page, () => writeFileSync(file, refused), async (p) => new RegExp(`smoke-alarm\\.json:${refusedLine}:\\d+`).test(await problemsShown(p)));
    assert.match(await problemsShown(page), /\/widget: must be one of .*\[wrong_value\]/);

    // Fixed: the form is back, with the file's labels.
    const back = await timeUntil(page, () => saveByRename(file, example), async (p) => (await formShown(p)) && (await labelOf(p, '/applicant/name')) === '姓名');
    assert.ok(back < 1000, `the form came back ${Math.round(back)} ms after the fix`);
    t.diagnostic(`saved in place: shown after ${Math.round(inPlace)} ms; saved by rename: ${Math.round(byRename)} ms; fixed: ${Math.round(back)} ms`);
    assert.equal(await problemsShown(page), '');
    assert.deepEqual(problems, [], 'no CSP violation, no error in the page');
  } finally {
    child.kill('SIGINT');
  }
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 0, 'Ctrl-C stops the preview with exit code 0');
  await assert.rejects(fetch(url), 'nothing listens any more');
});

test('preview: a submission is checked as the agency would check it and echoed, never sent to the definition\'s endpoint', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-preview-'));
  const file = join(dir, 'smoke-alarm.json');
  writeFileSync(file, example);
  const { child, url, output } = await startPreview(file);
  try {
    const served = (await (await fetch(new URL('definition.json', url))).json()) as { submission: { endpoint: string } };
    assert.equal(served.submission.endpoint, '/api/preview/submissions', 'the page sends to the preview, not to /api/forms/…');
    const { page } = await open(url);
    await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('[data-path="/applicant/name"]'), { timeout: 10_000 });
    // Sent from the page, as the form's transport sends: an empty application is refused with field errors.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/api/preview/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return { status: response.status, body: (await response.json()) as { errors: { path: string; code: string }[] } };
    });
    assert.equal(refused.status, 422);
    assert.ok(refused.body.errors.some((e) => e.code === 'required'), JSON.stringify(refused.body));
    assert.doesNotMatch(output(), /submission PREVIEW-/);

    // A complete application is accepted with a preview receipt; the page and the terminal show what would be sent.
    const complete = answers('smoke-alarm-subsidy').reduce<Data>((data, [path, value]) => setAt(data, path, value), {});
    const accepted = await page.evaluate(async (body) => {
      const response = await fetch('/api/preview/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: response.status, body: (await response.json()) as { receipt: string } };
    }, JSON.stringify(complete));
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    assert.match(accepted.body.receipt, /^PREVIEW-/);
    await page.waitForFunction(() => !document.getElementById('sent')!.hidden && document.getElementById('sent-data')!.textContent!.includes('陳阿嬤'), { timeout: 2000 });
    assert.match(output(), new RegExp(`submission ${accepted.body.receipt} \\(checked, sent nowhere\\)`));
  } finally {
    child.kill('SIGINT');
  }
  await once(child, 'exit');
});
