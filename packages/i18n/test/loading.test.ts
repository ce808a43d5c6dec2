// Its own file (its own process), so no other test has loaded a pack before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTranslator, DEFAULT_LOCALE, loadTranslator } from '@formosa/i18n';

test('a language asked for by two callers at once (a switcher and a form) loads once, for both', async () => {
  // The page's switcher and the form both ask as soon as the citizen chooses; neither may be told it failed.
  const [a, b, c] = await Promise.all([loadTranslator('vi'), loadTranslator('vi'), loadTranslator('en')]);
  assert.equal(a, b);
  assert.equal(a.locale, 'vi');
  assert.equal(c.locale, 'en');
  assert.notEqual(a.message('nav.continue'), createTranslator(DEFAULT_LOCALE).message('nav.continue'));
});

test('a language that cannot be loaded is refused with a reason, and the next attempt tries again', async () => {
  await assert.rejects(loadTranslator('xx'), /xx/);
});
