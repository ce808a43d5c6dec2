/**
 * The examples of docs/fields.md, read from the page itself: each ```json block (the data schema's properties, the
 * step's items, the answers to show) and the picture named after it. The picture script renders exactly what the
 * page shows, and a test loads each example, so the snippets, the pictures and the loader cannot disagree.
 */
import { readFileSync } from 'node:fs';

export const FIELDS_PAGE = new URL('../../docs/fields.md', import.meta.url);

export interface FieldExample {
  /** The picture's name, `docs/images/fields/<name>.png`. */
  readonly name: string;
  readonly schema: Record<string, unknown>;
  /** The properties the data schema requires (none when absent). */
  readonly required?: readonly string[];
  readonly items: readonly unknown[];
  readonly values: Record<string, unknown>;
}

/** Each json block of the page followed (before the next block) by its picture `](images/fields/<name>.png)`. */
export function fieldExamples(page = readFileSync(FIELDS_PAGE, 'utf8')): FieldExample[] {
  const blocks = [...page.matchAll(/```json\n([\s\S]*?)```/g)];
  return blocks.map((block, i) => {
    const after = page.slice(block.index + block[0].length, blocks[i + 1]?.index ?? page.length);
    const name = /\]\(images\/fields\/([\w-]+)\.png\)/.exec(after)?.[1];
    if (!name) throw new Error(`docs/fields.md: the example at offset ${block.index} has no picture after it`);
    const example = JSON.parse(block[1]!) as Omit<FieldExample, 'name'>;
    return { name, ...example };
  });
}

/** The one-step definition an example is rendered from. */
export function exampleDefinition(example: FieldExample): Record<string, unknown> {
  const id = `field-${example.name}`;
  return {
    formatVersion: 1,
    id,
    version: '1',
    defaultLocale: 'zh-Hant-TW',
    locales: ['zh-Hant-TW', 'en'],
    title: { 'zh-Hant-TW': '欄位範例', en: 'Field example' },
    schema: { type: 'object', ...(example.required ? { required: example.required } : {}), properties: example.schema },
    steps: [{ id: 'example', title: { 'zh-Hant-TW': '範例', en: 'Example' }, items: example.items }],
    submission: { endpoint: `/api/forms/${id}/submissions` },
  };
}
