// The host's own words, in its two languages. The form brings its own; the host only says how far the citizen got.
export type Locale = 'zh-Hant-TW' | 'en';

export const LOCALES: readonly { locale: Locale; label: string }[] = [
  { locale: 'zh-Hant-TW', label: '中文' },
  { locale: 'en', label: 'English' },
];

interface HostTexts {
  office: string;
  heading: string;
  switchLanguage: string;
  welcome: (name: string) => string;
  now: (where: string) => string;
  sent: string;
  stages: Record<string, string>;
}

export const TEXTS: Record<Locale, HostTexts> = {
  'zh-Hant-TW': {
    office: '新北市政府城鄉發展局',
    heading: '申請租金補貼',
    switchLanguage: '切換語言',
    welcome: (name) => `歡迎，${name}。我們已代您填好姓名與身分證號。`,
    now: (where) => `您正在填寫：${where}`,
    sent: '已收到您的申請，收件編號',
    stages: { applicant: '基本資料', household: '家屬', rental: '租屋處', landlord: '出租人', eligibility: '資格', 'status-proof': '證明文件', bank: '金融帳戶', review: '檢查答案', submitted: '完成' },
  },
  en: {
    office: 'New Taipei City Urban and Rural Development Department',
    heading: 'Rent subsidy application',
    switchLanguage: 'Switch language',
    welcome: (name) => `Hello ${name}. We have put your name and ID number in for you.`,
    now: (where) => `Now: ${where}`,
    sent: 'We have your application. Receipt number',
    stages: { applicant: 'Your details', household: 'Family', rental: 'Rented home', landlord: 'Landlord', eligibility: 'Eligibility', 'status-proof': 'Documents', bank: 'Bank', review: 'Review', submitted: 'Done' },
  },
};
