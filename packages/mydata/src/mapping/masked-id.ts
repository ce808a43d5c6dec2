/**
 * National IDs (and resident certificate numbers) as the low-income dataset lists family members: partly masked
 * (`A14****692`), sometimes full-width or lower case. Normalised to upper case with `*` for each hidden character.
 */
import { checkPersonId } from '@formosa/engine';
import { normalizeText } from './text.js';

/** A letter, then 1/2 (citizens), 8/9 (new resident numbers) or A-D (old ones), then eight digits; any but the letter may be hidden. */
const SHAPE = /^[A-Z][1289ABCD*][0-9*]{8}$/;

/**
 * @example
 * maskedId('ａ１４＊＊＊＊６９２') // 'A14****692'
 */
export function maskedId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = normalizeText(value).toUpperCase();
  if (!SHAPE.test(id)) return undefined;
  // A number shown whole must add up, like any national ID; old resident numbers (A-D) are not checked here.
  if (!id.includes('*') && /^[A-Z][1289]/.test(id) && checkPersonId(id) !== undefined) return undefined;
  return id;
}

/**
 * The subject's ID as the mapping writes, compares and hashes it: a valid one as `maskedId` gives it, anything else
 * half-width and upper case.
 * @example
 * subjectId(' ａ１２３４５６７８９') // 'A123456789'
 */
export function subjectId(subject: string): string {
  return maskedId(subject) ?? normalizeText(subject).toUpperCase();
}

/**
 * Whether two IDs are the same person as far as the masks let one tell: same length, and each character equal
 * where neither side hides it. An ID fully hidden matches nothing.
 * @example
 * maskedMatch('A14****692', 'A141234692') // true
 */
export function maskedMatch(a: string, b: string): boolean {
  const x = normalizeText(a).toUpperCase();
  const y = normalizeText(b).toUpperCase();
  if (x.length !== y.length || x.length === 0) return false;
  let shown = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === '*' || y[i] === '*') continue;
    if (x[i] !== y[i]) return false;
    shown++;
  }
  return shown > 0;
}
