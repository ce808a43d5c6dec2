// The agency's React app around the national rent-subsidy form: its own header, language buttons, progress line
// and receipt; the form itself is <formosa-form>, served with its SDK by the agency's API on another origin.
import { useEffect, useState } from 'react';
import type {} from '@formosa/elements/react';
import { LOCALES, TEXTS, type Locale } from './texts.js';

const API = import.meta.env.FORMOSA_API;
const FORM = 'rent-subsidy';

/** Who signed in to the agency's site: the form starts from what the agency already knows. */
const SIGNED_IN = { name: '林小美', nationalId: 'A123456789' };

// One object for the whole visit: the form merges every new `values` it is given into the answers, so a fresh
// object on each render would put back the name the citizen may have corrected.
const PREFILL = { applicant: { name: SIGNED_IN.name, nationalId: SIGNED_IN.nationalId } };

export function App() {
  const [locale, setLocale] = useState<Locale>('zh-Hant-TW');
  const [view, setView] = useState<string>();
  const [receipt, setReceipt] = useState<string>();
  const texts = TEXTS[locale];

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${texts.service} — ${texts.agency}`;
  }, [locale, texts]);

  return (
    <>
      <header className="masthead">
        <p className="agency">{texts.agency}</p>
        <nav aria-label={texts.languages}>
          {LOCALES.map((option) => (
            <button key={option.locale} type="button" lang={option.locale} aria-pressed={option.locale === locale} onClick={() => setLocale(option.locale)}>
              {option.name}
            </button>
          ))}
        </nav>
      </header>
      <main>
        <h1>{texts.service}</h1>
        <p>{texts.greeting(SIGNED_IN.name)}</p>
        {view ? (
          <p className="progress" data-view={view} aria-live="polite">
            {texts.progress(texts.views[view] ?? view)}
          </p>
        ) : null}
        {receipt ? (
          <p className="receipt" role="status">
            {texts.received} <strong>{receipt}</strong>
          </p>
        ) : null}
        <formosa-form
          src={`${API}/api/forms/${FORM}`}
          validator-src={`${API}/api/forms/${FORM}/validator.js`}
          locale={locale}
          values={PREFILL}
          // MyData's sign-in needs the page and the API on one origin; on another origin the citizen fills in by hand.
          mydata="off"
          onformosa-step-change={(event) => setView(event.to)}
          onformosa-submit={(event) => setReceipt(event.receipt.receipt)}
        />
      </main>
    </>
  );
}
