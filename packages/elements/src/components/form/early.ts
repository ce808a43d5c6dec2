/**
 * What the forms already in the page will ask for first — their definitions, a language pack, the drafts' storage,
 * the analytics chunk — is asked for by the drop-in bundle before the rest of its code runs (src/early.ts is its first
 * module), so it travels while the elements are defined and upgraded: a good part of a cold first step on a slow
 * phone. Packs, storage and chunks are cached where they are loaded anyway; a definition's answer is taken once here,
 * so a form loaded again, or given another `src`, asks anew.
 */
import { DEFAULT_LOCALE, loadPack, negotiateLocale } from '@formosa/i18n';
import { pageDevice } from '../../internal/device.js';

const asked = new Map<string, Promise<Response>>();

const request = (url: string) => fetch(url, { headers: { accept: 'application/json' } });

/** The interface language a form shows: its `locale`, else the nearest `lang` around it, else the browser's. */
export function wantedLocaleOf(form: Element, chosen: string | null | undefined): string {
  return negotiateLocale([chosen, form.closest('[lang]')?.getAttribute('lang'), ...navigator.languages]);
}

/** A src that is not a URL is the form's to report when it loads: here it must not stop the bundle starting. */
function urlOf(src: string): string | undefined {
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    return undefined;
  }
}

/** Starts what every `<formosa-form src>` of the document needs for its first step (a deferred script sees them all). */
export function startEarly(): void {
  if (typeof document === 'undefined') return;
  const forms = [...document.querySelectorAll('formosa-form[src]')];
  for (const form of forms) {
    const url = urlOf(form.getAttribute('src')!);
    if (url && !asked.has(url)) {
      const response = request(url);
      // A failure is the taker's to report (or nobody's, if no form takes it): never an unhandled rejection.
      response.catch(() => undefined);
      asked.set(url, response);
    }
    const locale = wantedLocaleOf(form, form.getAttribute('locale'));
    if (locale !== DEFAULT_LOCALE) loadPack(locale).catch(() => undefined);
    if (form.getAttribute('draft') !== 'off') void pageDevice();
  }
  if (forms.length) import('@formosa/elements/analytics').catch(() => undefined);
}

/** The answer for the definition at `url`: the one asked for early if there is one, else a new request. */
export function definitionResponse(url: string): Promise<Response> {
  const early = asked.get(url);
  asked.delete(url);
  return early ?? request(url);
}
