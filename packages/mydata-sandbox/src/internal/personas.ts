/**
 * Synthetic people standing in for identity verification. Every national ID passes the checksum and belongs to no
 * one on purpose (they are generated, not collected). Dates come in the platform's several ROC forms: `0560914`
 * (yyyMMdd) in household records, `107年01月01日` and `32/02/02` in the low-income certificate.
 */
import { DISABILITY_RESOURCE, type Texts } from './catalogue.js';

export interface IdentityMethod {
  /** Code returned by `/service/type_valid`. */
  readonly code: 'MOICA' | 'TWFIDO' | 'NHI';
  readonly name: Texts;
}

export interface Persona {
  /** Short handle for tests and the consent page's picker (its national ID is accepted too). */
  readonly id: string;
  readonly nationalId: string;
  readonly name: string;
  readonly summary: Texts;
  readonly identityMethod: IdentityMethod;
  /** JSON content per resource id. A JSON dataset absent here has no record for this person: unable to deliver. */
  readonly data: Readonly<Record<string, unknown>>;
}

const MOICA: IdentityMethod = { code: 'MOICA', name: { 'zh-Hant-TW': '自然人憑證', en: 'Citizen digital certificate' } };
const TWFIDO: IdentityMethod = { code: 'TWFIDO', name: { 'zh-Hant-TW': '行動自然人憑證', en: 'Mobile citizen certificate (TW FidO)' } };
const NHI: IdentityMethod = { code: 'NHI', name: { 'zh-Hant-TW': '健保卡', en: 'National Health Insurance card' } };

interface Member {
  readonly id: string;
  readonly name: string;
  readonly romanization: string;
  readonly relationship: string;
  readonly birth: string; // yyyMMdd
  readonly gender: '男' | '女';
  readonly father: string;
  readonly mother: string;
}

interface Household {
  readonly householdId: string;
  readonly siteId: string;
  readonly county: string;
  readonly town: string;
  readonly village: string;
  readonly neighbor: string;
  readonly street: string;
  readonly moveIn: string;
  readonly members: readonly Member[];
}

function wholeHousehold(h: Household): unknown {
  const head = h.members[0]!;
  return {
    householdBasicData21: {
      household_id: h.householdId,
      household_head_id: head.id,
      household_head_name: head.name,
      householdAddress: { from_site_id: h.siteId, village: h.village, neighbor: h.neighbor, neighbor_char: '鄰', street_doorplate: h.street },
      county_name: h.county, // INFERRED
      town_name: h.town, // INFERRED
    },
    personHouseholdData21: h.members.map((m) => ({
      person_id: m.id,
      person_name: m.name,
      relationship: m.relationship,
      birth_yyymmdd: m.birth,
      father_name: m.father,
      mother_name: m.mother,
      move_in_yyymmdd: h.moveIn,
      name_romanization: m.romanization,
      gender: m.gender,
    })),
  };
}

function personalRecord(h: Household, m: Member): unknown {
  return {
    person_id: m.id,
    person_name: m.name,
    birth_yyymmdd: m.birth,
    gender: m.gender,
    householdAddress: { village: h.village, neighbor: h.neighbor, street_doorplate: h.street },
    county_name: h.county,
    town_name: h.town,
  };
}

/** `A143004692` → `A14****692`, as the low-income certificate prints family members. */
function masked(id: string): string {
  return `${id.slice(0, 3)}****${id.slice(7)}`;
}

/** The certificate's fields besides the address and family, which come from the household. */
interface LowIncomeStatus {
  readonly lic_title: string;
  readonly low_type: string;
  readonly app_date: string;
  readonly until_date: string;
}

/**
 * The low-income certificate of a household: `family` gives, by national ID, the position of each member it counts
 * (its own words: `女` where the household record says `長女`). Birthdays in its `yy/MM/dd` form.
 */
function lowIncomeCertificate(h: Household, status: LowIncomeStatus, family: Readonly<Record<string, string>>): unknown {
  return {
    lic_title: status.lic_title,
    low_type: status.low_type,
    app_date: status.app_date,
    cityname: h.county,
    townname: h.town,
    villagename: h.village,
    addr: `${h.county}${h.town}${h.village}${Number(h.neighbor)}鄰${h.street}`,
    until_date: status.until_date,
    lowtypefam: h.members.filter((m) => m.id in family).map((m) => ({
      position: family[m.id],
      cnameh: m.name,
      id_no: masked(m.id),
      birthday: `${Number(m.birth.slice(0, 3))}/${m.birth.slice(3, 5)}/${m.birth.slice(5)}`,
    })),
  };
}

const WANG: Household = {
  householdId: 'F1234567',
  siteId: '63000030',
  county: '臺北市',
  town: '大安區',
  village: '龍淵里',
  neighbor: '005',
  street: '和平東路二段106巷3號5樓',
  moveIn: '0990301',
  members: [
    { id: 'A125001237', name: '王大明', romanization: 'WANG, DA-MING', relationship: '戶長', birth: '0560914', gender: '男', father: '王建國', mother: '李月娥' },
    { id: 'A225001248', name: '林美華', romanization: 'LIN, MEI-HUA', relationship: '配偶', birth: '0580302', gender: '女', father: '林正雄', mother: '張玉蘭' },
    { id: 'A152601814', name: '王家豪', romanization: 'WANG, JIA-HAO', relationship: '長子', birth: '0880725', gender: '男', father: '王大明', mother: '林美華' },
    { id: 'A266131863', name: '王家琪', romanization: 'WANG, JIA-QI', relationship: '長女', birth: '0921130', gender: '女', father: '王大明', mother: '林美華' },
  ],
};

const CHEN: Household = {
  householdId: 'K7654321',
  siteId: '65000010',
  county: '新北市',
  town: '板橋區',
  village: '港嘴里',
  neighbor: '008',
  street: '中山路一段161巷2弄4號',
  moveIn: '1030815',
  members: [
    { id: 'F126330107', name: '陳志強', romanization: 'CHEN, ZHI-QIANG', relationship: '戶長', birth: '0621105', gender: '男', father: '陳金水', mother: '陳林秀英' },
    { id: 'A143004692', name: '陳林秀英', romanization: 'CHEN LIN, XIU-YING', relationship: '母', birth: '0320202', gender: '女', father: '林阿土', mother: '林王罔市' },
    { id: 'H224876551', name: '黃淑惠', romanization: 'HUANG, SHU-HUI', relationship: '配偶', birth: '0660418', gender: '女', father: '黃天賜', mother: '吳素珍' },
    { id: 'F226330118', name: '陳怡君', romanization: 'CHEN, YI-JUN', relationship: '長女', birth: '0960517', gender: '女', father: '陳志強', mother: '黃淑惠' },
  ],
};

const LI: Household = {
  householdId: 'E2468013',
  siteId: '64000080',
  county: '高雄市',
  town: '三民區',
  village: '寶興里',
  neighbor: '012',
  street: '建工路415號3樓之2',
  moveIn: '1080110',
  members: [
    { id: 'E221004318', name: '李淑芬', romanization: 'LI, SHU-FEN', relationship: '戶長', birth: '0690823', gender: '女', father: '李明德', mother: '蔡秀琴' },
    { id: 'E121004325', name: '李承恩', romanization: 'LI, CHENG-EN', relationship: '長子', birth: '1000612', gender: '男', father: '郭志明', mother: '李淑芬' },
  ],
};

const CHANG: Household = {
  householdId: 'B1357924',
  siteId: '66000050',
  county: '台中市', // the other spelling of 臺, as some records have it
  town: '北屯區',
  village: '松竹里',
  neighbor: '021',
  street: '松竹路二段88號',
  moveIn: '0950620',
  members: [
    { id: 'B120345673', name: '張文雄', romanization: 'CHANG, WEN-HSIUNG', relationship: '戶長', birth: '0510130', gender: '男', father: '張榮發', mother: '何阿綢' },
    { id: 'B220345611', name: '張雅婷', romanization: 'CHANG, YA-TING', relationship: '長女', birth: '0841009', gender: '女', father: '張文雄', mother: '劉美玲' },
  ],
};

/** Who a member of a household is, with their household's records (and `more` datasets). */
function resident(h: Household, nationalId: string, more: Readonly<Record<string, unknown>> = {}): Pick<Persona, 'nationalId' | 'name' | 'data'> {
  const member = h.members.find((m) => m.id === nationalId);
  if (!member) throw new Error(`no member ${nationalId}`);
  return {
    nationalId,
    name: member.name,
    data: { 'API.UDauDOLyZg': wholeHousehold(h), 'API.7QovE2Gev6': personalRecord(h, member), ...more },
  };
}

const CHEN_LOW_INCOME = lowIncomeCertificate(
  CHEN,
  { lic_title: '低收入戶', low_type: '第二款', app_date: '107年01月01日', until_date: '115年12月31日' },
  { F126330107: '戶長', A143004692: '母', H224876551: '配偶', F226330118: '女' },
);

export const PERSONAS: readonly Persona[] = [
  {
    id: 'household-head',
    ...resident(WANG, 'A125001237'),
    summary: { 'zh-Hant-TW': '四口之家的戶長(配偶與兩名子女)', en: 'Head of a household of four (spouse, two children)' },
    identityMethod: MOICA,
  },
  {
    id: 'low-income',
    ...resident(CHEN, 'F126330107', { 'API.AbAYGIjoYw': CHEN_LOW_INCOME }),
    summary: { 'zh-Hant-TW': '低收入戶戶長,與母親、配偶、女兒同住', en: 'Head of a low-income household living with his mother, spouse and daughter' },
    identityMethod: TWFIDO,
  },
  {
    id: 'student',
    ...resident(CHEN, 'F226330118', { 'API.AbAYGIjoYw': CHEN_LOW_INCOME }),
    summary: { 'zh-Hant-TW': '低收入戶家庭的大學生(申請學雜費減免)', en: 'University student in a low-income family (tuition fee reduction)' },
    identityMethod: TWFIDO,
  },
  {
    id: 'middle-low-income',
    ...resident(LI, 'E221004318', {
      'API.AbAYGIjoYw': lowIncomeCertificate(
        LI,
        { lic_title: '中低收入戶', low_type: '中低收入戶', app_date: '112年3月15日', until_date: '115年12月31日' },
        { E221004318: '本人', E121004325: '子' },
      ),
    }),
    summary: { 'zh-Hant-TW': '中低收入戶,單親家長與兒子', en: 'Middle-low-income household: a single parent and her son' },
    identityMethod: NHI,
  },
  {
    id: 'disability',
    ...resident(CHANG, 'B220345611', {
      // INFERRED shape: the platform documents this dataset as a PDF only.
      [DISABILITY_RESOURCE]: {
        person_id: 'B220345611',
        person_name: '張雅婷',
        disability_level: '中度',
        disability_category: '第7類',
        icf_code: 'b730.2',
        issue_date: '1100315',
        valid_until: '1150314',
        needs_assistance: 'Y',
      },
    }),
    summary: { 'zh-Hant-TW': '中度身心障礙者(第7類),由父親陪同', en: 'Person with a moderate disability (category 7), helped by her father' },
    identityMethod: NHI,
  },
  {
    id: 'disability-proxy',
    ...resident(CHANG, 'B120345673'),
    summary: { 'zh-Hant-TW': '身心障礙者張雅婷的父親,代為申請', en: 'Father of 張雅婷 (with a disability), applying on her behalf' },
    identityMethod: MOICA,
  },
];

export function findPersona(idOrNationalId: string): Persona | undefined {
  return PERSONAS.find((p) => p.id === idOrNationalId || p.nationalId === idOrNationalId);
}
