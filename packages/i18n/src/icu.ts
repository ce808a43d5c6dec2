/** Interface messages are ICU MessageFormat (plurals, selects, numbers), formatted by formatjs. */
import { IntlMessageFormat } from 'intl-messageformat';

const cache = new Map<string, IntlMessageFormat>();

/**
 * Formats `message` (the text under `key` in the pack of `locale`) with `values`, by the rules of `locale`: the
 * language the message came from, which for a fallback is not the one asked for.
 */
export function formatMessage(message: string, values: Record<string, string | number>, locale: string, key: string): string {
  // A message that is only text was reduced to it at build time (marked \u0002).
  if (message.charCodeAt(0) === 2) return message.slice(1);
  const id = `${locale}\u0000${key}\u0000${message}`;
  let format = cache.get(id);
  // Bundles carry messages precompiled to their AST (marked \u0001): no ICU parser is needed at run time.
  if (!format) cache.set(id, (format = new IntlMessageFormat(message.charCodeAt(0) === 1 ? JSON.parse(message.slice(1)) : message, locale)));
  return String(format.format(values));
}
