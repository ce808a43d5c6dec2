/** The languages of the SDK's own interface: Taiwan's, and those of its new immigrants and migrant workers. */
export const LOCALES = [
  { tag: 'zh-Hant-TW', name: '繁體中文' },
  { tag: 'en', name: 'English' },
  { tag: 'vi', name: 'Tiếng Việt' },
  { tag: 'id', name: 'Bahasa Indonesia' },
  { tag: 'th', name: 'ภาษาไทย' },
  { tag: 'ms', name: 'Bahasa Melayu' },
  { tag: 'fil', name: 'Filipino' },
] as const;

export type SupportedLocale = (typeof LOCALES)[number]['tag'];

/** The SDK's default locale: its pack is bundled; the others are loaded when chosen. */
export const DEFAULT_LOCALE: SupportedLocale = 'zh-Hant-TW';

export const SUPPORTED_LOCALES: readonly SupportedLocale[] = LOCALES.map((l) => l.tag);

/** Where definition texts are looked for, in order: the citizen's locale, English, then the default (e.g. fil → en → zh-Hant-TW). */
export function contentFallbacks(locale: string): string[] {
  return [...new Set([locale, 'en', DEFAULT_LOCALE])];
}
