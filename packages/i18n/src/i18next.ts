/**
 * The SDK's own i18next instance (never the page's global one). Packs are added by `loadTranslator` once loaded
 * (see packs.ts), not through an i18next backend: two callers asking for one language at once both get it.
 */
import i18next, { type i18n } from 'i18next';
import { icuFormat } from './icu.js';
import { DEFAULT_LOCALE } from './locales.js';
import { defaultPack } from './packs.js';

export const NAMESPACE = 'formosa';

/** Created on first use, so importing the SDK costs nothing until a form needs a text. */
let instance: i18n | undefined;

export function sdkI18n(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance
    .use(icuFormat)
    .init({
      lng: DEFAULT_LOCALE,
      // Packs are complete (a test checks it), so only the bundled default is ever a fallback: choosing one
      // language downloads that language alone.
      fallbackLng: DEFAULT_LOCALE,
      ns: [NAMESPACE],
      defaultNS: NAMESPACE,
      resources: { [DEFAULT_LOCALE]: { [NAMESPACE]: defaultPack } },
      initAsync: false,
      keySeparator: false,
      nsSeparator: false,
      returnNull: false,
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    } as Parameters<i18n['init']>[0]);
  return instance;
}
