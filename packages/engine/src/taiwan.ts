/**
 * Taiwan's lists: counties and cities with their districts and postal codes, and banks. The data (taiwan-lists.ts)
 * is installed once per process or page, so a browser fetches it only for a form that uses it.
 */
import { FormosaError, forEachItem, optionSourceOf, optionsOf, type FieldItem, type FieldOption, type FormDefinition, type OptionSource } from '@formosa/schema';

/** A county or city: ISO 3166-2:TW code, names, and its districts as [postal code, 中文, English]. */
export interface TaiwanCounty {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly districts: readonly (readonly [postalCode: string, zh: string, en: string])[];
}

/** Taiwan's 22 counties and cities with their districts; banks and Chunghwa Post as [code, 中文, English]. */
export interface TaiwanLists {
  readonly counties: readonly TaiwanCounty[];
  readonly banks: readonly (readonly [code: string, zh: string, en: string])[];
}

interface Indexed {
  readonly byCode: ReadonlyMap<string, TaiwanCounty>;
  readonly counties: FieldOption[];
  readonly banks: FieldOption[];
  readonly districts: ReadonlyMap<string, FieldOption[]>;
}

let indexed: Indexed | undefined;

/**
 * Installs Taiwan's lists (Node does it when the engine loads; a browser when a form needs them).
 * @example
 * installTaiwanLists((await import('@formosa/engine/taiwan-lists')).TAIWAN_LISTS);
 */
export function installTaiwanLists(lists: TaiwanLists): void {
  indexed = {
    byCode: new Map(lists.counties.map((c) => [c.code, c])),
    counties: lists.counties.map((c) => ({ value: c.code, label: { 'zh-Hant-TW': c.zh, en: c.en } })),
    banks: lists.banks.map(([code, zh, en]) => ({ value: code, label: { 'zh-Hant-TW': `${code} ${zh}`, en: `${code} ${en}` } })),
    districts: new Map(lists.counties.map((c) => [c.code, c.districts.map(([, zh, en]): FieldOption => ({ value: zh, label: { 'zh-Hant-TW': zh, en } }))])),
  };
}

/** The error of a form that asks for Taiwan's lists before they are installed. */
export const missingTaiwanLists = () => new FormosaError('taiwan_lists_missing', "Taiwan's lists are not installed: installTaiwanLists(TAIWAN_LISTS) first");

function lists(): Indexed {
  if (!indexed) throw missingTaiwanLists();
  return indexed;
}

/** Whether a definition asks for Taiwan's lists: a county, district or bank list, or the `postalCode` rule. */
export function usesTaiwanLists(definition: FormDefinition): boolean {
  let uses = false;
  forEachItem(definition, (item) => {
    if (!uses && 'field' in item && optionSourceOf(item as FieldItem)) uses = true;
  });
  return uses || JSON.stringify(definition.steps).includes('"postalCode"');
}

/** Whether the lists are installed (a form that asks for them can start). */
export function hasTaiwanLists(): boolean {
  return indexed !== undefined;
}

/**
 * The postal code of a district.
 * @example
 * postalCodeOf('TPE', '中正區') // '100'
 */
export function postalCodeOf(county: unknown, district: unknown): string | undefined {
  return lists().byCode.get(String(county))?.districts.find((d) => d[1] === district)?.[0];
}

/** The choices of a shipped list; districts follow the county answer `read` returns. */
export function sourceOptions(source: OptionSource, readCounty: () => unknown): readonly FieldOption[] {
  switch (source.source) {
    case 'tw-counties':
      return lists().counties;
    case 'tw-banks':
      return lists().banks;
    case 'tw-districts':
      return lists().districts.get(String(readCounty())) ?? [];
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
