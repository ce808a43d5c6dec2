/** Messages in the citizen's language: ICU messages (formatjs), definition texts with fallbacks, value formatting. */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { FieldItem, LocalizedText } from '@formosa/schema';
import type { FieldError } from '@formosa/engine';
import { DEFAULT_LOCALE, type MessageKey, type Messages } from './messages.js';
import { messages as zhHantTW } from './locales/zh-Hant-TW.js';
import { messages as en } from './locales/en.js';

/** The interface packs shipped in this build, by locale. */
export const PACKS: Readonly<Record<string, Messages>> = { 'zh-Hant-TW': zhHantTW, en };

/** A text in a given language, with that language's tag so it can be marked up (`lang`) when it is a fallback. */
export interface LocalText {
  readonly text: string;
  readonly lang: string;
}

/** Which kind of answer a field asks for, to phrase "required" messages ("Select" vs "Enter"). */
export type AnswerKind = 'choice' | 'check' | 'list' | 'text';

const cache = createIntlCache();

/**
 * Picks the best supported locale for a list of wishes (attribute, page `lang`, browser languages).
 * @example
 * negotiateLocale(['en-GB', 'zh-TW'], ['zh-Hant-TW', 'en']) // 'en'
 */
export function negotiateLocale(wishes: readonly (string | null | undefined)[], supported: readonly string[] = Object.keys(PACKS)): string {
  for (const wish of wishes) {
    if (!wish) continue;
    const lower = wish.toLowerCase();
    const exact = supported.find((l) => l.toLowerCase() === lower);
    if (exact) return exact;
    // zh-TW, zh-Hant, zh-HK → zh-Hant-TW: the SDK's Chinese is Traditional.
    if (lower.startsWith('zh')) {
      const chinese = supported.find((l) => l.toLowerCase().startsWith('zh'));
      if (chinese) return chinese;
    }
    const language = lower.split('-')[0]!;
    const partial = supported.find((l) => l.toLowerCase().split('-')[0] === language);
    if (partial) return partial;
  }
  return supported.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : supported[0]!;
}

/**
 * Everything text-related for one locale.
 * @example
 * const t = createTranslator('en');
 * t.message('nav.continue') // 'Continue'
 * t.error({ path: '/name', code: 'maxLength', params: { limit: 50 } }, 'Full name') // '“Full name” must be 50 characters or fewer'
 */
export class Translator {
  private readonly intl: IntlShape<string>;
  /** Content locales to try, in order: the chosen one, English, then the SDK default. */
  readonly fallbacks: readonly string[];

  constructor(readonly locale: string) {
    const pack = PACKS[locale] ?? PACKS[DEFAULT_LOCALE]!;
    this.intl = createIntl({ locale, messages: pack, defaultLocale: DEFAULT_LOCALE, onError: () => undefined }, cache);
    this.fallbacks = [...new Set([locale, 'en', DEFAULT_LOCALE])];
  }

  /** An interface text. */
  message(key: MessageKey, params?: Record<string, string | number>): string {
    return this.intl.formatMessage({ id: key }, params) as string;
  }

  /** A definition text in this locale, else the first fallback that has it. */
  text(text: LocalizedText | undefined, extraFallbacks: readonly string[] = []): LocalText {
    if (!text) return { text: '', lang: this.locale };
    for (const lang of [...this.fallbacks, ...extraFallbacks]) {
      const value = text[lang];
      if (value) return { text: value, lang };
    }
    const [lang, value] = Object.entries(text)[0] ?? [this.locale, ''];
    return { text: value, lang };
  }

  /**
   * The message for a validation error: the field's own override, else the most specific SDK message
   * (`error.<code>.<format>`, then `error.<code>`), with the field's label.
   */
  error(error: FieldError, label: string, field?: FieldItem, kind: AnswerKind = 'text', checkMessage?: LocalizedText): string {
    const override = field?.errors?.[error.code];
    if (override) return this.text(override).text;
    if (error.code === 'check' && checkMessage) return this.text(checkMessage).text;
    const params: Record<string, string | number> = { label, kind };
    for (const [k, v] of Object.entries(error.params)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    const format = typeof error.params['format'] === 'string' ? `error.${error.code}.${error.params['format']}` : '';
    for (const key of [format, `error.${error.code}`]) {
      if (key && key in (PACKS[this.locale] ?? zhHantTW)) return this.message(key as MessageKey, params);
    }
    return this.message('error.unknown', params);
  }

  /** A number in the locale's style, e.g. 12,000. */
  number(value: number): string {
    return this.intl.formatNumber(value);
  }

  /** An ISO date (YYYY-MM-DD) in the locale's long style, e.g. 2024年5月2日 or 2 May 2024. */
  date(iso: string): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!match) return iso;
    return this.intl.formatDate(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), { dateStyle: 'long', timeZone: 'UTC' });
  }

  /** A moment in the locale's style, in Taiwan time. */
  dateTime(iso: string): string {
    return this.intl.formatDate(new Date(iso), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Taipei' });
  }
}

/** @example createTranslator('zh-Hant-TW').message('nav.back') // '上一步' */
export function createTranslator(locale: string): Translator {
  return new Translator(locale);
}
