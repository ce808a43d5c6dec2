import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBusinessId, checkDate, checkEmail, checkMobile, checkNationalId, checkPersonId, checkPhone, checkResidentId, FORMATS } from '@formosa/engine';

test('national ID: the published example A123456789 is valid, a changed check digit is not', () => {
  assert.equal(checkNationalId('A123456789'), undefined);
  assert.equal(checkNationalId('F131104093'), undefined);
  assert.equal(checkNationalId('A123456788'), 'checksum');
  assert.equal(checkNationalId('A323456789'), 'shape', 'the second character is 1 or 2');
  assert.equal(checkNationalId('A12345678'), 'shape');
  assert.equal(checkNationalId('1123456789'), 'shape');
});

test('resident certificate, 2021 format: letter, 8 or 9, then the national ID checksum', () => {
  // A800000014 is the National Immigration Agency's published example; the others appear as valid numbers in
  // public Taiwan ID validators' test suites.
  for (const id of ['A800000014', 'P908661184', 'A900207177', 'A803095426']) assert.equal(checkResidentId(id), undefined, id);
  assert.equal(checkResidentId('A800000014'), undefined);
  assert.equal(checkResidentId('A900000016'), undefined);
  assert.equal(checkResidentId('A800000015'), 'checksum');
  assert.equal(checkResidentId('A700000014'), 'shape');
});

test('resident certificate, old format: two letters, the second counting as the last digit of its code', () => {
  for (const id of ['AA00000009', 'AC94737017', 'SB40558330']) assert.equal(checkResidentId(id), undefined, id);
  assert.equal(checkResidentId('AC01234567'), undefined);
  assert.equal(checkResidentId('AA00000008'), 'checksum');
  assert.equal(checkResidentId('AE00000009'), 'shape', 'the second letter is A to D');
});

test('person ID accepts either kind and keeps each check', () => {
  assert.equal(checkPersonId('A123456789'), undefined);
  assert.equal(checkPersonId('A800000014'), undefined);
  assert.equal(checkPersonId('AA00000009'), undefined);
  assert.equal(checkPersonId('A123456780'), 'checksum');
});

test('business ID (統一編號): real numbers pass, the 7th-digit-7 exception and the 2023 divisible-by-5 rule hold', () => {
  assert.equal(checkBusinessId('22099131'), undefined); // 台灣積體電路製造股份有限公司
  assert.equal(checkBusinessId('04595257'), undefined);
  assert.equal(checkBusinessId('12345675'), undefined, '7th digit 7: 28 counts as 1 or 0 (published example)');
  assert.equal(checkBusinessId('12345674'), 'checksum');
  assert.equal(checkBusinessId('04595252'), undefined, 'valid only under the 2023 divisible-by-5 rule (published example)');
  assert.equal(checkBusinessId('04595253'), 'checksum');
  assert.equal(checkBusinessId('22099132'), 'checksum');
  assert.equal(checkBusinessId('2209913'), 'shape');
});

test('phone numbers, dates and e-mail addresses', () => {
  assert.equal(checkMobile('0912345678'), undefined);
  assert.equal(checkMobile('0812345678'), 'shape');
  assert.equal(checkPhone('0223456789'), undefined);
  assert.equal(checkPhone('049234567'), undefined);
  assert.equal(checkPhone('0912345678'), undefined);
  assert.equal(checkPhone('1234567'), 'shape');
  assert.equal(checkDate('2024-02-29'), undefined);
  assert.equal(checkDate('2023-02-29'), 'date');
  assert.equal(checkDate('2024/02/01'), 'shape');
  assert.equal(checkEmail('lin@example.gov.tw'), undefined);
  assert.equal(checkEmail('lin@localhost'), 'shape');
});

test('what citizens type is normalised before the check: full-width digits, spaces, hyphens, lower case', () => {
  assert.equal(FORMATS['tw-national-id'].normalize(' a１２３４５６７８９ '), 'A123456789');
  assert.equal(FORMATS['tw-mobile'].normalize('０９１２-３４５ ６７８'), '0912345678');
  assert.equal(FORMATS['tw-phone'].normalize('(02) 2345-6789'), '0223456789');
});
