/**
 * The consent page: who asks, for which datasets (with their fields and agencies), a persona picker standing in for
 * identity verification, and Agree / Decline. Plain HTML and a form POST: no script, no inline style (the page is
 * served under a CSP that allows neither).
 */
import { SANDBOX_DATASETS, type Lang } from './catalogue.js';
import { RETURN_FAULT_CODES, type Fault, type ZipBomb } from './faults.js';
import { PERSONAS } from './personas.js';
import type { Transaction } from './platform.js';

export const LANGS: readonly Lang[] = ['zh-Hant-TW', 'en'];

const T = {
  title: { 'zh-Hant-TW': 'MyData 個人化資料自主運用:同意授權', en: 'MyData: consent to share your data' },
  sandbox: {
    'zh-Hant-TW': '測試沙盒:這不是真正的 MyData 平臺,所有資料皆為虛構。',
    en: 'Test sandbox: this is not the real MyData platform; every record here is made up.',
  },
  switchTo: { 'zh-Hant-TW': 'English', en: '中文' },
  asks: { 'zh-Hant-TW': '以下服務申請取得您的資料:', en: 'This service asks for your data:' },
  agency: { 'zh-Hant-TW': '資料提供機關', en: 'Held by' },
  identity: { 'zh-Hant-TW': '身分驗證(沙盒:請選擇您是誰)', en: 'Identity verification (sandbox: choose who you are)' },
  via: { 'zh-Hant-TW': '驗證方式', en: 'verified with' },
  faults: { 'zh-Hant-TW': '測試用:注入錯誤', en: 'Testing: inject a fault' },
  noFault: { 'zh-Hant-TW': '無(正常流程)', en: 'None (normal flow)' },
  agree: { 'zh-Hant-TW': '同意並傳送資料', en: 'Agree and send my data' },
  decline: { 'zh-Hant-TW': '不同意', en: 'Decline' },
  notice: {
    'zh-Hant-TW': '同意後,資料將由各機關直接傳送至上述服務,並於下載後刪除。',
    en: 'If you agree, each agency sends the data straight to this service; the platform deletes it once downloaded.',
  },
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The fault menu for manual testing: value → the fault it injects (dataset faults hit the first dataset). */
export function consentFaults(resources: readonly string[]): { value: string; label: string; fault: Fault }[] {
  const first = resources[0] ?? '';
  const bombs: ZipBomb[] = ['oversized', 'entries', 'traversal'];
  return [
    ...RETURN_FAULT_CODES.map((code) => ({ value: `code-${code}`, label: `return code ${code}`, fault: { code } })),
    { value: 'pull-429', label: 'pull: 429, 429, then 200', fault: { pull: [429, 429, 200] } },
    { value: 'unavailable-first', label: `unable to deliver ${first}`, fault: { unavailable: [first] } },
    { value: 'bad-digest', label: `bad digest in ${first}`, fault: { badDigest: first } },
    { value: 'bad-signature', label: `bad signature on ${first}`, fault: { badSignature: first } },
    { value: 'wrong-certificate', label: `${first} signed by a certificate outside the CA`, fault: { wrongCertificate: first } },
    { value: 'second-download', label: 'already downloaded (201)', fault: { secondDownload: true } },
    { value: 'truncated-jwe', label: 'truncated JWE', fault: { truncatedJwe: true } },
    ...bombs.map((kind) => ({ value: `zip-${kind}`, label: `zip bomb: ${kind}`, fault: { zipBomb: kind } })),
    { value: 'notify-fails', label: 'notification fails (410)', fault: { notifyFails: true } },
  ];
}

export function consentPage(tx: Transaction, lang: Lang): string {
  const t = (key: keyof typeof T): string => escapeHtml(T[key][lang]);
  const other = lang === 'en' ? 'zh-Hant-TW' : 'en';
  const datasets = tx.resources.map((resource) => {
    const d = SANDBOX_DATASETS[resource];
    if (!d) return `<li><code>${escapeHtml(resource)}</code></li>`;
    const fields = d.fields.map((f) => `<li>${escapeHtml(f[lang])}</li>`).join('');
    return `<li class="dataset"><h3>${escapeHtml(d.name[lang])} <code>${escapeHtml(resource)}</code></h3><p>${t('agency')}: ${escapeHtml(d.agency[lang])}</p><ul>${fields}</ul></li>`;
  });
  const personas = PERSONAS.map((p) => {
    const checked = p.nationalId === tx.pid ? ' checked' : '';
    const id = `persona-${p.id}`;
    return `<div class="persona"><input type="radio" name="persona" id="${id}" value="${escapeHtml(p.id)}" required${checked}><label for="${id}"><strong>${escapeHtml(p.name)}</strong> <code>${escapeHtml(p.nationalId)}</code><br>${escapeHtml(p.summary[lang])} (${t('via')} ${escapeHtml(p.identityMethod.name[lang])})</label></div>`;
  });
  const faults = consentFaults(tx.resources).map((f) => `<option value="${f.value}">${escapeHtml(f.label)}</option>`);
  const switchHref = `/service/consent?tx=${encodeURIComponent(tx.txId)}&lang=${other}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('title')}</title>
<link rel="stylesheet" href="/service/static/consent.css">
</head>
<body>
<header><p class="sandbox" role="note">${t('sandbox')}</p><a class="lang" href="${escapeHtml(switchHref)}" lang="${other}" hreflang="${other}">${t('switchTo')}</a></header>
<main>
<h1>${t('title')}</h1>
<h2>${t('asks')} <span class="sp">${escapeHtml(tx.client.name ?? tx.client.clientId)}</span></h2>
<ul class="datasets">${datasets.join('')}</ul>
<form method="post" action="/service/consent">
<input type="hidden" name="tx" value="${escapeHtml(tx.txId)}">
<input type="hidden" name="lang" value="${lang}">
<fieldset><legend>${t('identity')}</legend>${personas.join('')}</fieldset>
<details><summary>${t('faults')}</summary><label for="fault">${t('faults')}</label> <select name="fault" id="fault"><option value="">${t('noFault')}</option>${faults.join('')}</select></details>
<p>${t('notice')}</p>
<div class="actions"><button type="submit" name="action" value="agree">${t('agree')}</button> <button type="submit" name="action" value="decline" formnovalidate class="secondary">${t('decline')}</button></div>
</form>
</main>
</body>
</html>
`;
}

export function errorPage(status: number, message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>MyData sandbox: ${status}</title><link rel="stylesheet" href="/service/static/consent.css"></head>
<body><main><h1>${status}</h1><p>${escapeHtml(message)}</p><p lang="zh-Hant-TW">MyData 測試沙盒無法處理此要求。</p></main></body>
</html>
`;
}

export const CONSENT_CSS = `body { font-family: system-ui, "Noto Sans TC", sans-serif; margin: 0; color: #1b1b1b; background: #f6f7f9; line-height: 1.5; }
header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: .5rem 1rem; background: #fff4ce; border-bottom: 2px solid #d4a300; }
.sandbox { margin: 0; font-weight: 600; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
.datasets { list-style: none; padding: 0; }
.dataset { background: #fff; border: 1px solid #c9ced6; border-radius: 6px; padding: .75rem 1rem; margin-bottom: .75rem; }
.dataset h3 { margin: 0 0 .25rem; font-size: 1.05rem; }
fieldset { background: #fff; border: 1px solid #c9ced6; border-radius: 6px; margin: 1rem 0; }
.persona { display: flex; gap: .5rem; align-items: flex-start; padding: .35rem 0; }
.persona input { margin-top: .35rem; }
details { margin: 1rem 0; }
.actions { display: flex; gap: 1rem; }
button { font: inherit; padding: .6rem 1.2rem; border-radius: 6px; border: 2px solid #1d4ed8; background: #1d4ed8; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1d4ed8; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #d4a300; outline-offset: 2px; }
code { font-size: .9em; }
`;
