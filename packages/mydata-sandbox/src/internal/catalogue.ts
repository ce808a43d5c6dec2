/**
 * The datasets the sandbox can deliver: names, agencies (each agency signs with its own certificate) and the fields
 * the consent page lists. Shapes follow the protocol notes (docs/mydata.md); those marked INFERRED are guesses.
 */
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

const MOI_HOUSEHOLD: Texts = { 'zh-Hant-TW': '內政部戶政司', en: 'Department of Household Registration, Ministry of the Interior' };
const MOHW_SOCIAL: Texts = { 'zh-Hant-TW': '衛生福利部社會救助及社工司', en: 'Department of Social Assistance and Social Work, Ministry of Health and Welfare' };

export const DISABILITY_RESOURCE = 'API.nyhnLM1fve';

export const SANDBOX_DATASETS: Readonly<Record<string, SandboxDataset>> = {
  'API.UDauDOLyZg': {
    name: { 'zh-Hant-TW': '現戶全戶戶籍資料', en: 'Whole household registration record' },
    agency: MOI_HOUSEHOLD,
    format: 'json',
    fields: [
      { 'zh-Hant-TW': '戶號、戶長、戶籍地址', en: 'Household number, head of household, registered address' },
      { 'zh-Hant-TW': '全戶成員之姓名、身分證號、稱謂、出生日期、性別、父母姓名、遷入日期', en: "Each member's name, ID number, relationship, date of birth, gender, parents' names, move-in date" },
    ],
  },
  'API.7QovE2Gev6': {
    name: { 'zh-Hant-TW': '個人戶籍資料', en: 'Personal household registration record' },
    agency: MOI_HOUSEHOLD,
    format: 'json',
    fields: [{ 'zh-Hant-TW': '姓名、身分證號、出生日期、性別、戶籍地址', en: 'Name, ID number, date of birth, gender, registered address' }],
  },
  'API.AbAYGIjoYw': {
    name: { 'zh-Hant-TW': '低收入戶及中低收入戶證明', en: 'Low-income / middle-low-income household certificate' },
    agency: MOHW_SOCIAL,
    format: 'json',
    fields: [
      { 'zh-Hant-TW': '身分別、款別、核定日期、有效期限、地址', en: 'Status, category, approval date, valid until, address' },
      { 'zh-Hant-TW': '列計家庭成員之稱謂、姓名、部分遮蔽之身分證號、出生日期', en: 'Counted family members: relationship, name, partly masked ID number, date of birth' },
    ],
  },
  [DISABILITY_RESOURCE]: {
    name: { 'zh-Hant-TW': '身心障礙資格', en: 'Disability status' },
    agency: { 'zh-Hant-TW': '衛生福利部', en: 'Ministry of Health and Welfare' },
    format: 'json',
    fields: [
      { 'zh-Hant-TW': '障礙等級、障礙類別、ICF 編碼、鑑定日期、有效期限、是否需要陪伴者', en: 'Level, category, ICF code, assessment date, valid until, whether a companion is needed' },
      { 'zh-Hant-TW': '身心障礙證明(PDF)', en: 'Disability certificate (PDF)' },
    ],
  },
  'API.syWqjr4flJ': {
    name: { 'zh-Hant-TW': '個人所得資料', en: 'Personal income record' },
    agency: { 'zh-Hant-TW': '財政部財政資訊中心', en: 'Fiscal Information Agency, Ministry of Finance' },
    format: 'pdf',
    fields: [{ 'zh-Hant-TW': '各類所得清單(PDF)', en: 'Income by category (PDF)' }],
  },
  'API.UZQkKbsOpz': {
    name: { 'zh-Hant-TW': '勞保投保明細', en: 'Labour insurance record' },
    agency: { 'zh-Hant-TW': '勞動部勞工保險局', en: 'Bureau of Labor Insurance, Ministry of Labor' },
    format: 'pdf',
    fields: [{ 'zh-Hant-TW': '投保單位、投保薪資、加退保日期(PDF)', en: 'Insured employer, insured salary, enrolment dates (PDF)' }],
  },
  'API.idPhotoRev': {
    name: { 'zh-Hant-TW': '國民身分證', en: 'National ID card' },
    agency: MOI_HOUSEHOLD,
    format: 'pdf',
    fields: [{ 'zh-Hant-TW': '身分證正反面影像(PDF)', en: 'Both sides of the ID card (PDF)' }],
  },
  'API.Mo23SDWhsn': {
    name: { 'zh-Hant-TW': '財產資料', en: 'Property record' },
    agency: { 'zh-Hant-TW': '財政部財政資訊中心', en: 'Fiscal Information Agency, Ministry of Finance' },
    format: 'pdf',
    fields: [{ 'zh-Hant-TW': '土地、房屋、車輛等財產清單(PDF)', en: 'Land, buildings, vehicles and other property (PDF)' }],
  },
};
