/**
 * The datasets the sandbox can deliver: Formosa's catalogue (@formosa/schema MYDATA_DATASETS) gives their names,
 * agencies (each agency signs with its own certificate) and formats; the sandbox adds what its consent page shows.
 * Shapes follow the protocol notes (docs/mydata.md); those marked INFERRED are guesses.
 */
import { MYDATA_DATASETS, type LocalizedText } from '@formosa/schema';

export type Lang = 'zh-Hant-TW' | 'en';
export type Texts = Readonly<Record<Lang, string>>;

export interface SandboxDataset {
  readonly name: Texts;
  readonly agency: Texts;
  /** `json`: a JSON file (the disability dataset also carries a PDF); `pdf`: a PDF only. */
  readonly format: 'json' | 'pdf';
  /** What the citizen is shown at consent. */
  readonly fields: readonly Texts[];
}

export const DISABILITY_RESOURCE = 'API.nyhnLM1fve';

/** The sandbox's own part of each dataset: the consent page's English title (the platform's wording) and field list. */
interface ConsentText {
  readonly title: string;
  readonly fields: readonly Texts[];
}

const CONSENT: Readonly<Record<string, ConsentText>> = {
  'API.UDauDOLyZg': {
    title: 'Whole household registration record',
    fields: [
      { 'zh-Hant-TW': '戶號、戶長、戶籍地址', en: 'Household number, head of household, registered address' },
      { 'zh-Hant-TW': '全戶成員之姓名、身分證號、稱謂、出生日期、性別、父母姓名、遷入日期', en: "Each member's name, ID number, relationship, date of birth, gender, parents' names, move-in date" },
    ],
  },
  'API.7QovE2Gev6': {
    title: 'Personal household registration record',
    fields: [{ 'zh-Hant-TW': '姓名、身分證號、出生日期、性別、戶籍地址', en: 'Name, ID number, date of birth, gender, registered address' }],
  },
  'API.AbAYGIjoYw': {
    title: 'Low-income / middle-low-income household certificate',
    fields: [
      { 'zh-Hant-TW': '身分別、款別、核定日期、有效期限、地址', en: 'Status, category, approval date, valid until, address' },
      { 'zh-Hant-TW': '列計家庭成員之稱謂、姓名、部分遮蔽之身分證號、出生日期', en: 'Counted family members: relationship, name, partly masked ID number, date of birth' },
    ],
  },
  [DISABILITY_RESOURCE]: {
    title: 'Disability status',
    fields: [
      { 'zh-Hant-TW': '障礙等級、障礙類別、ICF 編碼、鑑定日期、有效期限、是否需要陪伴者', en: 'Level, category, ICF code, assessment date, valid until, whether a companion is needed' },
      { 'zh-Hant-TW': '身心障礙證明(PDF)', en: 'Disability certificate (PDF)' },
    ],
  },
  'API.syWqjr4flJ': {
    title: 'Personal income record',
    fields: [{ 'zh-Hant-TW': '各類所得清單(PDF)', en: 'Income by category (PDF)' }],
  },
  'API.UZQkKbsOpz': {
    title: 'Labour insurance record',
    fields: [{ 'zh-Hant-TW': '投保單位、投保薪資、加退保日期(PDF)', en: 'Insured employer, insured salary, enrolment dates (PDF)' }],
  },
  'API.idPhotoRev': {
    title: 'National ID card',
    fields: [{ 'zh-Hant-TW': '身分證正反面影像(PDF)', en: 'Both sides of the ID card (PDF)' }],
  },
  'API.Mo23SDWhsn': {
    title: 'Property record',
    fields: [{ 'zh-Hant-TW': '土地、房屋、車輛等財產清單(PDF)', en: 'Land, buildings, vehicles and other property (PDF)' }],
  },
};

function inBothLangs(text: LocalizedText): Texts {
  return { 'zh-Hant-TW': text['zh-Hant-TW'] ?? '', en: text['en'] ?? '' };
}

/** Every dataset of the catalogue (one the sandbox has no consent text for is a mistake here, caught at load). */
export const SANDBOX_DATASETS: Readonly<Record<string, SandboxDataset>> = Object.fromEntries(
  Object.entries(MYDATA_DATASETS).map(([resource, info]) => {
    const consent = CONSENT[resource];
    if (!consent) throw new Error(`the sandbox has no consent text for ${resource}`);
    const dataset: SandboxDataset = {
      name: { 'zh-Hant-TW': info.name['zh-Hant-TW'] ?? '', en: consent.title },
      agency: inBothLangs(info.agency),
      format: info.format,
      fields: consent.fields,
    };
    return [resource, dataset];
  }),
);
