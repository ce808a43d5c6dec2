import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postalCodeOf, TAIWAN_LISTS } from '@formosa/engine';

const TW_COUNTIES = TAIWAN_LISTS.counties;
const TW_BANKS = TAIWAN_LISTS.banks;

test('the address dataset covers Taiwan\'s 22 counties and cities and every township and district', () => {
  assert.equal(TW_COUNTIES.length, 22);
  assert.deepEqual(TW_COUNTIES.map((c) => c.code).sort(), ['CHA', 'CYI', 'CYQ', 'HSQ', 'HSZ', 'HUA', 'ILA', 'KEE', 'KHH', 'KIN', 'LIE', 'MIA', 'NAN', 'NWT', 'PEN', 'PIF', 'TAO', 'TNN', 'TPE', 'TTT', 'TXG', 'YUN']);
  const postalOnly = ['釣魚臺', '東沙群島', '南沙群島'];
  const districts = TW_COUNTIES.flatMap((c) => c.districts.filter((d) => !postalOnly.includes(d[1])));
  assert.equal(districts.length, 368, 'Taiwan has 368 townships, cities and districts');
  const perCounty = Object.fromEntries(TW_COUNTIES.map((c) => [c.code, c.districts.filter((d) => !postalOnly.includes(d[1])).length]));
  assert.deepEqual(perCounty, {
    TPE: 12, NWT: 29, TAO: 13, TXG: 29, TNN: 37, KHH: 38, KEE: 7, HSZ: 3, CYI: 2, HSQ: 13, MIA: 18,
    CHA: 26, NAN: 13, YUN: 20, CYQ: 18, PIF: 33, ILA: 12, HUA: 13, TTT: 16, PEN: 6, KIN: 6, LIE: 4,
  });
  for (const county of TW_COUNTIES) {
    assert.equal(new Set(county.districts.map((d) => d[1])).size, county.districts.length, `${county.zh}: names unique`);
    for (const [code, zh, en] of county.districts) {
      assert.match(code, /^\d{3}$/);
      assert.ok(zh && en, `${county.zh} ${zh}`);
    }
  }
});

test('postal codes as Chunghwa Post publishes them, shared codes and postal-only areas included', () => {
  assert.equal(postalCodeOf('TPE', '中正區'), '100');
  assert.equal(postalCodeOf('KEE', '中正區'), '202');
  assert.equal(postalCodeOf('NWT', '板橋區'), '220');
  assert.equal(postalCodeOf('HSZ', '香山區'), '300');
  assert.equal(postalCodeOf('CYI', '西區'), '600');
  assert.equal(postalCodeOf('KIN', '烏坵鄉'), '896');
  assert.equal(postalCodeOf('LIE', '東引鄉'), '212');
  assert.equal(postalCodeOf('ILA', '釣魚臺'), '290');
  assert.equal(postalCodeOf('TPE', '板橋區'), undefined);
});

test('banks and Chunghwa Post with their institution codes', () => {
  const codes = new Map(TW_BANKS.map(([code, zh]) => [code, zh]));
  assert.equal(codes.get('004'), '臺灣銀行');
  assert.equal(codes.get('700'), '中華郵政');
  assert.equal(codes.get('822'), '中國信託商業銀行');
  assert.equal(new Set(TW_BANKS.map((b) => b[0])).size, TW_BANKS.length);
});
