import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator, loadTranslator, negotiateLocale, DEFAULT_LOCALE, SUPPORTED_LOCALES } from '@formosa/i18n';

/** The argument names of an ICU message, nested ones included. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && element.type !== TYPE.literal) into.add(String(element.value));
    if ('options' in element) for (const option of Object.values(element.options)) placeholders(option.value, into);
  }
  return into;
}

const pack = (locale: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../src/locales/${locale}.json`, import.meta.url), 'utf8'));
const defaults = pack(DEFAULT_LOCALE);
/**
 * Keys the six fetched packs carry beyond the default pack's: texts whose zh-Hant-TW source travels with the code that
 * shows them (the MyData chunk), not in the bundle. The six packs agree on them with English here;
 * examples/test/mydata-texts.test.ts checks them against their zh-Hant-TW source.
 */
const outsideTheBundle = (key: string) => key.startsWith('mydata.');
const english = pack('en');
const fetchedOnly = Object.keys(english).filter(outsideTheBundle).sort();

test('seven interface languages: Taiwan\'s, and those of its new immigrants and migrant workers', () => {
  assert.deepEqual([...SUPPORTED_LOCALES], ['zh-Hant-TW', 'en', 'vi', 'id', 'th', 'ms', 'fil']);
});

for (const locale of SUPPORTED_LOCALES) {
  test(`${locale}: every key of the default pack (and the fetched packs' own), each message parses, with the same placeholders`, () => {
    const messages = pack(locale);
    const keys = Object.keys(messages);
    assert.deepEqual(keys.filter((k) => !outsideTheBundle(k)).sort(), Object.keys(defaults).sort());
    assert.deepEqual(keys.filter(outsideTheBundle).sort(), locale === DEFAULT_LOCALE ? [] : fetchedOnly, 'the keys only the fetched packs carry');
    for (const [key, message] of Object.entries(messages)) {
      assert.ok(message.trim().length > 0, `${locale} ${key} is empty`);
      const mine = placeholders(parse(message));
      const theirs = placeholders(parse((outsideTheBundle(key) ? english : defaults)[key]!));
      assert.deepEqual([...mine].sort(), [...theirs].sort(), `${locale} ${key}`);
    }
  });

  test(`${locale}: validation messages carry their parameters`, async () => {
    const t = await loadTranslator(locale);
    assert.equal(t.locale, locale);
    const max = t.error({ path: '/a', code: 'maxLength', params: { limit: 50 } }, 'X').text;
    assert.match(max, /50/);
    assert.match(max, /X/);
    assert.match(t.error({ path: '/a', code: 'minimum', params: { limit: 10000 } }, 'X').text, /10[.,\s ]?000/);
    assert.match(t.error({ path: '/a', code: 'rocYear', params: { min: 1, max: 200 } }, 'X').text, /200/);
    assert.notEqual(t.message('nav.continue'), locale === DEFAULT_LOCALE ? '' : createTranslator(DEFAULT_LOCALE).message('nav.continue'));
  });
}

test('English and Filipino use plural forms; languages without plurals take the number as it is', async () => {
  const en = await loadTranslator('en');
  assert.equal(en.error({ path: '/a', code: 'maxLength', params: { limit: 50 } }, 'Full name').text, '“Full name” must be 50 characters or fewer');
  assert.equal(en.error({ path: '/a', code: 'maxLength', params: { limit: 1 } }, 'Initial').text, '“Initial” must be 1 character or fewer');
  assert.equal(en.message('repeat.count', { count: 1 }), '1 entry added');
  assert.equal(en.message('repeat.count', { count: 3 }), '3 entries added');
  const vi = await loadTranslator('vi');
  assert.match(vi.message('repeat.count', { count: 3 }), /3/);
});

test('errors are rendered from codes, with the field\'s own message first', () => {
  const zh = createTranslator('zh-Hant-TW');
  assert.equal(zh.error({ path: '/a', code: 'maxLength', params: { limit: 50 } }, '姓名').text, '「姓名」最多 50 個字');
  assert.equal(zh.error({ path: '/a', code: 'required', params: {} }, '姓名').text, '請填寫「姓名」');
  assert.equal(zh.error({ path: '/a', code: 'format', params: { format: 'tw-national-id', reason: 'checksum' } }, '身分證統一編號').text, '「身分證統一編號」的號碼有誤，請再檢查一次');
  assert.equal(zh.error({ path: '/a', code: 'format', params: { format: 'date', reason: 'incomplete' } }, '出生日期').text, '「出生日期」請填寫完整的年、月、日');
  assert.equal(zh.error({ path: '/a', code: 'somethingNew', params: {} }, '姓名').text, '請檢查「姓名」');
  const field = { field: '/bank/account', label: { en: 'Account' }, errors: { pattern: { 'zh-Hant-TW': '帳號須為數字', en: 'Enter digits only' } } };
  assert.equal(zh.error({ path: '/bank/account', code: 'pattern', params: {} }, '帳號', field).text, '帳號須為數字');
  assert.equal(zh.error({ path: '/x', code: 'check', params: { index: 0 } }, '迄日', undefined, 'text', { 'zh-Hant-TW': '迄日須晚於起日', en: 'End after start' }).text, '迄日須晚於起日');
  // A message the definition has not translated yet comes in its fallback language, and says so.
  assert.deepEqual(zh.error({ path: '/bank/account', code: 'pattern', params: {} }, 'Account', { ...field, errors: { pattern: { en: 'Enter digits only' } } }), { text: 'Enter digits only', lang: 'en' });
  assert.equal(zh.fallbackLang({ text: 'Enter digits only', lang: 'en' }), 'en');
  assert.equal(zh.fallbackLang(zh.error({ path: '/a', code: 'required', params: {} }, '姓名')), undefined);
});

test('definition texts fall back fil → en → zh-Hant-TW, and say which language they came in', () => {
  const fil = createTranslator('fil');
  assert.deepEqual(fil.text({ 'zh-Hant-TW': '姓名', en: 'Name', fil: 'Pangalan' }), { text: 'Pangalan', lang: 'fil' });
  assert.deepEqual(fil.text({ 'zh-Hant-TW': '姓名', en: 'Name' }), { text: 'Name', lang: 'en' });
  assert.deepEqual(fil.text({ 'zh-Hant-TW': '姓名' }), { text: '姓名', lang: 'zh-Hant-TW' });
});

test('numbers, New Taiwan dollars, lists and dates follow the locale; dates also in the ROC calendar', async () => {
  const zh = createTranslator('zh-Hant-TW');
  const en = await loadTranslator('en');
  const vi = await loadTranslator('vi');
  assert.equal(zh.date('2024-05-02'), '2024年5月2日');
  assert.equal(zh.date('2024-05-02', 'roc'), '民國113年5月2日');
  assert.equal(en.date('2024-05-02'), 'May 2, 2024');
  assert.equal(en.date('2024-05-02', 'roc'), 'May 2, 113 Minguo');
  assert.equal(en.number(12000), '12,000');
  assert.equal(vi.number(12000), '12.000');
  assert.equal(en.currency(12000), 'NT$12,000');
  assert.equal(zh.currency(12000), '$12,000');
  assert.equal(en.list(['A', 'B', 'C']), 'A, B, and C');
  assert.equal(zh.list(['甲', '乙', '丙']), '甲、乙和丙');
});

test('locale negotiation: exact, then language; Chinese tags read Traditional, tl reads Filipino, else the default', () => {
  assert.equal(negotiateLocale(['en-GB']), 'en');
  assert.equal(negotiateLocale(['zh-TW', 'en']), 'zh-Hant-TW');
  assert.equal(negotiateLocale([undefined, 'zh-HK']), 'zh-Hant-TW');
  assert.equal(negotiateLocale(['vi-VN']), 'vi');
  assert.equal(negotiateLocale(['tl']), 'fil');
  assert.equal(negotiateLocale(['in-ID']), 'id');
  assert.equal(negotiateLocale(['fr', 'de']), 'zh-Hant-TW');
});

test('an unknown locale is refused loudly, not shown half-translated', async () => {
  await assert.rejects(loadTranslator('fr'), /No interface texts for "fr"|could not be loaded/);
});

test('a refused character is explained in every language, with the reason', async () => {
  for (const locale of SUPPORTED_LOCALES) {
    const t = await loadTranslator(locale);
    const texts = ['control', 'bidi', 'invisible'].map((reason) => t.error({ path: '/name', code: 'characters', params: { reason } }, 'X').text);
    assert.equal(new Set(texts).size, 3, `${locale}: three different explanations`);
    for (const text of texts) assert.match(text, /X/);
  }
});
