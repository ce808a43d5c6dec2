/**
 * Takes the pictures of docs/fields.md: each example on the page, put into a one-step definition, rendered by the
 * built bundle (dist/formosa.min.js) in headless Chromium, in English, clipped to the field, written to
 * docs/images/fields/<name>.png at a device scale of 1.
 *
 * Run (Chromium is shared: take the lock): npm run build --silent &&
 *   flock /tmp/browser.lock node --conditions=formosa-source --import tsx scripts/docs/field-pictures.ts
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startServer } from '@formosa/server';
import { CHROMIUM_ARGS, findChromium } from '../chromium.js';
import { exampleDefinition, fieldExamples } from './field-examples.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'docs/images/fields');
/** Wide enough for a field at its designed width (--formosa-input-width), small enough to keep the files light. */
const WIDTH = 600;
const MARGIN = 8;

if (!existsSync(join(root, 'dist/formosa.min.js'))) throw new Error('run `npm run build --silent` first');
mkdirSync(out, { recursive: true });

// A page with the bundle and an empty form; each example is handed to it as `.values` and `.definition`.
const site = mkdtempSync(join(tmpdir(), 'formosa-field-pictures-'));
writeFileSync(join(site, 'field.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><title>field</title>
<body style="margin:0;background:#fff"><script src="/dist/formosa.min.js"></script>
<formosa-form locale="en" draft="off" mydata="off"></formosa-form></body></html>`);
const server = await startServer({
  formsDir: join(root, 'examples/forms'),
  database: join(site, 'pictures.sqlite'),
  staticDirs: [{ prefix: '/dist/', dir: join(root, 'dist') }, { prefix: '/', dir: site }],
});
const chromium = await findChromium();
const browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless as true, args: CHROMIUM_ARGS });
try {
  for (const example of fieldExamples()) {
    const page = await browser.newPage();
    await page.setViewport({ width: WIDTH, height: 900, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/field.html`, { waitUntil: 'networkidle0' });
    await page.evaluate(
      (definition, values) => {
        const form = document.querySelector('formosa-form') as HTMLElement & { values: unknown; definition: unknown };
        form.values = values;
        form.definition = definition;
      },
      exampleDefinition(example),
      example.values,
    );
    // The step's items, once rendered (and, for shipped lists, once their choices arrived).
    await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot?.querySelector('[data-path]'), { timeout: 10_000 });
    await page.waitForNetworkIdle({ idleTime: 200 });
    const box = await page.evaluate(() => {
      const shadow = document.querySelector('formosa-form')!.shadowRoot!;
      // The outermost items of the step: fields, and sections holding fields.
      const items = [...shadow.querySelectorAll('[data-path], formosa-section')].filter((el) => !el.parentElement?.closest('formosa-section') && !(el.getRootNode() as ShadowRoot).host?.closest?.('formosa-section'));
      const rects = items.map((el) => el.getBoundingClientRect());
      const top = Math.min(...rects.map((r) => r.top)), left = Math.min(...rects.map((r) => r.left));
      return { x: left, y: top + window.scrollY, width: Math.max(...rects.map((r) => r.right)) - left, height: Math.max(...rects.map((r) => r.bottom)) - top };
    });
    const clip = { x: Math.max(0, box.x - MARGIN), y: Math.max(0, box.y - MARGIN), width: Math.min(WIDTH, box.width + 2 * MARGIN), height: box.height + 2 * MARGIN };
    await page.screenshot({ path: join(out, `${example.name}.png`) as `${string}.png`, clip, optimizeForSpeed: false });
    console.log(`${example.name}.png ${Math.round(clip.width)}×${Math.round(clip.height)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
