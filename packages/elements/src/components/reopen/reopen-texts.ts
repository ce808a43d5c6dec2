/**
 * The texts of a reopened application (the agency asked for more information), in the SDK's seven languages. They
 * travel in the reopen chunk, not in the drop-in bundle: only a citizen updating an application needs them.
 * `{steps}` and `{date}` are replaced by simple substitution.
 */

/**
 * The name of one text of a reopened application.
 * @example
 * const key: ReopenTextKey = 'locked';
 */
export type ReopenTextKey = 'title' | 'note' | 'steps' | 'locked' | 'outside' | 'moved' | 'gone' | 'sent';

export const REOPEN_TEXTS: Readonly<Record<string, Readonly<Record<ReopenTextKey, string>>>> = {
  'zh-Hant-TW': {
    title: '承辦機關請您補充資料',
    note: '承辦人員說明：',
    steps: '您可以修改：{steps}。其他答案維持您原本送出的內容，無法修改。',
    locked: '未開放修改，維持原送出內容',
    outside: '承辦機關只接受已開放步驟的修改，但有其他答案與機關收到的申請不同，所以這次沒有送出。您填寫的內容都還在；請聯絡承辦機關。',
    moved: '承辦機關已繼續處理您的申請，不再等待補件，所以這些修改無法送出。您填寫的內容都還在；請查詢申請進度或聯絡承辦機關。',
    gone: '您的收件編號與查詢碼已無法用於這件申請，所以修改沒有送出。您填寫的內容都還在；請聯絡承辦機關。',
    sent: '承辦機關已收到您更新後的申請，將取代先前送出的版本重新審查。',
  },
  en: {
    title: 'The agency has asked you for more information',
    note: 'The caseworker’s note:',
    steps: 'You can change: {steps}. Your other answers stay as you sent them and cannot be changed.',
    locked: 'Not reopened: kept as you sent it',
    outside: 'The agency accepts changes to the reopened steps only, and other answers differ from the application it holds, so nothing was sent. Everything you entered is still here; please contact the agency.',
    moved: 'The agency has already moved on with your application and is no longer waiting for more information, so these changes cannot be sent. Everything you entered is still here; check your application’s status or contact the agency.',
    gone: 'Your reference number and status code no longer open this application, so the changes were not sent. Everything you entered is still here; please contact the agency.',
    sent: 'The agency received your updated application. It replaces the version you sent before and will be reviewed again.',
  },
  vi: {
    title: 'Cơ quan đề nghị bạn bổ sung thông tin',
    note: 'Ghi chú của cán bộ:',
    steps: 'Bạn có thể thay đổi: {steps}. Các câu trả lời khác giữ nguyên như bạn đã gửi và không thể thay đổi.',
    locked: 'Không được mở lại: giữ nguyên như bạn đã gửi',
    outside: 'Cơ quan chỉ chấp nhận thay đổi ở các bước được mở lại, nhưng có câu trả lời khác không giống hồ sơ cơ quan đang giữ, nên chưa có gì được gửi. Mọi thông tin bạn nhập vẫn còn đây; vui lòng liên hệ cơ quan.',
    moved: 'Cơ quan đã tiếp tục xử lý hồ sơ của bạn và không còn chờ bổ sung, nên không thể gửi các thay đổi này. Mọi thông tin bạn nhập vẫn còn đây; hãy xem tình trạng hồ sơ hoặc liên hệ cơ quan.',
    gone: 'Số biên nhận và mã tra cứu của bạn không còn mở được hồ sơ này, nên các thay đổi chưa được gửi. Mọi thông tin bạn nhập vẫn còn đây; vui lòng liên hệ cơ quan.',
    sent: 'Cơ quan đã nhận hồ sơ cập nhật của bạn. Hồ sơ này thay thế bản bạn gửi trước đó và sẽ được xem xét lại.',
  },
  id: {
    title: 'Instansi meminta Anda melengkapi informasi',
    note: 'Catatan petugas:',
    steps: 'Anda dapat mengubah: {steps}. Jawaban lainnya tetap seperti yang Anda kirim dan tidak dapat diubah.',
    locked: 'Tidak dibuka kembali: tetap seperti yang Anda kirim',
    outside: 'Instansi hanya menerima perubahan pada langkah yang dibuka kembali, tetapi ada jawaban lain yang berbeda dari permohonan yang dipegangnya, jadi tidak ada yang terkirim. Semua yang Anda isi masih ada; silakan hubungi instansi.',
    moved: 'Instansi sudah melanjutkan proses permohonan Anda dan tidak lagi menunggu kelengkapan, jadi perubahan ini tidak dapat dikirim. Semua yang Anda isi masih ada; periksa status permohonan atau hubungi instansi.',
    gone: 'Nomor tanda terima dan kode status Anda tidak lagi membuka permohonan ini, jadi perubahan tidak terkirim. Semua yang Anda isi masih ada; silakan hubungi instansi.',
    sent: 'Instansi telah menerima permohonan Anda yang diperbarui. Permohonan ini menggantikan versi yang Anda kirim sebelumnya dan akan diperiksa kembali.',
  },
  th: {
    title: 'หน่วยงานขอให้คุณส่งข้อมูลเพิ่มเติม',
    note: 'หมายเหตุจากเจ้าหน้าที่:',
    steps: 'คุณแก้ไขได้: {steps} คำตอบอื่นจะคงไว้ตามที่คุณส่งและแก้ไขไม่ได้',
    locked: 'ไม่ได้เปิดให้แก้ไข: คงไว้ตามที่คุณส่ง',
    outside: 'หน่วยงานรับการแก้ไขเฉพาะขั้นตอนที่เปิดให้แก้ไข แต่มีคำตอบอื่นที่ไม่ตรงกับคำขอที่หน่วยงานถืออยู่ จึงยังไม่ได้ส่งอะไร ข้อมูลที่คุณกรอกยังอยู่ครบ โปรดติดต่อหน่วยงาน',
    moved: 'หน่วยงานดำเนินการกับคำขอของคุณต่อไปแล้วและไม่ได้รอข้อมูลเพิ่มเติมอีก จึงส่งการแก้ไขนี้ไม่ได้ ข้อมูลที่คุณกรอกยังอยู่ครบ โปรดตรวจสอบสถานะคำขอหรือติดต่อหน่วยงาน',
    gone: 'เลขที่ใบรับและรหัสสถานะของคุณใช้เปิดคำขอนี้ไม่ได้แล้ว จึงยังไม่ได้ส่งการแก้ไข ข้อมูลที่คุณกรอกยังอยู่ครบ โปรดติดต่อหน่วยงาน',
    sent: 'หน่วยงานได้รับคำขอที่คุณปรับปรุงแล้ว คำขอนี้แทนฉบับที่คุณส่งก่อนหน้าและจะได้รับการพิจารณาอีกครั้ง',
  },
  fil: {
    title: 'Humihingi ang ahensiya ng karagdagang impormasyon',
    note: 'Tala ng caseworker:',
    steps: 'Maaari mong baguhin: {steps}. Ang iba mong sagot ay mananatili gaya ng ipinadala mo at hindi mababago.',
    locked: 'Hindi binuksang muli: nananatili gaya ng ipinadala mo',
    outside: 'Tumatanggap lang ang ahensiya ng pagbabago sa mga hakbang na binuksang muli, pero may ibang sagot na iba sa aplikasyong hawak nito, kaya walang naipadala. Naririto pa ang lahat ng inilagay mo; makipag-ugnayan sa ahensiya.',
    moved: 'Itinuloy na ng ahensiya ang pagproseso ng iyong aplikasyon at hindi na ito naghihintay ng karagdagang impormasyon, kaya hindi maipapadala ang mga pagbabagong ito. Naririto pa ang lahat ng inilagay mo; tingnan ang status ng iyong aplikasyon o makipag-ugnayan sa ahensiya.',
    gone: 'Hindi na nabubuksan ng iyong reference number at status code ang aplikasyong ito, kaya hindi naipadala ang mga pagbabago. Naririto pa ang lahat ng inilagay mo; makipag-ugnayan sa ahensiya.',
    sent: 'Natanggap ng ahensiya ang iyong na-update na aplikasyon. Papalitan nito ang bersiyong ipinadala mo noon at susuriin itong muli.',
  },
  ms: {
    title: 'Agensi meminta anda memberikan maklumat tambahan',
    note: 'Catatan pegawai:',
    steps: 'Anda boleh mengubah: {steps}. Jawapan lain kekal seperti yang anda hantar dan tidak boleh diubah.',
    locked: 'Tidak dibuka semula: kekal seperti yang anda hantar',
    outside: 'Agensi hanya menerima perubahan pada langkah yang dibuka semula, tetapi ada jawapan lain yang berbeza daripada permohonan yang dipegangnya, jadi tiada apa-apa dihantar. Semua yang anda isi masih ada; sila hubungi agensi.',
    moved: 'Agensi telah meneruskan proses permohonan anda dan tidak lagi menunggu maklumat tambahan, jadi perubahan ini tidak boleh dihantar. Semua yang anda isi masih ada; semak status permohonan anda atau hubungi agensi.',
    gone: 'Nombor rujukan dan kod status anda tidak lagi membuka permohonan ini, jadi perubahan tidak dihantar. Semua yang anda isi masih ada; sila hubungi agensi.',
    sent: 'Agensi telah menerima permohonan anda yang dikemas kini. Ia menggantikan versi yang anda hantar sebelum ini dan akan disemak semula.',
  },
};

/** The text in `locale` (else its language's, else zh-Hant-TW's), its `{name}`s replaced. */
export function reopenText(locale: string, key: ReopenTextKey, params: Readonly<Record<string, string>> = {}): string {
  const texts = REOPEN_TEXTS[locale] ?? REOPEN_TEXTS[locale.split('-')[0]!] ?? REOPEN_TEXTS['zh-Hant-TW']!;
  return texts[key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
