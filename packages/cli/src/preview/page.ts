/**
 * The preview's page: the drop-in bundle and the page's own script (files, so it runs under `script-src 'self'`),
 * a line saying which version is shown, the definition's problems, the form, and what a submission would send.
 */

/** The page's policy: nothing inline, nothing evaluated, Trusted Types enforced, nothing fetched elsewhere. */
export const PREVIEW_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "require-trusted-types-for 'script'", 'trusted-types lit-html',
].join('; ');

/** A BCP 47 tag (the only text the page takes from the command line). */
export const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The page's HTML. `locale` is the form's language when given (`--locale`), else the definition's default.
 * @example
 * previewPage({ lang: 'zh-Hant-TW' })
 */
export function previewPage({ lang, locale }: { lang: string; locale?: string }): string {
  if (!LOCALE_TAG.test(lang) || (locale !== undefined && !LOCALE_TAG.test(locale))) throw new Error(`not a language tag: ${locale ?? lang}`);
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Formosa preview</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/preview.css" />
    <script src="/dist/formosa.min.js" defer></script>
    <script src="/preview.js" type="module"></script>
  </head>
  <body>
    <header class="bar">
      <p><strong>Formosa preview</strong> <span id="status" role="status">Connecting…</span></p>
      <formosa-language-switcher variant="select"></formosa-language-switcher>
    </header>
    <main>
      <section id="problems" class="problems" hidden tabindex="-1" aria-labelledby="problems-heading">
        <h2 id="problems-heading"></h2>
        <ol id="problem-list"></ol>
      </section>
      <div id="form-area" hidden>
        <formosa-form id="form" draft="off" mydata="off"${locale ? ` locale="${locale}"` : ''}></formosa-form>
      </div>
      <section id="sent" class="sent" hidden aria-labelledby="sent-heading">
        <h2 id="sent-heading">What would be sent</h2>
        <p>Checked by the preview as the agency's server checks it, and sent nowhere.</p>
        <pre id="sent-data"></pre>
      </section>
    </main>
  </body>
</html>
`;
}

export const PREVIEW_STYLES = `:root { font-family: system-ui, 'Noto Sans TC', sans-serif; line-height: 1.5; color: #0b0c0c; }
body { margin: 0; }
.bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem; padding: 0.5rem 1rem; background: #f3f2f1; border-bottom: 1px solid #b1b4b6; }
.bar p { margin: 0; }
main { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
.problems { border: 4px solid #d4351c; padding: 0 1rem 1rem; margin-bottom: 1.5rem; }
.problems.warnings { border-color: #f47738; }
.problems li { margin: 0.25rem 0; }
.problems code { font-weight: 600; }
.sent { border-top: 4px solid #00703c; margin-top: 2rem; }
.sent pre { background: #f3f2f1; padding: 1rem; overflow: auto; }
`;
