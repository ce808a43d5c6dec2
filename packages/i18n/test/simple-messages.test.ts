// Messages of text and plain arguments are formatted without IntlMessageFormat in the bundles (no ICU data loaded
// for a first step that shows no plural, number or date): they must read exactly as IntlMessageFormat reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { icuFormat } from '../src/icu.js';
// @ts-expect-error: plain JavaScript build script without declarations.
import { precompilePack, SIMPLE } from '../../../scripts/icu.js';

const folder = new URL('../src/locales/', import.meta.url);

test('every pack\'s messages of text and arguments read exactly as IntlMessageFormat reads them', () => {
  let checked = 0;
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
    const locale = file.replace(/\.json$/, '');
    const source = JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as Record<string, string>;
    const compiled = (precompilePack as (m: Record<string, string>) => Record<string, string>)(source);
    for (const [key, message] of Object.entries(compiled)) {
      if (!message.startsWith(SIMPLE as string)) continue;
      const names = [...source[key]!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      // Text, a number and zero: IntlMessageFormat writes each with String().
      for (const value of ['林小美', 12000, 0]) {
        const values = Object.fromEntries(names.map((n, i) => [n, typeof value === 'number' ? value + i : `${value}${i}`]));
        assert.equal(icuFormat.parse(message, values, locale, 'formosa', key), String(new IntlMessageFormat(source[key]!, locale).format(values)), `${locale} ${key}`);
      }
      checked++;
    }
  }
  assert.ok(checked > 100, `${checked} messages checked`);
});

test('a message missing one of its values is refused, as IntlMessageFormat refuses it', () => {
  const [message] = Object.values((precompilePack as (m: Record<string, string>) => Record<string, string>)({ k: 'Step {current} of {total}' }));
  assert.equal(icuFormat.parse(message!, { current: 1, total: 3 }, 'en', 'formosa', 'k'), 'Step 1 of 3');
  assert.throws(() => icuFormat.parse(message!, { current: 1 }, 'en', 'formosa', 'k'), /total/);
});
