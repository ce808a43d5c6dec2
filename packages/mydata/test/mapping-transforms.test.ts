import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transform, rocDate, maskedId, maskedMatch, twCounty, twAddress } from '../src/mapping/index.js';

test('roc-date reads every form agencies write', () => {
  const cases: [string, string][] = [
    ['0560914', '1967-09-14'],
    ['560914', '1967-09-14'],
    ['1070101', '2018-01-01'],
    ['107年01月01日', '2018-01-01'],
    ['107年1月1日', '2018-01-01'],
    ['民國107年1月1日', '2018-01-01'],
    ['民國 107 年 1 月 1 日', '2018-01-01'],
    ['32/02/02', '1943-02-02'],
    ['107/01/01', '2018-01-01'],
    ['107.01.01', '2018-01-01'],
    ['107-01-01', '2018-01-01'],
    ['１０７／０１／０１', '2018-01-01'],
    ['０５６０９１４', '1967-09-14'],
    ['１０７年１２月３１日', '2018-12-31'],
    [' 1070101 ', '2018-01-01'],
    ['1/01/01', '1912-01-01'],
    ['1090229', '2020-02-29'],
    ['114/12/31', '2025-12-31'],
  ];
  for (const [input, iso] of cases) assert.deepEqual(transform('roc-date', input), { value: iso }, input);
});

test('roc-date refuses a day the calendar does not have, and any other text', () => {
  const malformed: unknown[] = [
    '1070230', '1080229', '107年13月01日', '107年00月01日', '107年01月32日', '000/01/01', '0000101', '0/01/01', 'abc', '107/1', '', '   ',
    '107/01-01', '10701011', '70101', '2018-01-01', '107年01月01', '107年1月1號', '107/01/01/01', '１０７年', '民國', '-107/01/01',
    1070101, 560914, null, undefined, true, {}, ['1070101'],
  ];
  for (const input of malformed) {
    const result = transform('roc-date', input);
    assert.ok('problem' in result, `${JSON.stringify(input)} → ${JSON.stringify(result)}`);
  }
  assert.equal(rocDate('1070230'), undefined);
});

test('masked-id normalises a masked national ID and checks its shape', () => {
  assert.deepEqual(transform('masked-id', 'A14****692'), { value: 'A14****692' });
  assert.deepEqual(transform('masked-id', 'ａ１４＊＊＊＊６９２'), { value: 'A14****692' });
  assert.deepEqual(transform('masked-id', ' a14****692 '), { value: 'A14****692' });
  assert.deepEqual(transform('masked-id', 'A123456789'), { value: 'A123456789' });
  assert.deepEqual(transform('masked-id', 'F2****5678'), { value: 'F2****5678' });
  assert.equal(maskedId('A800000014'), 'A800000014'); // a new resident number: the same check digit rule
  assert.equal(maskedId('AC01234567'), 'AC01234567'); // an old resident number: no check made
});

test('masked-id refuses a wrong length, shape or check digit', () => {
  const malformed: unknown[] = [
    'A14****69', 'A14****6921', '114****692', 'A34****692', 'A1A****692', '**4****692', 'A14-***692', 'A14＊＊＊*69２２', 'A123456788',
    'A14 ***692', '', 'abc', 1234567890, null, {},
  ];
  for (const input of malformed) assert.ok('problem' in transform('masked-id', input), JSON.stringify(input));
});

test('a masked match compares only what both sides show', () => {
  assert.equal(maskedMatch('A14****692', 'A141234692'), true);
  assert.equal(maskedMatch('a14****692', 'A141234692'), true);
  assert.equal(maskedMatch('A14****692', 'A151234692'), false);
  assert.equal(maskedMatch('A14****692', 'A14123469'), false);
  assert.equal(maskedMatch('**********', 'A141234692'), false);
});

test('text: trimmed, NFC, full-width ASCII made half-width, numbers written out', () => {
  assert.deepEqual(transform('text', '  王小明 '), { value: '王小明' });
  assert.deepEqual(transform('text', 'ＡＢＣ１２３'), { value: 'ABC123' });
  assert.deepEqual(transform('text', 'e\u0301'), { value: '\u00e9' });
  assert.deepEqual(transform('text', 42), { value: '42' });
  assert.ok('problem' in transform('text', '   '));
  assert.ok('problem' in transform('text', { a: 1 }));
  assert.ok('problem' in transform('text', Infinity));
});

test('integer reads grouped and plain whole numbers', () => {
  assert.deepEqual(transform('integer', '12,345'), { value: 12345 });
  assert.deepEqual(transform('integer', 12345), { value: 12345 });
  assert.deepEqual(transform('integer', '１２３'), { value: 123 });
  assert.deepEqual(transform('integer', '-7'), { value: -7 });
  for (const bad of ['12.5', 12.5, '1,2345', 'abc', '', '9007199254740993', NaN, null]) assert.ok('problem' in transform('integer', bad), String(bad));
});

test('enum maps an exact (trimmed) value and refuses an unknown one', () => {
  const table = { enum: { 低收入戶: 'low', 中低收入戶: 'middle-low', Y: true, 1: 1 } };
  assert.deepEqual(transform(table, '低收入戶'), { value: 'low' });
  assert.deepEqual(transform(table, ' 中低收入戶 '), { value: 'middle-low' });
  assert.deepEqual(transform(table, 'Ｙ'), { value: true });
  assert.deepEqual(transform(table, 1), { value: 1 });
  assert.ok('problem' in transform(table, '一般戶'));
  assert.ok('problem' in transform(table, 'constructor'));
  assert.ok('problem' in transform(table, 'toString'));
});

test('join joins every part with the separator, and refuses when one is missing', () => {
  assert.deepEqual(transform({ join: { separator: '' } }, ['臺北市', '大安區', '大安里']), { value: '臺北市大安區大安里' });
  assert.deepEqual(transform({ join: {} }, ['a', 'b']), { value: 'ab' });
  assert.deepEqual(transform({ join: { separator: ' ' } }, ['王', 12]), { value: '王 12' });
  const missing = transform({ join: { separator: '' } }, ['臺北市', undefined, '大安里']);
  assert.deepEqual(missing, { problem: 'part 2 of 3 is missing' });
  assert.ok('problem' in transform({ join: {} }, ['a', '  ']));
  assert.ok('problem' in transform({ join: {} }, 'a'));
});

test('present says whether the selection holds anything', () => {
  const present = { present: { yes: 'yes', no: 'no' } };
  assert.deepEqual(transform(present, '低收入戶'), { value: 'yes' });
  assert.deepEqual(transform(present, [{}]), { value: 'yes' });
  assert.deepEqual(transform(present, 0), { value: 'yes' });
  for (const empty of [undefined, null, '', ' ', [], {}]) assert.deepEqual(transform(present, empty), { value: 'no' }, JSON.stringify(empty));
});

test('tw-county: both 臺 and 台, former counties, codes and English names', () => {
  assert.deepEqual(transform('tw-county', '臺北市'), { value: 'TPE' });
  assert.deepEqual(transform('tw-county', '台北市'), { value: 'TPE' });
  assert.deepEqual(transform('tw-county', '台東縣'), { value: 'TTT' });
  assert.deepEqual(transform('tw-county', '新北市'), { value: 'NWT' });
  assert.deepEqual(transform('tw-county', '臺北縣'), { value: 'NWT' });
  assert.deepEqual(transform('tw-county', '桃園縣'), { value: 'TAO' });
  assert.deepEqual(transform('tw-county', '連江縣'), { value: 'LIE' });
  assert.deepEqual(transform('tw-county', ' Kaohsiung City '), { value: 'KHH' });
  assert.deepEqual(transform('tw-county', 'khh'), { value: 'KHH' });
  for (const bad of ['臺北', '北京市', '', 'constructor', 42, null]) assert.ok('problem' in transform('tw-county', bad), String(bad));
  assert.equal(twCounty('台中市'), 'TXG');
});

test('tw-address writes the register address as one street line', () => {
  assert.deepEqual(transform('tw-address', { village: '大安里', neighbor: '005', street_doorplate: '信義路三段100號' }), { value: '大安里5鄰信義路三段100號' });
  assert.equal(twAddress({ village: '大安里', neighbor: '０１２', street_doorplate: '信義路三段100號' }), '大安里12鄰信義路三段100號');
  assert.equal(twAddress({ village: '大安里', neighbor: '5鄰', street_doorplate: '信義路三段100號' }), '大安里5鄰信義路三段100號');
  assert.equal(twAddress({ village: '大安里', neighbor: 5, neighbor_char: '鄰', street_doorplate: '信義路三段100號' }), '大安里5鄰信義路三段100號');
  assert.equal(twAddress({ village: '大安村', neighbor: '005', neighbor_char: '鄰', street_doorplate: '中山路1號' }), '大安村5鄰中山路1號');
  // A neighbor_char that is no suffix (digits) is not written.
  assert.equal(twAddress({ village: '大安里', neighbor: '005', neighbor_char: '12', street_doorplate: '信義路三段100號' }), '大安里5鄰信義路三段100號');
  assert.equal(twAddress({ village: '大安里', neighbor: '000', street_doorplate: '信義路三段100號' }), '大安里信義路三段100號');
  assert.equal(twAddress({ village: '大安里', street_doorplate: '信義路三段100號' }), '大安里信義路三段100號');
  assert.equal(twAddress({ street_doorplate: '信義路三段100號' }), '信義路三段100號');
  assert.equal(twAddress({ village: '大安里', neighbor: '5', street_doorplate: '大安里5鄰信義路三段100號' }), '大安里5鄰信義路三段100號');
  for (const bad of [{ village: '大安里', neighbor: '005' }, { village: '大安里', neighbor: 'abc', street_doorplate: 'x路1號' }, '信義路', null, []]) {
    assert.ok('problem' in transform('tw-address', bad), JSON.stringify(bad));
  }
  // Only own properties: a prototype's street is no street.
  assert.ok('problem' in transform('tw-address', Object.create({ street_doorplate: '信義路三段100號' })));
});
