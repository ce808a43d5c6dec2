/**
 * The citizen-facing texts of the MyData views (consent, waiting, provenance, locked answers, every way it can end)
 * in zh-Hant-TW, the default language and every other's fallback. They travel in the MyData chunk, not in the drop-in
 * bundle's default pack, so a form without MyData does not carry them. The six other languages' texts are in their
 * interface packs as `mydata.<key>` (packages/i18n/src/locales/<locale>.json), fetched with the language anyway.
 * Placeholders in braces ({agency}, {time}, {count}, {minutes}) are plain arguments, so no text needs a plural form.
 * Each text says what happened without blaming the citizen, and the way forward (usually: fill in by hand, nothing
 * typed is lost).
 */

/**
 * The name of one MyData text.
 * @example
 * const key: MyDataTextKey = 'lockReason';
 */
export type MyDataTextKey =
  | 'consentTitle'
  | 'consentIntro'
  | 'purpose'
  | 'datasets'
  | 'datasetFrom'
  | 'subjectHint'
  | 'go'
  | 'byHand'
  | 'consentNote'
  | 'waiting'
  | 'waitingSlow'
  | 'provenance'
  | 'lockReason'
  | 'prefilled'
  | 'notVerified'
  | 'unmapped'
  | 'declined'
  | 'otherPerson'
  | 'unavailable'
  | 'timeout'
  | 'failed'
  | 'configuration'
  | 'suspended'
  | 'expired'
  | 'retry'
  | 'sealExpired'
  | 'sendAsOwn'
  | 'tampered'
  | 'verifiedAnswer';

/**
 * The MyData views' texts in zh-Hant-TW. Replace each `{name}` with its value.
 * @example
 * const text = MYDATA_DEFAULT_TEXTS.lockReason.replaceAll('{agency}', '內政部戶政司');
 */
export const MYDATA_DEFAULT_TEXTS: Readonly<Record<MyDataTextKey, string>> = {
  consentTitle: '使用 MyData 帶入您的資料',
  consentIntro:
    '經您同意後，MyData（國家發展委員會的個人化資料自主運用平臺）會從保管資料的機關取得下列資料並帶入表單，您就不必自行輸入或上傳證明文件。',
  purpose: '{agency}需要這些資料的原因',
  datasets: '需要的資料',
  datasetFrom: '資料來源：{agency}',
  subjectHint: '您將在 MyData 驗證身分，驗證的必須是這個身分證字號的本人。',
  go: '前往 MyData',
  byHand: '改為自行填寫',
  consentNote: '您也可以在 MyData 選擇不同意。您在這裡已填寫的資料都會保留。',
  waiting: '正在從 MyData 取得您的資料…',
  waitingSlow: '這次花的時間比平常久。您可以繼續等候，或改為自行填寫。',
  provenance: 'MyData · {agency} · {time}',
  lockReason: '這項資料已由{agency}透過 MyData 驗證，無法在這裡修改。如有錯誤，請洽{agency}。',
  prefilled: '已從 MyData 帶入 {count} 項答案，請確認內容是否正確。',
  notVerified: '來自{agency}的資料未能通過驗證，所以沒有帶入。請自行填寫這些項目。',
  unmapped: '部分 MyData 資料無法使用，請自行填寫這些項目。',
  declined: '您選擇不提供資料，請自行填寫表單。',
  otherPerson: '在 MyData 驗證身分的人，與這裡填寫的身分證字號不是同一人。請檢查身分證字號，或改為自行填寫。',
  unavailable: 'MyData 目前無法從{agency}取得您的資料。請自行填寫，或稍後再試。',
  timeout: 'MyData 作業時間過長，已自動結束。請再試一次，或改為自行填寫。',
  failed: '目前無法使用 MyData。請自行填寫，或稍後再試。',
  configuration: '這份表單目前無法使用 MyData，我們已通知承辦機關。請自行填寫。',
  suspended: 'MyData 目前暫停服務，請自行填寫。',
  expired: 'MyData 的資料只保留 {minutes} 分鐘，現在已經過期。請重新取得，或改為自行填寫。',
  retry: '重新使用 MyData',
  sealExpired: '您從 MyData 取得的答案已超過查驗期限。請重新從 MyData 取得，或改以您自己填寫的答案送出（機關會另行查核）。',
  sendAsOwn: '以我自己填寫的答案送出',
  tampered: '有些來自 MyData 的答案在這個頁面中被更改，所以申請沒有送出。請重新從 MyData 取得資料。',
  verifiedAnswer: '已由 MyData 驗證',
};
