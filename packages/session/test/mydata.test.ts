import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lockedUnder, mergePrefill, withoutPrefill } from '@formosa/session';

const prefill = {
  '/applicant/name': '王大明',
  '/household/members/0/name': '王小華',
  '/household/members/0/birthDate': '2010-01-01',
  '/household/members/1/name': '陳美玲',
};

test('a prefill fills its fields and replaces a list it fills as a whole (no mix with entries typed before)', () => {
  const typed = { applicant: { name: '王大名', mobile: '0912345678' }, household: { members: [{ name: 'typed', relationship: 'child' }, { name: 'a' }, { name: 'b' }] } };
  const merged = mergePrefill(typed, prefill);
  assert.deepEqual(merged, {
    applicant: { name: '王大明', mobile: '0912345678' },
    household: { members: [{ name: '王小華', birthDate: '2010-01-01' }, { name: '陳美玲' }] },
  });
});

test('what a draft keeps: everything but the values MyData handed out that are still as handed out', () => {
  const now = mergePrefill({ applicant: { mobile: '0912345678' } }, prefill);
  const edited = { ...now, household: { members: [{ name: '王小華', birthDate: '2010-01-01', relationship: 'child' }, { name: '陳美鈴' }] } };
  assert.deepEqual(withoutPrefill(edited, prefill), {
    applicant: { mobile: '0912345678' },
    household: { members: [{ relationship: 'child' }, { name: '陳美鈴' }] },
  }, 'a changed value is the citizen\'s own answer and is kept; a typed one beside the prefilled ones too');
});

test('locked: a field, or a list with a locked value in one of its entries', () => {
  const provenance = {
    '/applicant/name': { resource: 'API.UDauDOLyZg', retrievedAt: '2026-12-06T10:00:00Z', locked: true },
    '/household/members/0/name': { resource: 'API.UDauDOLyZg', retrievedAt: '2026-12-06T10:00:00Z', locked: true },
    '/household/members/0/relationship': { resource: 'API.UDauDOLyZg', retrievedAt: '2026-12-06T10:00:00Z', locked: false },
  };
  assert.ok(lockedUnder(provenance, '/applicant/name'));
  assert.ok(!lockedUnder(provenance, '/applicant/mobile'));
  assert.ok(lockedUnder(provenance, '/household/members/0'), 'an entry holding a locked value cannot be removed');
  assert.ok(!lockedUnder(provenance, '/household/members/0/relationship'), 'an editable value can change');
  assert.ok(!lockedUnder(provenance, '/household/members/1'));
  assert.ok(!lockedUnder(provenance, '/applicant/na'), 'a prefix of a name is not the field');
});
