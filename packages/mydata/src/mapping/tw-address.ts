/**
 * The household register's address parts → one street line as Taiwanese forms write it: village (里/村), neighbour
 * number and 鄰, then street and door plate. `{village: '大安里', neighbor: '005', street_doorplate: '信義路三段100號'}`
 * → `大安里5鄰信義路三段100號`.
 *
 * The rule, exactly: `street_doorplate` is required. `neighbor` (digits, leading zeros dropped, an optional 鄰 after
 * them) is written only with a village and when not 0. It is followed by `neighbor_char` when that is present and is a
 * suffix (one or two characters, no digit: the register's own 鄰), else by 鄰. A street line that already starts with
 * the village is written as it is.
 */
import { normalizeText } from './text.js';

const NEIGHBOR = /^0*(\d{1,4})\s*鄰?$/;
const SUFFIX = /^[^\d\s]{1,2}$/;

/**
 * @example
 * twAddress({ village: '大安里', neighbor: '005', street_doorplate: '信義路三段100號' }) // '大安里5鄰信義路三段100號'
 */
export function twAddress(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const part = (name: string): string | undefined => {
    if (!Object.hasOwn(value, name)) return undefined;
    const raw = (value as Record<string, unknown>)[name];
    if (typeof raw === 'number' && Number.isInteger(raw)) return String(raw);
    return typeof raw === 'string' ? normalizeText(raw) || undefined : undefined;
  };
  const street = part('street_doorplate');
  if (!street) return undefined;
  const village = part('village');
  if (!village || street.startsWith(village)) return street;
  const neighborText = part('neighbor');
  if (neighborText === undefined) return village + street;
  const neighbor = NEIGHBOR.exec(neighborText);
  if (!neighbor) return undefined;
  const number = Number(neighbor[1]);
  if (number === 0) return village + street;
  const char = part('neighbor_char');
  return `${village}${number}${char && SUFFIX.test(char) ? char : '鄰'}${street}`;
}
