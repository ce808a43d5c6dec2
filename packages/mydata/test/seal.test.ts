import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { applyMapping, checkSeal, sealValues, type SealInput } from '../src/mapping/index.js';
import { content, household, lowIncome, spec, SUBJECT } from './mapping-fixtures.js';

// A fixed key: the seal holds keyed hashes, Base64url text in which a random key would now and then spell a short
// value such as `low` by chance (1 run in about 100 failed so); with this key the seal is the same at every run.
const key = Buffer.from('formosa seal test key, 32 bytes!', 'utf8');
const NOW = Date.parse('2026-12-06T10:05:00Z');
const EXPIRES = NOW + 60 * 60_000;
const mapped = applyMapping(spec, [content('API.UDauDOLyZg', household), content('API.AbAYGIjoYw', lowIncome)], SUBJECT);
const input: SealInput = { form: 'rent-subsidy', subject: SUBJECT, tx: '6f1c0e4e-6f57-4a8e-9a53-0b7f2d7c1a10', expiresAt: EXPIRES, ...mapped };

/** The submission a browser sends back: the values at their pointers, plus whatever the citizen typed. */
function submitted(): Record<string, unknown> {
  const m = mapped.values;
  return {
    applicant: {
      id: m['/applicant/id'], name: m['/applicant/name'], birthDate: m['/applicant/birthDate'], county: 'TPE', street: m['/applicant/street'],
      status: m['/applicant/status'], since: m['/applicant/since'], phone: '0912345678',
    },
    household: {
      members: [0, 1, 2].map((i) => ({ name: m[`/household/members/${i}/name`], birthDate: m[`/household/members/${i}/birthDate`] ?? '2006-03-02', relationship: m[`/household/members/${i}/relationship`] })),
    },
  };
}

const seal = sealValues(key, input);
const check = (data: unknown, overrides: Partial<{ form: string; now: number; subject: string }> = {}, sealed = seal) =>
  checkSeal(key, sealed, { form: 'rent-subsidy', data, now: NOW, ...overrides });

test('round trip: the untouched submission verifies every locked value, with its dataset and time', () => {
  const result = check(submitted());
  assert.ok(result.ok, JSON.stringify(result));
  const locked = Object.keys(mapped.provenance).filter((p) => mapped.provenance[p]!.locked).sort();
  assert.deepEqual(result.verified.map((v) => v.path), locked);
  assert.ok(!locked.includes('/applicant/county'), 'an editable value is not sealed');
  assert.deepEqual(result.verified.find((v) => v.path === '/applicant/status'), { path: '/applicant/status', resource: 'API.AbAYGIjoYw', retrievedAt: '2026-12-06T10:00:00.000Z' });
  assert.ok(check(submitted(), { subject: 'a123456789' }).ok, 'the same subject, written in lower case');
});

test('the seal is URL-safe and holds no value, no ID in clear', () => {
  assert.match(seal, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  const decoded = Buffer.from(seal.split('.')[0]!, 'base64url').toString('utf8');
  for (const value of [...Object.values(mapped.values).map(String), SUBJECT, '王大明', '1967-09-14', 'low']) {
    assert.ok(!decoded.includes(value) && !seal.includes(value), `${value} is in the seal`);
  }
});

test('an editable value may change; a locked one may not', () => {
  const data = submitted();
  (data['applicant'] as Record<string, unknown>)['county'] = 'KHH';
  (data['applicant'] as Record<string, unknown>)['phone'] = '0900000000';
  assert.ok(check(data).ok);
  (data['applicant'] as Record<string, unknown>)['name'] = '王小明';
  assert.deepEqual(check(data), { ok: false, reason: 'tampered', paths: ['/applicant/name'] });
});

test('a locked value not sent (hidden by the form\'s rules, a household of one) is not verified, and not a tampering', () => {
  for (const [name, omit, missing] of [
    ['removed value', (d: Record<string, any>) => delete d.applicant.street, ['/applicant/street']], // eslint-disable-line @typescript-eslint/no-explicit-any -- reaching into a submission
    ['removed last entry', (d: Record<string, any>) => d.household.members.pop(), ['/household/members/2/birthDate', '/household/members/2/name']], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['emptied repeat', (d: Record<string, any>) => (d.household = {}), ['/household/members/0/birthDate', '/household/members/0/name', '/household/members/1/name', '/household/members/2/birthDate', '/household/members/2/name']], // eslint-disable-line @typescript-eslint/no-explicit-any
  ] as const) {
    const data = submitted();
    omit(data);
    const result = check(data);
    assert.ok(result.ok, `${name}: ${JSON.stringify(result)}`);
    const verified = result.verified.map((v) => v.path);
    for (const path of missing) assert.ok(!verified.includes(path), `${name}: ${path} is not verified`);
    assert.ok(verified.includes('/applicant/name'), `${name}: the rest still is`);
  }
});

test('tampering: a changed or retyped value, the subject, the order of a repeat', () => {
  const cases: [string, (d: Record<string, any>) => void, string[]][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any -- reaching into a submission
    ['changed value', (d) => (d.applicant.status = 'middle-low'), ['/applicant/status']],
    ['same text, other type', (d) => (d.applicant.birthDate = ['1967-09-14']), ['/applicant/birthDate']],
    ['another subject', (d) => (d.applicant.id = 'B223456781'), ['/applicant/id']],
    ['entries reordered', (d) => d.household.members.reverse(), ['/household/members/0/birthDate', '/household/members/0/name', '/household/members/2/birthDate', '/household/members/2/name']],
    ['a value from the prototype', (d) => (d.applicant = Object.assign(Object.create({ name: '王大明' }), { ...d.applicant, name: '王小明' })), ['/applicant/name']],
  ];
  for (const [name, tamper, paths] of cases) {
    const data = submitted();
    tamper(data);
    const result = check(data);
    assert.equal(result.ok, false, name);
    assert.ok(!result.ok && result.reason === 'tampered', `${name}: ${JSON.stringify(result)}`);
    assert.deepEqual([...result.paths].sort(), [...paths].sort(), name);
  }
});

test('a seal is refused for another form, another person, or past its time', () => {
  assert.deepEqual(check(submitted(), { form: 'tuition-fee-reduction' }), { ok: false, reason: 'invalid' });
  assert.deepEqual(check(submitted(), { subject: 'B223456781' }), { ok: false, reason: 'invalid' });
  assert.deepEqual(check(submitted(), { now: EXPIRES }), { ok: false, reason: 'expired' });
  assert.ok(check(submitted(), { now: EXPIRES - 1 }).ok);
  // Tampered and expired: the tampering is what is said.
  const data = submitted();
  (data['applicant'] as Record<string, unknown>)['name'] = 'x';
  assert.deepEqual(check(data, { now: EXPIRES + 1 }), { ok: false, reason: 'tampered', paths: ['/applicant/name'] });
});

test('a payload rewritten (a later expiry, a path dropped, another form) no longer matches its MAC', () => {
  const [body, tag] = seal.split('.') as [string, string];
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { e: number; p: unknown[]; f: string };
  const rewrite = (change: (p: typeof payload) => void) => {
    const copy = structuredClone(payload);
    change(copy);
    return `${Buffer.from(JSON.stringify(copy)).toString('base64url')}.${tag}`;
  };
  assert.deepEqual(check(submitted(), { now: EXPIRES + 1 }, rewrite((p) => (p.e = EXPIRES + 3_600_000))), { ok: false, reason: 'invalid' });
  assert.deepEqual(check(submitted(), {}, rewrite((p) => p.p.shift())), { ok: false, reason: 'invalid' });
  assert.deepEqual(check(submitted(), { form: 'other' }, rewrite((p) => (p.f = 'other'))), { ok: false, reason: 'invalid' });
  // Nor does a seal made with another key.
  assert.deepEqual(checkSeal(randomBytes(32), seal, { form: 'rent-subsidy', data: submitted(), now: NOW }), { ok: false, reason: 'invalid' });
});

test('a seal for the same values in another transaction, or by another key, differs', () => {
  assert.notEqual(sealValues(key, { ...input, tx: 'another' }), seal);
  assert.equal(sealValues(key, input), seal, 'deterministic');
  assert.notEqual(sealValues(randomBytes(32), input), seal);
});

test('garbage seals are invalid, never thrown on', () => {
  const [body, tag] = seal.split('.') as [string, string];
  const forgedTag = `${body}.${tag.slice(0, -1)}${tag.endsWith('A') ? 'B' : 'A'}`;
  const notJson = `${Buffer.from('not json').toString('base64url')}.${tag}`;
  const garbage: unknown[] = [
    '', '.', 'abc', `${body}.`, `.${tag}`, `${body}.${tag}.x`, forgedTag, notJson, `${body}!.${tag}`, `${body}.${tag.slice(0, 20)}`,
    'a'.repeat(3_000_000), 42, null, undefined, {}, ['a', 'b'],
  ];
  for (const bad of garbage) {
    assert.deepEqual(checkSeal(key, bad as string, { form: 'rent-subsidy', data: submitted(), now: NOW }), { ok: false, reason: 'invalid' }, String(bad).slice(0, 40));
  }
  // Nor is anything thrown for data of any shape: what is not there is not verified.
  for (const data of [null, 'text', [], 42, { applicant: null }]) {
    const result = check(data);
    assert.ok(result.ok && result.verified.length === 0, JSON.stringify(result));
  }
});

test('keys too short are refused; expiry must be a time', () => {
  assert.throws(() => sealValues(new Uint8Array(16), input), /at least 32 bytes/);
  assert.throws(() => checkSeal(new Uint8Array(0), seal, { form: 'x', data: {}, now: NOW }), /at least 32 bytes/);
  assert.throws(() => sealValues(key, { ...input, expiresAt: Number.NaN }), /milliseconds/);
});

test('a form with no locked value seals nothing, and checks as untampered', () => {
  const empty = sealValues(key, { ...input, values: { '/a': 1 }, provenance: { '/a': { resource: 'API.AbAYGIjoYw', retrievedAt: 'now', locked: false } } });
  assert.deepEqual(checkSeal(key, empty, { form: 'rent-subsidy', data: {}, now: NOW }), { ok: true, verified: [] });
});
