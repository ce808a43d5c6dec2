/**
 * Interface messages are ICU MessageFormat: arguments, numbers, selects and plurals (with `=N` and `#`). The
 * bundles carry them parsed at build time (scripts/icu.js), so the browser needs only this reader of the parsed
 * form, which follows formatjs' IntlMessageFormat; elsewhere a message is parsed on first use.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { cached } from './intl.js';

type Values = Readonly<Record<string, string | number>>;

/** The number styles ICU names (`{n, number, percent}`), as IntlMessageFormat defines them. */
const NUMBER_STYLES: Readonly<Record<string, Intl.NumberFormatOptions>> = { integer: { maximumFractionDigits: 0 }, currency: { style: 'currency' }, percent: { style: 'percent' } };

const own = <T>(options: Record<string, T>, key: string): T | undefined => (Object.hasOwn(options, key) ? options[key] : undefined);

const parsed = new Map<string, MessageFormatElement[]>();

/**
 * Formats `message` with `values` by the rules of `locale` (the language the message came from, whose plurals
 * apply, which for a fallback is not the one asked for). A value the message needs and `values` lacks throws.
 */
export function formatMessage(message: string, values: Values, locale: string): string {
  // A message that is only text was reduced to it at build time (marked \u0002).
  if (message.charCodeAt(0) === 2) return message.slice(1);
  let elements = parsed.get(message);
  // Precompiled messages are marked \u0001.
  if (!elements) parsed.set(message, (elements = message.charCodeAt(0) === 1 ? (JSON.parse(message.slice(1)) as MessageFormatElement[]) : parse(message)));
  return render(elements, values, locale, message);
}

function render(elements: readonly MessageFormatElement[], values: Values, locale: string, message: string, count?: number): string {
  let out = '';
  for (const element of elements) {
    if (element.type === TYPE.literal) {
      out += element.value;
      continue;
    }
    // `#` is the plural's number; outside a plural (or inside a select within it) it is nothing, as in formatjs.
    if (element.type === TYPE.pound) {
      if (count !== undefined) out += cached(Intl.NumberFormat, locale, {}).format(count);
      continue;
    }
    if (!(element.value in values)) throw new Error(`The interface text ${JSON.stringify(message)} needs a value for "${element.value}"`);
    const value = values[element.value]!;
    if (element.type === TYPE.argument) out += typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    else if (element.type === TYPE.number) {
      const style = typeof element.style === 'string' ? NUMBER_STYLES[element.style] : element.style?.parsedOptions;
      const scale = style && 'scale' in style ? Number(style.scale) : 0;
      out += cached(Intl.NumberFormat, locale, style ?? {}).format((scale ? Number(value) * scale : value) as number);
    } else if (element.type === TYPE.select) {
      const option = own(element.options, String(value)) ?? own(element.options, 'other');
      if (!option) throw new Error(`The interface text ${JSON.stringify(message)} has no choice for ${element.value} = "${value}"`);
      out += render(option.value, values, locale, message);
    } else if (element.type === TYPE.plural) {
      const n = Number(value);
      const rule = (): string => cached(Intl.PluralRules, locale, { type: element.pluralType ?? 'cardinal' }).select(n - element.offset);
      const option = own(element.options, `=${value}`) ?? own(element.options, rule()) ?? own(element.options, 'other');
      if (!option) throw new Error(`The interface text ${JSON.stringify(message)} has no plural form for ${element.value} = ${n}`);
      out += render(option.value, values, locale, message, n - element.offset);
    } else throw new Error(`Interface texts take arguments, numbers, selects and plurals, not dates, times or tags: ${JSON.stringify(message)}`);
  }
  return out;
}
