/**
 * The cold benchmark's site, written under .bench/cold/: `forms/` (the generated definitions and the rent subsidy,
 * served with their validators by the reference server) and `site/` (three pages per form and size: Formosa's, the
 * plain DOM's and the hand-written Lit one's, with the probe and the reference pages' scripts).
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { FormDefinition, LayoutItem } from '@formosa/schema';
import { generateDefinition } from './generate.js';

/** The language of every cold page: not the bundled zh-Hant-TW, so the interface pack is fetched as well. */
export const LOCALE = 'en';

/** A form's pages: Formosa's, the plain DOM's and the hand-written Lit one's (cold-plain.ts, cold-lit.ts). */
export interface ColdPage {
  readonly formosa: string;
  readonly plain: string;
  readonly lit: string;
}

const here = new URL('./', import.meta.url).pathname;

/** Inputs on the first step before any answer: its fields, less those shown only by a rule. */
function shownFields(items: readonly LayoutItem[]): number {
  let count = 0;
  for (const item of items) {
    if ('visibleWhen' in item && item.visibleWhen !== undefined) continue;
    if ('field' in item) count++;
    else if ('items' in item && Array.isArray(item.items)) count += shownFields(item.items as LayoutItem[]);
  }
  return count;
}

function page(definition: FormDefinition, body: string, script: string): string {
  const step = definition.steps[0]!;
  const title = step.title[LOCALE] ?? step.title['zh-Hant-TW'];
  return `<!doctype html>
<html lang="${LOCALE}" data-fields="${shownFields(step.items)}" data-title="${title}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${definition.id}</title>
    <link rel="stylesheet" href="/baseline.css" />
    <script src="/probe.js"></script>
    ${script}
  </head>
  <body>
    <div id="host">${body}</div>
  </body>
</html>
`;
}

/** Writes the site for these sizes (and the rent subsidy); returns its folders and each form's two pages. */
export async function writeColdSite(out: string, sizes: readonly number[], rentSubsidy: string) {
  const forms = join(out, 'forms');
  const site = join(out, 'site');
  await rm(out, { recursive: true, force: true });
  await mkdir(forms, { recursive: true });
  await mkdir(site, { recursive: true });
  const bundle = (entry: string, outfile: string) => build({ entryPoints: [join(here, entry)], bundle: true, format: 'iife', target: 'es2022', minify: true, outfile: join(site, outfile), logLevel: 'error' });
  await Promise.all([bundle('cold-probe.ts', 'probe.js'), bundle('cold-plain.ts', 'plain.js'), bundle('cold-lit.ts', 'lit.js'), copyFile(join(here, 'baseline.css'), join(site, 'baseline.css'))]);
  const definitions: FormDefinition[] = sizes.map((n) => generateDefinition(n, { endpoint: `/api/forms/bench-${n}/submissions` }));
  await copyFile(rentSubsidy, join(forms, 'rent-subsidy.json'));
  const { default: rent } = await import(rentSubsidy, { with: { type: 'json' } }) as { default: FormDefinition };
  const pages: Record<string, ColdPage> = {};
  for (const definition of [...definitions, rent]) {
    const id = definition.id;
    if (definition !== rent) await writeFile(join(forms, `${id}.json`), JSON.stringify(definition));
    const api = `/api/forms/${id}`;
    await writeFile(join(site, `${id}.html`), page(definition, `<formosa-form src="${api}" validator-src="${api}/validator.js" locale="${LOCALE}"></formosa-form>`, '<script src="/dist/formosa.min.js" defer></script>'));
    await writeFile(join(site, `${id}-plain.html`), page(definition, '', `<script src="/plain.js" data-definition="${api}" defer></script>`));
    await writeFile(join(site, `${id}-lit.html`), page(definition, '', `<script src="/lit.js" data-definition="${api}" defer></script>`));
    pages[id] = { formosa: `/${id}.html`, plain: `/${id}-plain.html`, lit: `/${id}-lit.html` };
  }
  return { forms, site, pages };
}
