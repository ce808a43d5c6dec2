// The host's own words, in its two languages. The form brings its own; the host only names where the citizen is.
export type Locale = 'zh-Hant-TW' | 'en';

export const LOCALES: readonly { locale: Locale; name: string }[] = [
  { locale: 'zh-Hant-TW', name: '中文' },
  { locale: 'en', name: 'English' },
];

export const TEXTS: Record<Locale, { agency: string; service: string; languages: string; greeting: (name: string) => string; progress: (where: string) => string; received: string; views: Record<string, string> }> = {
  'zh-Hant-TW': {
    agency: '臺北市政府都市發展局',
    service: '租金補貼線上申請',
    languages: '語言',
    greeting: (name) => `${name}，您好。申請表已填入您的姓名與身分證統一編號。`,
    progress: (where) => `目前進度：${where}`,
    received: '申請已送出，收件編號',
    views: { applicant: '申請人', household: '家庭成員', rental: '租屋', landlord: '房東', eligibility: '申請資格', 'status-proof': '身分證明', bank: '撥款帳戶', review: '確認資料', submitted: '已送出' },
  },
  en: {
    agency: 'Taipei City Urban Development Department',
    service: 'Apply for a rent subsidy online',
    languages: 'Language',
    greeting: (name) => `Welcome, ${name}. Your name and national ID are already in the form.`,
    progress: (where) => `You are at: ${where}`,
    received: 'Application sent. Receipt number',
    views: { applicant: 'About you', household: 'Household', rental: 'The home', landlord: 'Landlord', eligibility: 'Eligibility', 'status-proof': 'Proof of status', bank: 'Bank account', review: 'Check your answers', submitted: 'Sent' },
  },
};
