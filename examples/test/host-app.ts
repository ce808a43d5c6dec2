// Shared by the React and Vue host tests (react.e2e.test.ts, vue.e2e.test.ts): the agency's app, built into a
// temporary folder, on one origin (a plain static server); the form, its SDK and the endpoint on another (the
// reference server, listing the app's origin in corsOrigins). In Chromium the test switches the host's language,
// fills the rent subsidy past the host's prefill, sends it, and reads the receipt in the host's own UI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '@formosa/server';
import { FormEngine } from '@formosa/engine';
import type { FieldItem, LayoutItem } from '@formosa/schema';
import { example, typedAnswers } from '../fixtures.js';
import { answer, clickButton, close, launch, moveOn, open, root } from './browser.js';

const FORM = 'rent-subsidy';
/** What the hosts know of the signed-in citizen and give the form as `values`: never typed in the test. */
const PREFILLED = { '/applicant/name': '林小美', '/applicant/nationalId': 'A123456789' };

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** The agency's static web server: files as they are, no header of its own (the policy is in the page). */
async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://host').pathname;
      const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)));
      if (!file.startsWith(dir + sep)) throw new Error('outside the folder');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const fieldOf = (page: Page, path: string, property: 'label' | 'value') =>
  page.evaluate((p, key) => (document.querySelector('formosa-form')!.shadowRoot!.querySelector(`[data-path="${p}"]`) as unknown as Record<string, unknown> | null)?.[key], path, property);
/** The host's own progress line: which view it was told of (data-view), and what it says. */
const progress = (page: Page) => page.$eval('.progress', (p) => ({ view: (p as HTMLElement).dataset['view'], text: p.textContent!.trim() })).catch(() => undefined);
const wait = (page: Page, what: string, fn: string, timeout = 15_000) =>
  page.waitForFunction(fn, { timeout, polling: 100 }).catch(async () => assert.fail(`${what}: not within ${timeout} ms; the host shows "${await page.$eval('main', (m) => m.textContent!.replace(/\s+/g, ' ').trim().slice(0, 300))}"`));

/**
 * The host app's tests. `build` writes the app into a folder, embedding the form served by the agency's API at `api`
 * (an origin); `tsconfig` checks the app against the typings the build generates from the custom-elements manifest.
 */
export function hostAppTests(framework: string, tsconfig: string, build: (outDir: string, api: string) => Promise<void>): void {
  let host: { url: string; server: Server };
  let api: RunningServer;
  before(async () => {
    const outDir = mkdtempSync(join(tmpdir(), `formosa-${framework}-host-`));
    host = await serveStatic(outDir);
    api = await startServer({
      formsDir: join(root, 'examples/forms'),
      database: join(mkdtempSync(join(tmpdir(), 'formosa-agency-')), 'agency.sqlite'),
      staticDirs: [{ prefix: '/dist/', dir: join(root, 'dist') }],
      corsOrigins: [host.url],
    });
    await build(outDir, api.url);
    await launch();
  });
  after(async () => {
    await close();
    await api?.close();
    host?.server.close();
  });

  test(`${framework}: the host's locale switch, prefill and progress drive the form on another origin; the receipt shows in the host's UI and the record is on the server`, async () => {
    const definition = example(FORM);
    const title = (step: string, locale: string) => (definition.steps.find((s) => s.id === step)!.title as Record<string, string>)[locale];
    const label = (path: string, locale: string) =>
      (definition.steps.flatMap((s) => s.items).find((item: LayoutItem): item is FieldItem => 'field' in item && item.field === path)!.label as Record<string, string>)[locale];
    const { page, problems } = await open(`${host.url}/`);

    // In the host's default language, with the host's data already in the form.
    await wait(page, 'the first step in Chinese', `document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title')?.textContent.trim() === ${JSON.stringify(title('applicant', 'zh-Hant-TW'))}`);
    assert.equal(await fieldOf(page, '/applicant/name', 'label'), label('/applicant/name', 'zh-Hant-TW'));
    for (const [path, value] of Object.entries(PREFILLED)) assert.equal(await fieldOf(page, path, 'value'), value, `${path} prefilled by the host`);
    await wait(page, "the host's progress line", `document.querySelector('.progress')?.dataset.view === 'applicant'`);
    const chinese = await progress(page);

    // The host's English button: the form's labels and the host's own texts change together.
    await page.click('button[lang="en"]');
    await wait(page, 'the first step in English', `document.querySelector('formosa-form').shadowRoot.querySelector('.step-title')?.textContent.trim() === ${JSON.stringify(title('applicant', 'en'))}`);
    assert.equal(await fieldOf(page, '/applicant/name', 'label'), label('/applicant/name', 'en'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.notEqual((await progress(page))?.text, chinese?.text, "the host's progress line in English");
    for (const [path, value] of Object.entries(PREFILLED)) assert.equal(await fieldOf(page, path, 'value'), value, `${path} kept across the language switch`);

    // The rest of the form as the citizen types it, step by step; the host follows each step change.
    const engine = new FormEngine(definition);
    const typed = typedAnswers(FORM).filter(([path]) => !(path in PREFILLED));
    for (const step of new Set(typed.map(([path]) => engine.stepOf(path)))) {
      for (const [path, value] of typed.filter(([p]) => engine.stepOf(p) === step)) await answer(page, path, value);
      await moveOn(page, 'Continue');
      const view = await page.evaluate(() => (document.querySelector('formosa-form') as unknown as { view: string }).view);
      await wait(page, `the host's progress line at ${view}`, `document.querySelector('.progress')?.dataset.view === ${JSON.stringify(view)}`);
    }
    assert.equal((await progress(page))?.view, 'review');

    const stored = page.waitForResponse((r) => r.url() === `${api.url}/api/forms/${FORM}/submissions` && r.request().method() === 'POST');
    await clickButton(page, 'Send application');
    const { id } = (await (await stored).json()) as { id: string };
    await wait(page, "the receipt in the host's UI", `document.querySelector('.receipt strong')?.textContent`);
    const record = await api.store.get(FORM, id);
    assert.ok(record, 'stored on the server');
    assert.equal(await page.$eval('.receipt strong', (s) => s.textContent), record.receipt, "the host shows the server's receipt number");
    assert.equal(await api.store.count(FORM), 1);
    const applicant = (record.data as { applicant: Record<string, unknown> }).applicant;
    assert.deepEqual([applicant['name'], applicant['nationalId']], Object.values(PREFILLED), "the host's prefill reached the record");
    await wait(page, "the host's progress line at the receipt", `document.querySelector('.progress')?.dataset.view === 'submitted'`);
    assert.deepEqual(problems, [], 'no CSP violation, CORS refusal or console error');
    await page.close();
  });

  test(`${framework}: the app type-checks against the generated typings (@formosa/elements/${framework.toLowerCase()})`, () => {
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, tsconfig)], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });
}
