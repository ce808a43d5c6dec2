export { Translator, createTranslator, loadTranslator, isLoaded, negotiateLocale, type AnswerKind, type Calendar, type LocalText } from './translator.js';
export { LOCALES, DEFAULT_LOCALE, SUPPORTED_LOCALES, contentFallbacks, type SupportedLocale } from './locales.js';
export { loadPack, setPackSource, type PackSource } from './packs.js';
export type { MessageKey, Messages } from './messages.js';
