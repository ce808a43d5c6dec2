/** The normalisation every transform starts from: agencies' systems write digits and Latin letters full-width. */
import { toHalfWidth } from '@formosa/engine';

/**
 * Full-width ASCII (Ａ-ｚ, ０-９, ＊, ／, …) and the ideographic space → their half-width forms; NFC; trimmed.
 * @example
 * normalizeText(' ａ１４＊＊＊＊６９２ ') // 'a14****692'
 */
export function normalizeText(text: string): string {
  return toHalfWidth(text).normalize('NFC').trim();
}

/**
 * A dataset's scalar as text: strings normalised, finite numbers written out; anything else is no text.
 * @example
 * textOf(12) // '12'
 */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return normalizeText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Whether a selection holds something: not missing, not null, not blank, not an empty list or object. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return normalizeText(value) !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
