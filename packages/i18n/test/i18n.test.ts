import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator, negotiateLocale, PACKS, DEFAULT_LOCALE } from '@formosa/i18n';

/** The argument names of an ICU message, nested ones included. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && element.type !== TYPE.literal) into.add(String(element.value));
    if ('options' in element) for (const option of Object.values(element.options)) placeholders(option.value, into);
  }
  return into;
}

const defaults = PACKS[DEFAULT_LOCALE]!;

for (const [locale, pack] of Object.entries(PACKS)) {
  test(`${locale}: has every key of the default pack, each message parses, with the same placeholders`, () => {
    assert.deepEqual(Object.keys(pack).sort(), Object.keys(defaults).sort());
    for (const [key, message] of Object.entries(pack)) {
      const mine = placeholders(parse(message));
      const theirs = placeholders(parse(defaults[key as keyof typeof defaults]));
      assert.deepEqual([...mine].sort(), [...theirs].sort(), `${locale} ${key}`);
    }
  });
}

test('errors are rendered from codes with their parameters, plurals included', () => {
  const en = createTranslator('en');
  const zh = createTranslator('zh-Hant-TW');
  assert.equal(en.error({ path: '/a', code: 'maxLength', params: { limit: 50 } }, 'Full name'), '“Full name” must be 50 characters or fewer');
  assert.equal(en.error({ path: '/a', code: 'maxLength', params: { limit: 1 } }, 'Initial'), '“Initial” must be 1 character or fewer');
  assert.equal(zh.error({ path: '/a', code: 'maxLength', params: { limit: 50 } }, '姓名'), '「姓名」最多 50 個字');
  assert.equal(en.error({ path: '/a', code: 'minimum', params: { limit: 10000 } }, 'Rent'), '“Rent” must be 10,000 or more');
  assert.equal(en.error({ path: '/a', code: 'required', params: {} }, 'Bank', undefined, 'choice'), 'Select “Bank”');
  assert.equal(zh.error({ path: '/a', code: 'required', params: {} }, '姓名'), '請填寫「姓名」');
  assert.equal(zh.error({ path: '/a', code: 'format', params: { format: 'tw-national-id', reason: 'checksum' } }, '身分證統一編號'), '「身分證統一編號」的號碼有誤，請再檢查一次');
  assert.equal(en.error({ path: '/a', code: 'format', params: { format: 'tw-mobile', reason: 'shape' } }, 'Mobile'), 'Enter “Mobile” as a mobile number starting with 09, like 0912345678');
  assert.equal(en.error({ path: '/a', code: 'somethingNew', params: {} }, 'Name'), 'Check “Name”');
});

test('a field\'s own message wins, and a check shows the designer\'s message', () => {
  const en = createTranslator('en');
  const field = { field: '/bank/account', label: { en: 'Account' }, errors: { pattern: { 'zh-Hant-TW': '帳號須為數字', en: 'Enter digits only' } } };
  assert.equal(en.error({ path: '/bank/account', code: 'pattern', params: {} }, 'Account', field), 'Enter digits only');
  assert.equal(en.error({ path: '/x', code: 'check', params: { index: 0 } }, 'End', undefined, 'text', { 'zh-Hant-TW': '結束日須晚於開始日', en: 'End after start' }), 'End after start');
});

test('definition texts fall back, and say in which language they came', () => {
  const vi = createTranslator('vi');
  assert.deepEqual(vi.text({ 'zh-Hant-TW': '姓名', en: 'Name' }), { text: 'Name', lang: 'en' });
  assert.deepEqual(vi.text({ 'zh-Hant-TW': '姓名' }), { text: '姓名', lang: 'zh-Hant-TW' });
  assert.deepEqual(createTranslator('en').text({ 'zh-Hant-TW': '姓名', en: 'Name' }), { text: 'Name', lang: 'en' });
});

test('dates and numbers follow the locale', () => {
  assert.equal(createTranslator('zh-Hant-TW').date('2024-05-02'), '2024年5月2日');
  assert.equal(createTranslator('en').date('2024-05-02'), 'May 2, 2024');
  assert.equal(createTranslator('en').number(12000), '12,000');
});

test('locale negotiation prefers exact matches, maps every Chinese tag to Traditional, else the default', () => {
  assert.equal(negotiateLocale(['en-GB']), 'en');
  assert.equal(negotiateLocale(['zh-TW', 'en']), 'zh-Hant-TW');
  assert.equal(negotiateLocale([undefined, 'zh-HK']), 'zh-Hant-TW');
  assert.equal(negotiateLocale(['fr', 'de']), 'zh-Hant-TW');
});
