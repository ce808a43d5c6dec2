/** The browser's own Intl formatters, made once per locale and options (making one costs far more than using it). */

const instances = new Map<string, unknown>();

/**
 * `new kind(locale, options)`, made once.
 * @example
 * cached(Intl.PluralRules, 'en', {}).select(1) // 'one'
 */
export function cached<O extends object, T>(kind: new (locale: string, options: O) => T, locale: string, options: NoInfer<O>): T {
  const id = `${kind.name}\u0000${locale}\u0000${JSON.stringify(options)}`;
  let instance = instances.get(id) as T | undefined;
  if (!instance) instances.set(id, (instance = new kind(locale, options)));
  return instance;
}

/**
 * `value` formatted by `new kind(locale, options)`; a value or an option it refuses (an invalid date, an unknown
 * currency) comes back as `String(value)`, never as an exception in the middle of a render.
 * @example
 * cachedFormat(Intl.NumberFormat, 'vi', {}, 12000) // '12.000'
 */
export function cachedFormat<O extends object, V>(kind: new (locale: string, options: O) => { format(value: V): string }, locale: string, options: NoInfer<O>, value: NoInfer<V>): string {
  try {
    return cached(kind, locale, options).format(value);
  } catch {
    return String(value);
  }
}
