import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireDefinition, type FormDefinition } from '@formosa/schema';
import { applyTexts, collectTexts, coverage, fromCsv, fromXliff, main, toCsv, toXliff, type TextRow } from '@formosa/cli';

const file = new URL('../../../examples/forms/rent-subsidy.json', import.meta.url).pathname;
const original = readFileSync(file, 'utf8');
const definition = requireDefinition(original);
const serialise = (d: FormDefinition) => JSON.stringify(d, null, 2) + '\n';

/** Texts that break naive CSV and XML handling. */
const tricky = ['含, 逗號', 'a "quoted" word', 'two\nlines', '  leading and trailing  ', '<b>&amp; not markup</b>', 'carriage\r\nreturn', 'Thái: ภาษาไทย 🇹🇼'];

function withTrickyTexts(): FormDefinition {
  const copy = structuredClone(definition) as FormDefinition & { steps: { title: Record<string, string> }[] };
  tricky.forEach((text, i) => (copy.steps[i]!.title = { ...copy.steps[i]!.title, en: text }));
  return copy;
}

test('the definition serialises exactly as its file (so a round trip can be compared byte for byte)', () => {
  assert.equal(serialise(definition), original);
});

test('CSV round trip is lossless: extract, import unchanged, and the definition file is byte-identical', () => {
  const csv = toCsv(collectTexts(definition), definition.locales);
  const { definition: back, problems, changed } = applyTexts(definition, fromCsv(csv));
  assert.deepEqual(problems, []);
  assert.equal(changed, 0);
  assert.equal(serialise(back), original);
  assert.equal(toCsv(fromCsv(csv), definition.locales), csv, 'CSV → rows → CSV is the same text');
});

test('CSV keeps commas, quotes, line breaks, outer spaces, markup, carriage returns and emoji exactly', () => {
  const source = withTrickyTexts();
  const csv = toCsv(collectTexts(source), source.locales);
  const { definition: back } = applyTexts(definition, fromCsv(csv));
  assert.deepEqual(back, source);
  // A tool that re-saves with LF line ends rewrites line breaks inside cells too; every other text reads the same.
  const relf = fromCsv(csv.replace(/\r\n/g, '\n')).map((r) => r.texts);
  const expected = collectTexts(source).map((r) => ({ ...r.texts, ...(r.texts['en']?.includes('\r') ? { en: r.texts['en'].replace(/\r\n/g, '\n') } : {}) }));
  assert.deepEqual(relf, expected);
});

test('XLIFF 2.0 round trip is lossless for a target locale, tricky texts included', () => {
  const source = withTrickyTexts();
  const xliff = toXliff(collectTexts(source), { id: source.id, source: source.defaultLocale, target: 'en' });
  assert.match(xliff, /<xliff xmlns="urn:oasis:names:tc:xliff:document:2\.0" version="2\.0" srcLang="zh-Hant-TW" trgLang="en">/);
  const { target, rows } = fromXliff(xliff);
  assert.equal(target, 'en');
  const stripped = structuredClone(source) as FormDefinition;
  for (const row of collectTexts(stripped)) delete (row.texts as Record<string, string>)['en'];
  const { definition: back } = applyTexts(source, rows);
  assert.deepEqual(back, source);
  assert.equal(toXliff(collectTexts(back), { id: source.id, source: source.defaultLocale, target: 'en' }), xliff);
});

test('a new language comes in through CSV: appended to each text and declared, nothing reordered', () => {
  const csv = toCsv(collectTexts(definition), [...definition.locales, 'th']);
  const rows = fromCsv(csv).map((r) => ({ ...r, texts: { ...r.texts, th: r.path === '/title' ? 'ยื่นขอเงินอุดหนุนค่าเช่าบ้าน' : '' } }));
  const { definition: back, changed } = applyTexts(definition, rows);
  assert.equal(changed, 1);
  assert.deepEqual(back.locales, [...definition.locales, 'th']);
  assert.deepEqual(Object.keys(back.title), [...Object.keys(definition.title), 'th']);
  assert.equal(back.title['th'], 'ยื่นขอเงินอุดหนุนค่าเช่าบ้าน');
  assert.deepEqual(coverage(back).find((c) => c.locale === 'th')?.translated, 1);
});

test('an import names what it cannot apply: unknown paths, an empty default-locale text', () => {
  const rows: TextRow[] = [{ path: '/steps/99/title', context: '', texts: { en: 'x' } }, { path: '/title', context: '', texts: { 'zh-Hant-TW': '' } }];
  const { problems } = applyTexts(definition, rows);
  assert.deepEqual(problems.map((p) => p.path), ['/steps/99/title', '/title']);
});

test('coverage lists every missing text by path and locale', () => {
  const partial = structuredClone(definition) as FormDefinition & { locales: string[] };
  partial.locales.push('th');
  const th = coverage(partial).find((c) => c.locale === 'th')!;
  assert.equal(th.translated, 0);
  assert.equal(th.missing.length, collectTexts(definition).length);
  assert.equal(th.missing[0], '/title');
});

test('the CLI: extract to CSV, import it back, the file is unchanged; translations reports coverage', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-tr-'));
  const copy = join(dir, 'rent-subsidy.json');
  writeFileSync(copy, original);
  const lines: string[] = [];
  const say = (l: string) => lines.push(l);
  assert.equal(await main(['extract', copy, '-o', join(dir, 'texts.csv')], say, say), 0);
  assert.equal(await main(['import', copy, join(dir, 'texts.csv')], say, say), 0);
  assert.equal(readFileSync(copy, 'utf8'), original);
  assert.equal(await main(['extract', copy, '--locale', 'en', '-o', join(dir, 'texts.en.xlf')], say, say), 0);
  assert.equal(await main(['import', copy, join(dir, 'texts.en.xlf')], say, say), 0);
  assert.equal(readFileSync(copy, 'utf8'), original);
  const report: string[] = [];
  assert.equal(await main(['translations', copy], (l) => report.push(l), say), 0);
  assert.match(report.join('\n'), /zh-Hant-TW: \d+\/\d+ texts/);
});
