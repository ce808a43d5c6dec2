import type defaultPack from './locales/zh-Hant-TW.json';

/** The keys of the SDK's own interface texts (the default pack defines them; every pack has exactly these). */
export type MessageKey = keyof typeof defaultPack;

/** A complete pack of interface texts for one locale: ICU messages by key. */
export type Messages = Readonly<Record<MessageKey, string>>;
