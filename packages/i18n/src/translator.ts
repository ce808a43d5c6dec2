/** Messages in the citizen's language: ICU interface texts (i18next + formatjs), definition texts with fallbacks, formatting. */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { TFunction } from 'i18next';
import type { FieldItem, LocalizedText } from '@formosa/schema';
import type { FieldError } from '@formosa/engine';
import { contentFallbacks, DEFAULT_LOCALE, SUPPORTED_LOCALES } from './locales.js';
import type { MessageKey } from './messages.js';
import { NAMESPACE, sdkI18n } from './i18next.js';
import { loadPack } from './packs.js';

/** A text in a given language, with that language's tag so it can be marked up (`lang`) when it is a fallback. */
export interface LocalText {
  readonly text: string;
  readonly lang: string;
}

/** Which kind of answer a field asks for, to phrase "required" messages ("Select" vs "Enter"). */
export type AnswerKind = 'choice' | 'check' | 'list' | 'text';

/** Which calendar a date is shown in. */
export type Calendar = 'gregorian' | 'roc';

const cache = createIntlCache();

/**
 * Picks the best supported locale for a list of wishes (attribute, page `lang`, browser languages).
 * @example
 * negotiateLocale(['en-GB', 'zh-TW']) // 'en'
 * negotiateLocale(['id-ID']) // 'id'
 */
export function negotiateLocale(wishes: readonly (string | null | undefined)[], supported: readonly string[] = SUPPORTED_LOCALES): string {
  for (const wish of wishes) {
    if (!wish) continue;
    const lower = wish.toLowerCase();
    const exact = supported.find((l) => l.toLowerCase() === lower);
    if (exact) return exact;
    const language = lower.split('-')[0]!;
    // zh-TW, zh-Hant, zh-HK → zh-Hant-TW: the SDK's Chinese is Traditional. tl (Tagalog) reads Filipino. in → id (old code).
    const alias = ({ zh: 'zh', tl: 'fil', in: 'id' } as Record<string, string>)[language] ?? language;
    const partial = supported.find((l) => l.toLowerCase().split('-')[0] === alias);
    if (partial) return partial;
  }
  return supported.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : supported[0]!;
}

/**
 * Everything text-related for one locale. Get one with {@link loadTranslator} (which loads the locale's pack),
 * or {@link createTranslator} for a locale already loaded.
 * @example
 * const t = await loadTranslator('vi');
 * t.message('nav.continue') // 'Tiếp tục'
 */
export class Translator {
  private formatters: IntlShape<string> | undefined;
  private readonly t: TFunction;
  /** Content locales to try, in order: the chosen one, English, then the SDK default. */
  readonly fallbacks: readonly string[];

  constructor(readonly locale: string) {
    this.t = sdkI18n().getFixedT(locale, NAMESPACE);
    this.fallbacks = contentFallbacks(locale);
  }

  /** Created on first use: a cold page pays for ICU's locale data only once it formats a number, list or date. */
  private get intl(): IntlShape<string> {
    return (this.formatters ??= createIntl({ locale: this.locale, onError: () => undefined }, cache));
  }

  /** An interface text. */
  message(key: MessageKey, params?: Record<string, string | number>): string {
    return this.t(key, params ?? {}) as string;
  }

  /** Whether the interface has a message under `key`. */
  has(key: string): boolean {
    return sdkI18n().exists(key, { lng: this.locale, ns: NAMESPACE });
  }

  /** A definition text in this locale, else the first fallback that has it. */
  text(text: LocalizedText | undefined): LocalText {
    if (!text) return { text: '', lang: this.locale };
    for (const lang of this.fallbacks) {
      const value = text[lang];
      if (value) return { text: value, lang };
    }
    const [lang, value] = Object.entries(text)[0] ?? [this.locale, ''];
    return { text: value, lang };
  }

  /** The language to mark a shown text with (`lang`) when it is a fallback; undefined when it is this locale's. */
  fallbackLang(text: LocalText): string | undefined {
    return text.text && text.lang !== this.locale ? text.lang : undefined;
  }

  /**
   * The message for a validation error: the field's own override, else the most specific SDK message
   * (`error.<code>.<format>`, then `error.<code>`), with the field's label. An override or check message the
   * definition lacks in this locale comes in a fallback language, named by `lang`.
   */
  error(error: FieldError, label: string, field?: FieldItem, kind: AnswerKind = 'text', checkMessage?: LocalizedText): LocalText {
    const override = field?.errors?.[error.code];
    if (override) return this.text(override);
    if (error.code === 'check' && checkMessage) return this.text(checkMessage);
    return { text: this.sdkError(error, label, kind), lang: this.locale };
  }

  private sdkError(error: FieldError, label: string, kind: AnswerKind): string {
    const params: Record<string, string | number> = { label, kind };
    for (const [k, v] of Object.entries(error.params)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    const format = typeof error.params['format'] === 'string' ? `error.${error.code}.${error.params['format']}` : '';
    for (const key of [format, `error.${error.code}`]) if (key && this.has(key)) return this.message(key as MessageKey, params);
    return this.message('error.unknown', params);
  }

  /** A number in the locale's style, e.g. 12,000 or 12.000. */
  number(value: number): string {
    return this.intl.formatNumber(value);
  }

  /** An amount of money, e.g. NT$12,000 (New Taiwan dollars have no cents in daily use). */
  currency(value: number, currency = 'TWD'): string {
    return this.intl.formatNumber(value, { style: 'currency', currency, maximumFractionDigits: currency === 'TWD' ? 0 : 2 });
  }

  /** A list joined the locale's way, e.g. "A、B和C" or "A, B, and C" ("A, B, or C" for a disjunction). */
  list(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
    return this.intl.formatList(items, { type }) as string;
  }

  /** A file size the locale's way, e.g. 10 MB or 471 kB. */
  fileSize(bytes: number): string {
    const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
    return this.intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 });
  }

  /** An ISO date (YYYY-MM-DD) in the locale's long style, in the Gregorian or ROC (民國) calendar. */
  date(iso: string, calendar: Calendar = 'gregorian'): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!match) return iso;
    const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return new Intl.DateTimeFormat(calendar === 'roc' ? `${this.locale}-u-ca-roc` : this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(time);
  }

  /** A time of day on this device's clock, short (`10:42`): when a draft was saved. */
  time(ms: number): string {
    return this.intl.formatTime(new Date(ms), { timeStyle: 'short' });
  }

  /** A day, long, on this device's calendar (Gregorian): until when a draft is kept. */
  day(ms: number): string {
    return this.intl.formatDate(new Date(ms), { dateStyle: 'long' });
  }

  /** A moment in the locale's style, in Taiwan time. */
  dateTime(iso: string): string {
    return this.intl.formatDate(new Date(iso), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Taipei' });
  }
}

const translators = new Map<string, Translator>();

/** The translator of a locale whose pack is loaded (the default always is). */
export function createTranslator(locale: string): Translator {
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = new Translator(locale)));
  return translator;
}

/**
 * Loads a locale's interface pack (once) and returns its translator.
 * @example
 * const t = await loadTranslator(negotiateLocale([form.locale, document.documentElement.lang, ...navigator.languages]));
 */
export async function loadTranslator(locale: string): Promise<Translator> {
  const i18n = sdkI18n();
  if (!i18n.hasResourceBundle(locale, NAMESPACE)) {
    const pack = await loadPack(locale);
    if (!i18n.hasResourceBundle(locale, NAMESPACE)) i18n.addResourceBundle(locale, NAMESPACE, pack);
  }
  return createTranslator(locale);
}

/** Whether a locale's pack is loaded, so {@link createTranslator} can be used synchronously. */
export function isLoaded(locale: string): boolean {
  return sdkI18n().hasResourceBundle(locale, NAMESPACE);
}
