/**
 * National IDs (and resident certificate numbers) as the low-income dataset lists family members: partly masked
 * (`A14****692`), sometimes full-width or lower case. Normalised to upper case with `*` for each hidden character.
 */
import { normalizeText } from './text.js';

/** A letter, then 1/2 (citizens), 8/9 (new resident numbers) or A-D (old ones), then eight digits; any but the letter may be hidden. */
const SHAPE = /^[A-Z][1289ABCD*][0-9*]{8}$/;
const LETTER_VALUES = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/**
 * @example
 * maskedId('ａ１４＊＊＊＊６９２') // 'A14****692'
 */
export function maskedId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = normalizeText(value).toUpperCase();
  if (!SHAPE.test(id)) return undefined;
  // A number shown whole must add up, like any national ID; old resident numbers (A-D) use another rule.
  if (!id.includes('*') && /^[A-Z][1289]/.test(id) && !checksumHolds(id)) return undefined;
  return id;
}

/**
 * The national ID check digit: the letter's two digits and the nine others, weighted 1,9,8,…,1, sum to a multiple of 10.
 * @example
 * checksumHolds('A123456789') // true
 */
export function checksumHolds(id: string): boolean {
  const letter = LETTER_VALUES.indexOf(id[0]!) + 10;
  const digits = [Math.floor(letter / 10), letter % 10, ...id.slice(1).split('').map(Number)];
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
  return digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 10 === 0;
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
