export { Translator, createTranslator, negotiateLocale, PACKS, type AnswerKind, type LocalText } from './translator.js';
export { DEFAULT_LOCALE, type MessageKey, type Messages } from './messages.js';
