/**
 * Interface packs: the default one is bundled; the others are JSON files loaded when a citizen chooses them,
 * so a page in one language never downloads the six others.
 */
import defaultPack from './locales/zh-Hant-TW.json' with { type: 'json' };
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from './locales.js';
import type { Messages } from './messages.js';

/** Loads one locale's pack. */
export type PackSource = (locale: string) => Promise<Messages>;

/** Next to this module (in a bundle: next to the bundle), `locales/<tag>.json`. */
const defaultSource: PackSource = async (locale) => {
  const url = new URL(`./locales/${locale}.json`, import.meta.url);
  if (url.protocol === 'file:') return ((await import(url.href, { with: { type: 'json' } })) as { default: Messages }).default;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the ${locale} interface texts from ${url.href} (${response.status})`);
  return (await response.json()) as Messages;
};

let source: PackSource = defaultSource;
const loaded = new Map<string, Promise<Messages>>([[DEFAULT_LOCALE, Promise.resolve(defaultPack as Messages)]]);

/**
 * Replaces where packs come from (e.g. a CDN, or packs bundled by the host).
 * @example
 * setPackSource((locale) => import(`./my-locales/${locale}.json`).then((m) => m.default));
 */
export function setPackSource(next: PackSource): void {
  source = next;
  for (const key of loaded.keys()) if (key !== DEFAULT_LOCALE) loaded.delete(key);
}

/** The pack of a supported locale, loaded once. */
export function loadPack(locale: string): Promise<Messages> {
  if (!SUPPORTED_LOCALES.includes(locale as never)) return Promise.reject(new Error(`No interface texts for "${locale}"`));
  let pack = loaded.get(locale);
  if (!pack) {
    pack = source(locale);
    loaded.set(locale, pack);
    pack.catch(() => loaded.delete(locale));
  }
  return pack;
}

export { defaultPack };
