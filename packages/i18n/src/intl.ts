/** The browser's own Intl formatters, made once per locale and options (making one costs far more than using it). */

interface Formatter<V> {
  format(value: V): string;
}
type FormatterClass<O, V> = new (locale: string, options: O) => Formatter<V>;

const formatters = new Map<string, Formatter<never>>();

/**
 * `value` formatted by `new kind(locale, options)`, cached; a value or an option it refuses (an invalid date, an
 * unknown currency) comes back as `String(value)`, never as an exception in the middle of a render.
 * @example
 * cachedFormat(Intl.NumberFormat, 'vi', {}, 12000) // '12.000'
 */
export function cachedFormat<O extends object, V>(kind: FormatterClass<O, V>, locale: string, options: NoInfer<O>, value: NoInfer<V>): string {
  const id = `${kind.name}\u0000${locale}\u0000${JSON.stringify(options)}`;
  try {
    let formatter = formatters.get(id) as Formatter<V> | undefined;
    if (!formatter) formatters.set(id, (formatter = new kind(locale, options)));
    return formatter.format(value);
  } catch {
    return String(value);
  }
}
