/**
 * The MyData datasets a definition may declare, with the shape of their JSON. This is the one place where the
 * platform's field names live: those seen in public service-provider fixtures, and those inferred (marked so), to be
 * corrected here when the official specification says otherwise.
 */
import type { LocalizedText } from './types.js';

/**
 * What Formosa knows of one dataset of the platform's catalogue.
 * @example
 * MYDATA_DATASETS['API.AbAYGIjoYw'].fields.includes('lowtypefam[].id_no') // true
 */
export interface MyDataDatasetInfo {
  readonly name: LocalizedText;
  /** The data provider: the agency that holds the data and signs it. */
  readonly agency: LocalizedText;
  /** `pdf` datasets are a document for the agency to read: nothing in them can be mapped to a field. */
  readonly format: 'json' | 'pdf';
  /**
   * For JSON: every known value as a dotted path, `[]` after an array's name (`personHouseholdData21[].person_name`).
   * Every prefix of a path is known too (an object, such as `householdBasicData21.householdAddress`).
   */
  readonly fields: readonly string[];
  /** Paths not seen in public fixtures but inferred (`'all'`: the whole shape is). */
  readonly inferred?: 'all' | readonly string[];
}

const HOUSEHOLD_REGISTRATION: LocalizedText = { 'zh-Hant-TW': '內政部戶政司', en: 'Department of Household Registration, Ministry of the Interior' };
const FISCAL_INFORMATION: LocalizedText = { 'zh-Hant-TW': '財政部財政資訊中心', en: 'Fiscal Information Agency, Ministry of Finance' };

/**
 * The platform's datasets by resource id.
 * @example
 * MYDATA_DATASETS['API.UDauDOLyZg'].name.en // 'Whole household registration'
 */
export const MYDATA_DATASETS: Readonly<Record<string, MyDataDatasetInfo>> = {
  'API.UDauDOLyZg': {
    name: { 'zh-Hant-TW': '現戶全戶戶籍資料', en: 'Whole household registration' },
    agency: HOUSEHOLD_REGISTRATION,
    format: 'json',
    fields: [
      'householdBasicData21.household_id',
      'householdBasicData21.household_head_id',
      'householdBasicData21.household_head_name',
      'householdBasicData21.householdAddress.from_site_id',
      'householdBasicData21.householdAddress.village',
      'householdBasicData21.householdAddress.neighbor',
      'householdBasicData21.householdAddress.neighbor_char',
      'householdBasicData21.householdAddress.street_doorplate',
      'householdBasicData21.county_name',
      'householdBasicData21.town_name',
      'personHouseholdData21[].person_id',
      'personHouseholdData21[].person_name',
      'personHouseholdData21[].relationship',
      'personHouseholdData21[].birth_yyymmdd',
      'personHouseholdData21[].father_name',
      'personHouseholdData21[].mother_name',
      'personHouseholdData21[].move_in_yyymmdd',
      'personHouseholdData21[].name_romanization',
      'personHouseholdData21[].gender',
    ],
    // So that an address can be filled in whole; the fixtures seen show only the street part.
    inferred: ['householdBasicData21.county_name', 'householdBasicData21.town_name', 'personHouseholdData21[].gender'],
  },
  'API.7QovE2Gev6': {
    name: { 'zh-Hant-TW': '個人戶籍資料', en: 'Personal household registration' },
    agency: HOUSEHOLD_REGISTRATION,
    format: 'json',
    fields: [
      'person_id', 'person_name', 'birth_yyymmdd', 'gender',
      'householdAddress.village', 'householdAddress.neighbor', 'householdAddress.street_doorplate',
      'county_name', 'town_name',
    ],
    inferred: 'all',
  },
  'API.AbAYGIjoYw': {
    name: { 'zh-Hant-TW': '低收入戶及中低收入戶證明', en: 'Low-income or middle-low-income household status' },
    agency: { 'zh-Hant-TW': '衛生福利部社會救助及社工司', en: 'Department of Social Assistance and Social Work, Ministry of Health and Welfare' },
    format: 'json',
    fields: [
      'lic_title', 'low_type', 'app_date', 'cityname', 'townname', 'villagename', 'addr', 'until_date',
      'lowtypefam[].position', 'lowtypefam[].cnameh', 'lowtypefam[].id_no', 'lowtypefam[].birthday',
    ],
  },
  'API.nyhnLM1fve': {
    name: { 'zh-Hant-TW': '身心障礙資格', en: 'Disability status' },
    agency: { 'zh-Hant-TW': '衛生福利部', en: 'Ministry of Health and Welfare' },
    format: 'json',
    fields: [
      'person_id', 'person_name', 'disability_level', 'disability_category', 'icf_code', 'issue_date', 'valid_until', 'needs_assistance',
    ],
    // Public code shows only its PDF; a JSON beside it is assumed, with these names.
    inferred: 'all',
  },
  'API.syWqjr4flJ': {
    name: { 'zh-Hant-TW': '個人所得資料', en: 'Personal income' },
    agency: FISCAL_INFORMATION,
    format: 'pdf',
    fields: [],
  },
  'API.UZQkKbsOpz': {
    name: { 'zh-Hant-TW': '勞保投保明細', en: 'Labour insurance record' },
    agency: { 'zh-Hant-TW': '勞動部勞工保險局', en: 'Bureau of Labor Insurance, Ministry of Labor' },
    format: 'pdf',
    fields: [],
  },
  'API.idPhotoRev': {
    name: { 'zh-Hant-TW': '國民身分證', en: 'National identity card' },
    agency: HOUSEHOLD_REGISTRATION,
    format: 'pdf',
    fields: [],
  },
  'API.Mo23SDWhsn': {
    name: { 'zh-Hant-TW': '財產資料', en: 'Property' },
    agency: FISCAL_INFORMATION,
    format: 'pdf',
    fields: [],
  },
};

/**
 * The catalogue entry of a resource id, or `undefined` (own entries only: `constructor` is no dataset).
 * @example
 * myDataDataset('API.AbAYGIjoYw')?.format // 'json'
 */
export function myDataDataset(resource: string): MyDataDatasetInfo | undefined {
  return Object.hasOwn(MYDATA_DATASETS, resource) ? MYDATA_DATASETS[resource] : undefined;
}
