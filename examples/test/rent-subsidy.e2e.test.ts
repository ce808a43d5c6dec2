// The demo, end to end: the built bundle, the reference server, SQLite, real Chromium, under a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { FormEngine } from '@formosa/engine';
import { STRICT_CSP } from '@formosa/server';
import { example, typedAnswers as answers } from '../fixtures.js';
import { answer, clickButton, close, launch, moveOn, open, serve, stepTitle } from './browser.js';

const ISSUE_CSP = "default-src 'self'; script-src 'self'";

before(launch);
after(close);


for (const [name, csp] of [['the issue\'s CSP (default-src \'self\'; script-src \'self\')', ISSUE_CSP], ['the stricter default CSP with Trusted Types', STRICT_CSP]] as const) {
  test(`a citizen completes and submits the rent-subsidy application in Chromium under ${name}`, async () => {
    const server = await serve(csp);
    try {
      const { page, problems } = await open(`${server.url}/form.html?id=rent-subsidy&lang=zh-Hant-TW`);
      // Prove the policy is in force: an inline script injected into the page must not run.
      const inlineRan = await page.evaluate(() => {
        const script = document.createElement('script');
        try {
          script.textContent = 'window.__inlineRan = true';
          document.head.append(script);
        } catch {
          // Trusted Types refuse the assignment itself.
        }
        return (window as Window & { __inlineRan?: boolean }).__inlineRan === true;
      });
      assert.equal(inlineRan, false, 'inline script blocked by the CSP');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(problems.some((p) => p.includes('CSP violation')), 'the probe was reported as a violation');
      problems.length = 0;
      await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('.step-title'));
      const engine = new FormEngine(example('rent-subsidy'));
      const all = answers('rent-subsidy');
      const steps = [...new Set(all.map(([path]) => engine.stepOf(path)))];
      for (const step of steps) {
        for (const [path, value] of all.filter(([p]) => engine.stepOf(p) === step)) await answer(page, path, value);
        await moveOn(page, '繼續');
      }
      assert.equal(await stepTitle(page), '送出前請確認您的資料');
      const submitted = page.evaluate(() => new Promise<{ id: string; receipt: string; secret: string }>((resolve) => document.addEventListener('formosa-submit', (e) => resolve((e as Event & { receipt: { id: string; receipt: string; secret: string } }).receipt))));
      // The receipt is a view like the others: the host hears the step change to it (its analytics, its page title).
      const toReceipt = page.evaluate(() => new Promise<string>((resolve) => document.addEventListener('formosa-step-change', (e) => {
        const { from, to } = e as Event & { from: string; to: string };
        if (to === 'submitted') resolve(`${from} → ${to}`);
      })));
      await clickButton(page, '確認送出');
      const receipt = await submitted;
      assert.equal(await Promise.race([toReceipt, new Promise((resolve) => setTimeout(resolve, 3000, 'no step change'))]), 'review → submitted');
      await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt'));
      const shown = await page.evaluate(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt')!.shadowRoot!.querySelector('.number')!.textContent);
      assert.equal(shown, receipt.receipt);
      // The receipt's QR code scans back to the receipt number (drawn from its SVG path, decoded by jsQR). Its
      // encoder is fetched at the receipt (dist/chunks/qr.js), under the same policy.
      await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt')!.shadowRoot!.querySelector('svg.qr'), { timeout: 5000 });
      const pixels = await page.evaluate(() => {
        const qr = document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-receipt')!.shadowRoot!.querySelector('svg.qr')!;
        const size = Number(qr.getAttribute('viewBox')!.split(' ')[2]);
        const scale = 8;
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = size * scale;
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.scale(scale, scale);
        context.fillStyle = '#000';
        context.fill(new Path2D(qr.querySelector('path')!.getAttribute('d')!));
        return { width: canvas.width, data: Array.from(context.getImageData(0, 0, canvas.width, canvas.width).data) };
      });
      assert.equal(jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.width)?.data, receipt.receipt);
      const stored = await (await fetch(`${server.url}/api/forms/rent-subsidy/submissions/${receipt.id}`, { headers: { 'formosa-receipt-secret': receipt.secret } })).json();
      assert.equal(stored.receipt, receipt.receipt);
      assert.equal(stored.data.applicant.nationalId, 'A123456789');
      assert.equal(stored.data.rental.monthlyRent, 12000);
      assert.equal(await server.store.count('rent-subsidy'), 1);
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await server.close();
    }
  });
}
