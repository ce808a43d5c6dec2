/**
 * What a form that reads MyData needs in the browser, loaded only for such a form (a lazy chunk of the drop-in
 * bundle): the client of the agency's MyData routes, what the server offers for the form, and the texts of the
 * MyData views in the citizen's language.
 */
import { createMyDataClient, type MyDataOffer } from '@formosa/transport';
import { MYDATA_TEXTS, type MyDataTextKey } from './mydata-texts.js';

export interface MyDataKit {
  /** What the server offers for this form; undefined when it has no MyData (the form is filled in by hand). */
  readonly offer: MyDataOffer | undefined;
  readonly client: ReturnType<typeof createMyDataClient>;
  /** A text of the MyData views in `locale` (else its language, else zh-Hant-TW), its `{name}`s replaced. */
  say(locale: string, key: MyDataTextKey, params?: Readonly<Record<string, string | number>>): string;
  /** The agency holding a dataset, in `locale` (else English, else Chinese). */
  agency(locale: string, resource: string): string;
  /** The dataset's name, in `locale` (else English, else Chinese). */
  dataset(locale: string, resource: string): string;
}

function textsOf(locale: string) {
  return MYDATA_TEXTS[locale] ?? MYDATA_TEXTS[locale.split('-')[0]!] ?? MYDATA_TEXTS['zh-Hant-TW']!;
}

const pick = (texts: Readonly<Record<string, string>> | undefined, locale: string, fallback: string) =>
  texts?.[locale] ?? (locale.startsWith('zh') ? texts?.['zh-Hant-TW'] : texts?.['en']) ?? texts?.['zh-Hant-TW'] ?? fallback;

/**
 * @example
 * const kit = await openMyData('https://agency.example/api/forms/rent-subsidy/mydata');
 * if (kit.offer) console.log(kit.say('en', 'consentTitle'));
 */
export async function openMyData(base: string, fetch?: typeof globalThis.fetch): Promise<MyDataKit> {
  const client = createMyDataClient({ base, ...(fetch ? { fetch } : {}) });
  const offer = await client.describe();
  const find = (resource: string) => offer?.datasets.find((d) => d.resource === resource);
  return {
    offer, client,
    say: (locale, key, params = {}) => textsOf(locale)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)),
    agency: (locale, resource) => pick(find(resource)?.agency, locale, resource),
    dataset: (locale, resource) => pick(find(resource)?.name, locale, resource),
  };
}
