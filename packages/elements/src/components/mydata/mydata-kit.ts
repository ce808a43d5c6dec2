/**
 * What a form that reads MyData needs in the browser, loaded only for such a form (a lazy chunk of the drop-in
 * bundle): the client of the agency's MyData routes, what the server offers for the form, and the texts of the
 * MyData views in the citizen's language (zh-Hant-TW's here; the six others' in their interface packs).
 */
import { createMyDataClient, type MyDataOffer } from '@formosa/transport';
import type { MessageKey, Translator } from '@formosa/i18n';
import { MYDATA_DEFAULT_TEXTS, type MyDataTextKey } from './mydata-texts.js';

export interface MyDataKit {
  /** What the server offers for this form; undefined when it has no MyData (the form is filled in by hand). */
  readonly offer: MyDataOffer | undefined;
  readonly client: ReturnType<typeof createMyDataClient>;
  /** The MyData views' words in the translator's language, with the definition texts' fallbacks for names. */
  speaker(t: Translator): MyDataSpeaker;
}

export interface MyDataSpeaker {
  /** A text of the MyData views (else its language's, else zh-Hant-TW's), its `{name}`s replaced. */
  say(key: MyDataTextKey, params?: Readonly<Record<string, string | number>>): string;
  /** The agency holding a dataset. */
  agency(resource: string): string;
  /** The dataset's name. */
  dataset(resource: string): string;
}

/**
 * The MyData views' words for one translator: its pack's `mydata.<key>` (the six fetched packs carry them; the
 * bundled zh-Hant-TW pack does not, so the bundle stays within its budget), else this chunk's zh-Hant-TW text.
 * @example
 * createSpeaker(await loadTranslator('vi'), offer).say('lockReason', { agency: 'Bộ Nội vụ' });
 */
export function createSpeaker(t: Translator, offer: MyDataOffer | undefined): MyDataSpeaker {
  const find = (resource: string) => offer?.datasets.find((d) => d.resource === resource);
  return {
    say: (key, params = {}) => {
      // Not a key of the default pack, whose type MessageKey is: only the six fetched packs carry `mydata.*`.
      const packed = `mydata.${key}` as MessageKey;
      if (t.has(packed)) return t.message(packed, { ...params });
      return MYDATA_DEFAULT_TEXTS[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    },
    agency: (resource) => t.text(find(resource)?.agency).text || resource,
    dataset: (resource) => t.text(find(resource)?.name).text || resource,
  };
}

/**
 * @example
 * const kit = await openMyData('https://agency.example/api/forms/rent-subsidy/mydata');
 * if (kit.offer) console.log(kit.speaker(t).say('consentTitle'));
 */
export async function openMyData(base: string, fetch?: typeof globalThis.fetch): Promise<MyDataKit> {
  const client = createMyDataClient({ base, ...(fetch ? { fetch } : {}) });
  const offer = await client.describe();
  return { offer, client, speaker: (t) => createSpeaker(t, offer) };
}
