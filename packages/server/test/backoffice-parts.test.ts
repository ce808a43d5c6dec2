import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allows, checkToken, newToken, tokenIdOf } from '../src/backoffice/tokens.js';
import { canMove, DEFAULT_FLOW, flowProblems } from '../src/status/flow.js';

const now = new Date('2026-12-06T12:00:00Z');

test('a token is stored hashed, proves its holder, and nothing else proves anything', () => {
  const { text, stored } = newToken({ holder: '王小明 (台北市社會局)', scopes: ['read', 'decide'], forms: ['rent-subsidy'] }, now);
  assert.ok(!JSON.stringify(stored).includes(text.split('_')[2]!), 'the secret is not stored');
  assert.equal(tokenIdOf(text), stored.id);
  const principal = checkToken(text, stored, now);
  assert.ok(typeof principal === 'object');
  assert.equal(principal.holder, '王小明 (台北市社會局)');
  assert.equal(checkToken(`${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`, stored, now), 'invalid', 'one character off');
  assert.equal(checkToken(newToken({ holder: 'x', scopes: ['read'], forms: ['*'] }, now).text, stored, now), 'invalid', "another token against this one's record");
  assert.equal(checkToken('Bearer nonsense', stored, now), 'invalid');
  assert.equal(tokenIdOf('fbo_../../etc_x'), undefined);
  assert.equal(checkToken(text, { ...stored, revokedAt: now.toISOString() }, now), 'revoked');
  assert.equal(checkToken(text, { ...stored, expiresAt: now.toISOString() }, now), 'expired');
});

test("scopes and forms: a caseworker of one form reads it and not another; reading is not deciding", () => {
  const { text, stored } = newToken({ holder: 'a', scopes: ['read'], forms: ['rent-subsidy'] }, now);
  const principal = checkToken(text, stored, now);
  assert.ok(typeof principal === 'object');
  assert.equal(allows(principal, 'read', 'rent-subsidy'), true);
  assert.equal(allows(principal, 'read', 'childcare-allowance'), false);
  assert.equal(allows(principal, 'decide', 'rent-subsidy'), false);
  assert.equal(allows({ ...principal, forms: ['*'] }, 'read', 'childcare-allowance'), true);
});

test('the default status flow: the caseworker decides, the citizen only answers a request for more information', () => {
  assert.deepEqual(flowProblems(DEFAULT_FLOW), []);
  assert.equal(canMove(DEFAULT_FLOW, 'in_review', 'info_requested', 'caseworker'), true);
  assert.equal(canMove(DEFAULT_FLOW, 'info_requested', 'in_review', 'citizen'), true);
  assert.equal(canMove(DEFAULT_FLOW, 'in_review', 'approved', 'citizen'), false);
  assert.equal(canMove(DEFAULT_FLOW, 'approved', 'in_review', 'caseworker'), false, 'final');
  assert.equal(canMove(DEFAULT_FLOW, 'submitted', 'approved', 'caseworker'), false, 'not without a review');
  assert.deepEqual(flowProblems({ initial: 'new', moves: { new: [{ to: 'gone', by: 'caseworker' }], done: [] }, reopens: [], final: ['new'] }), [
    '"new" moves to "gone", which is not in moves', 'final status "new" moves on', '"done" is not final but nothing moves out of it',
  ]);
});
