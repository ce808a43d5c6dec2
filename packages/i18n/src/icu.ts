/** i18next's message format, replaced by ICU MessageFormat (plurals, selects, numbers) through formatjs. */
import { IntlMessageFormat } from 'intl-messageformat';
import type { I18nFormatModule } from 'i18next';

const cache = new Map<string, IntlMessageFormat>();
const simple = new Map<string, readonly (string | [string])[]>();

/**
 * A message of text and plain arguments, as IntlMessageFormat formats it (an argument as `String(value)`) but without
 * it: its first use loads ICU's locale data, which a cold first step showing no plural, number or date can do without.
 */
function formatSimple(message: string, values: Record<string, unknown>): string {
  let parts = simple.get(message);
  if (!parts) simple.set(message, (parts = JSON.parse(message.slice(1)) as (string | [string])[]));
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (!(part[0] in values)) throw new Error(`The message needs a value for "${part[0]}"`);
    else {
      const value = values[part[0]];
      out += typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
    }
  }
  return out;
}

export const icuFormat: I18nFormatModule & { parse(message: string, values: Record<string, unknown>, lng: string, ns: string, key: string, info?: { resolved?: { usedLng?: string } }): string } = {
  type: 'i18nFormat',
  parse(message, values, lng, _ns, key, info) {
    // A message that is only text was reduced to it at build time (marked \u0002).
    if (message.charCodeAt(0) === 2) return message.slice(1);
    if (message.charCodeAt(0) === 3) return formatSimple(message, values);
    // Format with the rules of the language the message came from (its plurals), not the one asked for.
    const locale = info?.resolved?.usedLng ?? lng;
    const id = `${locale}\u0000${key}\u0000${message}`;
    let format = cache.get(id);
    // Bundles carry messages precompiled to their AST (marked \u0001): no ICU parser is needed at run time.
    if (!format) cache.set(id, (format = new IntlMessageFormat(message.charCodeAt(0) === 1 ? JSON.parse(message.slice(1)) : message, locale)));
    return String(format.format(values as Record<string, string | number>));
  },
};
