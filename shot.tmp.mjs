import puppeteer from 'puppeteer-core';
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage();
await page.setViewport({ width: 1000, height: 1400 });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation', (e) => console.error('CSP', e.violatedDirective, e.blockedURI)));
await page.goto('http://127.0.0.1:8090/form.html?id=rent-subsidy', { waitUntil: 'networkidle0' });
await page.screenshot({ path: '/tmp/form1.png' });
// Continue with nothing filled
await page.evaluate(() => document.querySelector('formosa-form').shadowRoot.querySelector('button.primary').click());
await new Promise((r) => setTimeout(r, 500));
await page.screenshot({ path: '/tmp/form2.png' });
console.log('active', await page.evaluate(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a?.outerHTML.slice(0, 120); }));
await browser.close();
