// The MyData views' texts: complete in every language the SDK speaks, with the placeholders the views fill in.
// zh-Hant-TW's travel in the MyData chunk (not the bundle); the six others' in their interface packs as `mydata.<key>`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, loadPack, loadTranslator } from '@formosa/i18n';
import { MYDATA_DEFAULT_TEXTS, type MyDataTextKey } from '../../packages/elements/src/components/mydata/mydata-texts.js';
import { createSpeaker } from '../../packages/elements/src/components/mydata/mydata-kit.js';

const keys = Object.keys(MYDATA_DEFAULT_TEXTS).sort() as MyDataTextKey[];
const PREFIX = 'mydata.';

/** A language's MyData texts from where they live: the chunk's object for zh-Hant-TW, its pack for the others. */
async function textsOf(locale: string): Promise<Record<string, string>> {
  if (locale === DEFAULT_LOCALE) return { ...MYDATA_DEFAULT_TEXTS };
  const pack: Record<string, string> = await loadPack(locale);
  return Object.fromEntries(Object.entries(pack).filter(([k]) => k.startsWith(PREFIX)).map(([k, v]) => [k.slice(PREFIX.length), v]));
}

/** A text's arguments; it must be text and plain `{name}` arguments only (the zh-Hant-TW fallback is replaced so). */
function argumentsOf(text: string, where: string): string[] {
  const names = new Set<string>();
  for (const element of parse(text)) {
    if (element.type === TYPE.argument) names.add(element.value);
    else assert.equal(element.type, TYPE.literal, `${where}: only text and {name} arguments, no plural, select or tag`);
  }
  return [...names].sort();
}

test('the bundled default pack carries no MyData text: they travel in the MyData chunk', async () => {
  const pack: Record<string, string> = await loadPack(DEFAULT_LOCALE);
  assert.deepEqual(Object.keys(pack).filter((k) => k.startsWith(PREFIX)), []);
});

for (const locale of SUPPORTED_LOCALES) {
  test(`${locale}: exactly the chunk's MyData texts, none empty, each with the zh-Hant-TW text's placeholders`, async () => {
    const texts = await textsOf(locale);
    assert.deepEqual(Object.keys(texts).sort(), keys, 'the same keys as the zh-Hant-TW texts in the MyData chunk');
    for (const key of keys) {
      const text = texts[key]!;
      assert.ok(text.trim().length > 0, `${key} is empty`);
      assert.equal(text, text.trim(), `${key} has spaces around it`);
      assert.deepEqual(argumentsOf(text, `${locale} ${key}`), argumentsOf(MYDATA_DEFAULT_TEXTS[key], `zh-Hant-TW ${key}`), `${locale} ${key}: placeholders`);
    }
  });

  test(`${locale}: the views say each text from its home, the placeholders filled in`, async () => {
    const texts = await textsOf(locale);
    const say = createSpeaker(await loadTranslator(locale), undefined).say;
    const params = { agency: '內政部戶政司', time: '14:05', count: 3, minutes: 15 };
    for (const key of keys) {
      const expected = texts[key]!.replace(/\{(\w+)\}/g, (_, name: keyof typeof params) => String(params[name]));
      assert.equal(say(key, params), expected, `${locale} ${key}`);
    }
  });
}

test('the translations are translated: no language repeats the English sentences', async () => {
  const english = await textsOf('en');
  for (const locale of SUPPORTED_LOCALES) {
    if (locale === 'en') continue;
    const texts = await textsOf(locale);
    const copied = keys.filter((key) => key !== 'provenance' && texts[key] === english[key]);
    assert.deepEqual(copied, [], `${locale} copies English`);
  }
});
