/**
 * The SDK's interface texts by locale: the bundled default pack, and the others once `loadTranslator` has loaded
 * them (see packs.ts). A lookup tries the locale's pack, then the default one (packs are complete, a test checks
 * it, so only a locale whose pack is not loaded falls back). A plain map rather than i18next: lookup with one
 * fallback is all the SDK asked of it, and it was 15 KB of the bundle's gzip.
 */
import { DEFAULT_LOCALE } from './locales.js';
import { defaultPack } from './packs.js';

type Pack = Readonly<Record<string, string>>;

const packs = new Map<string, Pack>([[DEFAULT_LOCALE, defaultPack]]);

/** Adds a loaded pack (the first one added for a locale stays). */
export function addPack(locale: string, pack: Pack): void {
  if (!packs.has(locale)) packs.set(locale, pack);
}

export function hasPack(locale: string): boolean {
  return packs.has(locale);
}

/** The message under `key` for `locale`, with the locale of the pack it came from (whose plural rules format it). */
export function lookup(locale: string, key: string): { message: string; lang: string } | undefined {
  for (const lang of [locale, DEFAULT_LOCALE]) {
    const pack = packs.get(lang);
    if (pack && Object.hasOwn(pack, key)) return { message: pack[key]!, lang };
  }
  return undefined;
}
