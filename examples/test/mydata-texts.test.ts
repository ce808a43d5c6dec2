// The MyData views' texts: complete in every language the SDK speaks, with the placeholders the views fill in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SUPPORTED_LOCALES } from '@formosa/i18n';
import { MYDATA_TEXTS } from '../../packages/elements/src/components/mydata/mydata-texts.js';

const english = MYDATA_TEXTS['en']!;
const keys = Object.keys(english).sort();
/** Every `{…}` in a text; a simple placeholder is `{name}`, anything else (ICU syntax, a stray brace) is not replaced. */
const braces = (text: string) => text.match(/\{[^}]*\}?|\}/g) ?? [];

test('the MyData texts are written in exactly the SDK’s languages', () => {
  assert.deepEqual(Object.keys(MYDATA_TEXTS).sort(), [...SUPPORTED_LOCALES].sort());
});

for (const [locale, texts] of Object.entries(MYDATA_TEXTS)) {
  test(`${locale}: every MyData text, none empty, with the English text's placeholders and no others`, () => {
    assert.deepEqual(Object.keys(texts).sort(), keys, 'the same keys as English');
    for (const key of keys) {
      const text = texts[key as keyof typeof texts];
      assert.ok(text.trim().length > 0, `${key} is empty`);
      assert.equal(text, text.trim(), `${key} has spaces around it`);
      const wanted = braces(english[key as keyof typeof english]).sort();
      const found = braces(text);
      for (const brace of found) assert.match(brace, /^\{[a-z][A-Za-z]*\}$/, `${key}: ${brace} is not a simple placeholder`);
      assert.deepEqual([...new Set(found)].sort(), [...new Set(wanted)].sort(), `${key}: placeholders`);
    }
  });
}

test('the translations are translated: no language repeats the English sentences', () => {
  for (const [locale, texts] of Object.entries(MYDATA_TEXTS)) {
    if (locale === 'en') continue;
    const copied = keys.filter((key) => key !== 'provenance' && texts[key as keyof typeof texts] === english[key as keyof typeof english]);
    assert.deepEqual(copied, [], `${locale} copies English`);
  }
});
