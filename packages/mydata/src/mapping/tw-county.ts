/**
 * County and city names → the codes of Formosa's tw-counties list (the engine's own list, so that a prefilled
 * county is one of the form's choices). 台 and 臺 are the same character in addresses; the counties merged into
 * special municipalities in 2010 and 2014 (臺北縣, 桃園縣, …) still appear in older records.
 */
import { TAIWAN_LISTS } from '@formosa/engine/taiwan-lists';
import { normalizeText } from './text.js';

const MERGED: Readonly<Record<string, string>> = { 臺北縣: 'NWT', 桃園縣: 'TAO', 臺中縣: 'TXG', 臺南縣: 'TNN', 高雄縣: 'KHH' };

let byName: ReadonlyMap<string, string> | undefined;

function names(): ReadonlyMap<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>(Object.entries(MERGED));
  for (const county of TAIWAN_LISTS.counties) {
    map.set(county.zh, county.code);
    map.set(county.en.toLowerCase(), county.code);
    map.set(county.code.toLowerCase(), county.code);
  }
  return (byName = map);
}

/**
 * @example
 * twCounty('台北市') // 'TPE'
 * twCounty('臺北縣') // 'NWT'
 */
export function twCounty(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = normalizeText(value).replace(/\s+/g, ' ').replace(/台/g, '臺');
  return names().get(name) ?? names().get(name.toLowerCase());
}
