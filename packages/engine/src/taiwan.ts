/**
 * Taiwan's lists, shipped with the SDK: counties and cities with their districts and postal codes (Chunghwa Post
 * open data), and banks with their institution codes (Central Bank list). Sources are noted in the data files.
 */
import type { FieldItem, FieldOption, FormDefinition, OptionSource } from '@formosa/schema';
import { optionSourceOf, optionsOf } from '@formosa/schema';
import areas from './data/tw-areas.json' with { type: 'json' };
import banks from './data/tw-banks.json' with { type: 'json' };

/** A county or city: ISO 3166-2:TW code, names, and its districts as [postal code, 中文, English]. */
export interface TaiwanCounty {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly districts: readonly (readonly [postalCode: string, zh: string, en: string])[];
}

/** Taiwan's 22 counties and cities, each with its townships and districts. */
export const TW_COUNTIES: readonly TaiwanCounty[] = areas.counties as unknown as TaiwanCounty[];

/** Banks and Chunghwa Post: [code, 中文, English]. */
export const TW_BANKS: readonly (readonly [code: string, zh: string, en: string])[] = banks.banks as unknown as [string, string, string][];

const byCode = new Map(TW_COUNTIES.map((c) => [c.code, c]));

/**
 * The postal code of a district.
 * @example
 * postalCodeOf('TPE', '中正區') // '100'
 */
export function postalCodeOf(county: unknown, district: unknown): string | undefined {
  return byCode.get(String(county))?.districts.find((d) => d[1] === district)?.[0];
}

const countyOptions: FieldOption[] = TW_COUNTIES.map((c) => ({ value: c.code, label: { 'zh-Hant-TW': c.zh, en: c.en } }));
const bankOptions: FieldOption[] = TW_BANKS.map(([code, zh, en]) => ({ value: code, label: { 'zh-Hant-TW': `${code} ${zh}`, en: `${code} ${en}` } }));
const districtOptions = new Map(
  TW_COUNTIES.map((c) => [c.code, c.districts.map(([, zh, en]): FieldOption => ({ value: zh, label: { 'zh-Hant-TW': zh, en } }))]),
);

/** The choices of a shipped list; districts follow the county answer `read` returns. */
export function sourceOptions(source: OptionSource, readCounty: () => unknown): readonly FieldOption[] {
  switch (source.source) {
    case 'tw-counties':
      return countyOptions;
    case 'tw-banks':
      return bankOptions;
    case 'tw-districts':
      return districtOptions.get(String(readCounty())) ?? [];
  }
}

/**
 * The choices of a field: its own list, a named list of the definition, or a shipped list.
 * @example
 * fieldOptions(definition, field, (path) => getAt(values, path))
 */
export function fieldOptions(definition: FormDefinition, field: FieldItem, read: (path: string) => unknown): readonly FieldOption[] | undefined {
  const source = optionSourceOf(field);
  return source ? sourceOptions(source, () => read(source.county ?? '')) : optionsOf(definition, field);
}
