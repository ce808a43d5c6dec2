// The defensive unzip against hostile archives built here with fflate (and patched where fflate would not lie).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, type Zippable } from 'fflate';
import { unzipBounded, ZipError, type ZipBudget } from '../src/internal/zip.js';

const LIMITS = { entries: 10, entryBytes: 1024 * 1024 };
const budget = (remaining = 4 * 1024 * 1024): ZipBudget => ({ remaining });
const text = (value: string) => new TextEncoder().encode(value);

test('an ordinary archive comes back file by file, directories left out', () => {
  const zip = zipSync({ 'a.json': text('{"a":1}'), 'META-INFO': {}, 'META-INFO/manifest.xml': text('<manifest/>'), 'big.bin': new Uint8Array(200_000).fill(7) });
  const files = unzipBounded(zip, LIMITS, budget());
  assert.deepEqual([...files.keys()].sort(), ['META-INFO/manifest.xml', 'a.json', 'big.bin']);
  assert.equal(new TextDecoder().decode(files.get('a.json')), '{"a":1}');
  assert.equal(files.get('big.bin')!.length, 200_000);
  assert.ok(files.get('big.bin')!.every((byte) => byte === 7));
});

test('stored (level 0) entries are read too', () => {
  const files = unzipBounded(zipSync({ 'x.txt': [text('hello'), { level: 0 }] }), LIMITS, budget());
  assert.equal(new TextDecoder().decode(files.get('x.txt')), 'hello');
});

test('a bomb is refused from its declared size, before anything is inflated', () => {
  const bomb = zipSync({ 'zeros.bin': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
  assert.ok(bomb.length < 200_000, 'the bomb is small on the wire');
  const started = performance.now();
  assert.throws(() => unzipBounded(bomb, LIMITS, budget()), (e: unknown) => e instanceof ZipError && /declares 67108864 bytes, over the limit/.test(e.message));
  assert.ok(performance.now() - started < 50, 'refused without inflating');
});

test('the total of the declared sizes is held to the budget the nested archives share', () => {
  const files: Zippable = {};
  for (let i = 0; i < 5; i++) files[`f${i}.bin`] = new Uint8Array(300_000);
  const zip = zipSync(files);
  assert.throws(() => unzipBounded(zip, LIMITS, budget(1_000_000)), /declares 1500000 unzipped bytes, over the 1000000 still allowed/);
  const shared = budget(2_000_000);
  unzipBounded(zip, LIMITS, shared);
  assert.equal(shared.remaining, 500_000);
  assert.throws(() => unzipBounded(zip, LIMITS, shared), /over the 500000 still allowed/);
});

test('too many entries are refused from the directory count', () => {
  const files: Zippable = {};
  for (let i = 0; i < 11; i++) files[`e${i}`] = new Uint8Array(0);
  assert.throws(() => unzipBounded(zipSync(files), LIMITS, budget()), /11 entries, over the limit of 10/);
});

/** Rewrites every central-directory uncompressed size (fflate writes honest ones). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return out;
}

test('a directory that under-declares a size is caught while inflating, as soon as the output passes it', () => {
  const honest = zipSync({ 'zeros.bin': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
  const lying = lieAboutSizes(honest, 1000);
  const started = performance.now();
  assert.throws(() => unzipBounded(lying, LIMITS, budget()), /inflates beyond its declared 1000 bytes/);
  assert.ok(performance.now() - started < 500, `stopped early (${Math.round(performance.now() - started)} ms)`);
});

test('a directory that over-declares a size is caught at the end of the entry', () => {
  const lying = lieAboutSizes(zipSync({ 'a.txt': text('short') }), 500);
  assert.throws(() => unzipBounded(lying, LIMITS, budget()), /inflates to 5 bytes, not the declared 500/);
});

for (const name of ['../escape.json', 'a/../../escape.json', '/etc/passwd', 'C:/windows/x', 'a\\b.json', 'a\0b.json', './a.json', 'a//b.json']) {
  test(`the entry name ${JSON.stringify(name)} is refused`, () => {
    assert.throws(() => unzipBounded(zipSync({ [name]: text('{}') }), LIMITS, budget()), ZipError);
  });
}

test('an archive whose entry was cut short or corrupted is refused, not half-read', () => {
  const zip = zipSync({ 'a.bin': crypto.getRandomValues(new Uint8Array(4000)) }, { level: 0 });
  assert.throws(() => unzipBounded(zip.slice(0, 2000), LIMITS, budget()), ZipError);
  const deflated = zipSync({ 'a.txt': text('hello hello hello hello hello') });
  const broken = deflated.slice();
  broken[30 + 'a.txt'.length] = 0xff; // first byte of the deflate stream: an invalid block type
  assert.throws(() => unzipBounded(broken, LIMITS, budget()), ZipError);
  assert.throws(() => unzipBounded(text('not a zip at all'), LIMITS, budget()), /not a ZIP archive/);
});
