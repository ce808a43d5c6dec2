import type { messages as defaultMessages } from './locales/zh-Hant-TW.js';

/** The keys of the SDK's own interface texts (the default pack defines them). */
export type MessageKey = keyof typeof defaultMessages;

/** A complete pack of interface texts for one locale. */
export type Messages = Readonly<Record<MessageKey, string>>;

/** The default locale of the SDK. */
export const DEFAULT_LOCALE = 'zh-Hant-TW';
