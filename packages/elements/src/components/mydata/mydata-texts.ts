/**
 * The citizen-facing texts of the MyData views (consent, waiting, provenance, locked answers, every way it can end),
 * in the SDK's seven languages. Placeholders in braces ({agency}, {time}, {count}, {minutes}) are replaced by simple
 * substitution, so no text needs a plural form. Each text says what happened without blaming the citizen, and the
 * way forward (usually: fill in by hand, nothing typed is lost).
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

type Texts = Readonly<Record<MyDataTextKey, string>>;

const zhHantTW: Texts = {
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

const en: Texts = {
  consentTitle: 'Fill in with your data from MyData',
  consentIntro:
    "With your consent, MyData (the government's personal data service run by the National Development Council) sends the data below from the agencies that hold it, so you don't have to type it or upload certificates.",
  purpose: 'Why {agency} asks',
  datasets: 'Data requested',
  datasetFrom: 'From {agency}',
  subjectHint: 'You will verify your identity on MyData; it must be the person with this national ID.',
  go: 'Continue to MyData',
  byHand: 'Fill in by hand instead',
  consentNote: 'You can decline on MyData. Whatever you have typed here is kept.',
  waiting: 'Getting your data from MyData…',
  waitingSlow: 'This is taking longer than usual. You can keep waiting or fill in by hand.',
  provenance: 'MyData · {agency} · {time}',
  lockReason: "Verified by {agency} through MyData, so it can't be changed here. If it is wrong, contact {agency}.",
  prefilled: '{count} answers were filled in from MyData. Please check them.',
  notVerified: 'The data from {agency} could not be verified, so it was not filled in. Please fill in those answers yourself.',
  unmapped: 'Some data from MyData could not be used; please fill in those answers yourself.',
  declined: 'You chose not to share your data. Please fill in the form yourself.',
  otherPerson:
    'The person who verified their identity on MyData is not the person with the national ID entered here. Check the national ID, or fill in by hand.',
  unavailable: 'MyData could not get your data from {agency} right now. Fill in by hand, or try again later.',
  timeout: 'The MyData session took too long and ended. Try again, or fill in by hand.',
  failed: 'MyData could not be used just now. Fill in by hand, or try again later.',
  configuration: "MyData can't be used with this form at the moment; the agency has been told. Please fill in by hand.",
  suspended: 'MyData is not available at the moment. Please fill in by hand.',
  expired: 'Data from MyData is kept for only {minutes} minutes and has expired. Get it again, or fill in by hand.',
  retry: 'Try MyData again',
  sealExpired:
    'The check of your MyData answers has expired. Get them again from MyData, or send them as your own answers (the agency will check them).',
  sendAsOwn: 'Send as my own answers',
  tampered: 'Some answers from MyData were changed in this page, so the application was not sent. Get them again from MyData.',
  verifiedAnswer: 'Verified by MyData',
};

const vi: Texts = {
  consentTitle: 'Điền sẵn bằng thông tin của bạn từ MyData',
  consentIntro:
    'Khi bạn đồng ý, MyData (dịch vụ dữ liệu cá nhân của chính phủ do Hội đồng Phát triển Quốc gia quản lý) sẽ gửi các thông tin dưới đây từ những cơ quan đang lưu giữ, để bạn không phải tự nhập hay tải giấy chứng nhận lên.',
  purpose: 'Lý do {agency} cần thông tin này',
  datasets: 'Thông tin được yêu cầu',
  datasetFrom: 'Từ {agency}',
  subjectHint: 'Bạn sẽ xác minh danh tính trên MyData; người xác minh phải là chủ của số chứng minh nhân dân này.',
  go: 'Tiếp tục đến MyData',
  byHand: 'Tôi sẽ tự điền',
  consentNote: 'Bạn có thể từ chối trên MyData. Những gì bạn đã điền ở đây vẫn được giữ nguyên.',
  waiting: 'Đang lấy thông tin của bạn từ MyData…',
  waitingSlow: 'Việc này lâu hơn bình thường. Bạn có thể tiếp tục chờ hoặc tự điền.',
  provenance: 'MyData · {agency} · {time}',
  lockReason: 'Thông tin này đã được {agency} xác minh qua MyData nên không thể sửa ở đây. Nếu thông tin sai, hãy liên hệ {agency}.',
  prefilled: 'Đã điền sẵn {count} mục từ MyData. Vui lòng kiểm tra lại.',
  notVerified: 'Không xác minh được thông tin từ {agency} nên thông tin này chưa được điền. Vui lòng tự điền các mục đó.',
  unmapped: 'Một số thông tin từ MyData không dùng được; vui lòng tự điền các mục đó.',
  declined: 'Bạn đã chọn không chia sẻ thông tin. Vui lòng tự điền biểu mẫu.',
  otherPerson:
    'Người xác minh danh tính trên MyData không phải là chủ của số chứng minh nhân dân đã điền ở đây. Hãy kiểm tra lại số chứng minh nhân dân, hoặc tự điền.',
  unavailable: 'Hiện MyData chưa lấy được thông tin của bạn từ {agency}. Hãy tự điền, hoặc thử lại sau.',
  timeout: 'Phiên MyData kéo dài quá lâu nên đã kết thúc. Hãy thử lại, hoặc tự điền.',
  failed: 'Hiện chưa dùng được MyData. Hãy tự điền, hoặc thử lại sau.',
  configuration: 'Biểu mẫu này tạm thời chưa dùng được MyData; cơ quan đã được thông báo. Vui lòng tự điền.',
  suspended: 'MyData hiện tạm ngừng hoạt động. Vui lòng tự điền.',
  expired: 'Thông tin từ MyData chỉ được giữ trong {minutes} phút và nay đã hết hạn. Hãy lấy lại, hoặc tự điền.',
  retry: 'Thử lại MyData',
  sealExpired:
    'Việc xác nhận các câu trả lời từ MyData đã hết hạn. Hãy lấy lại từ MyData, hoặc gửi chúng như câu trả lời của chính bạn (cơ quan sẽ kiểm tra).',
  sendAsOwn: 'Gửi như câu trả lời của tôi',
  tampered: 'Một số câu trả lời từ MyData đã bị thay đổi trên trang này nên đơn chưa được gửi. Hãy lấy lại từ MyData.',
  verifiedAnswer: 'Đã được MyData xác minh',
};

const id: Texts = {
  consentTitle: 'Isi dengan data Anda dari MyData',
  consentIntro:
    'Dengan persetujuan Anda, MyData (layanan data pribadi pemerintah yang dikelola Dewan Pembangunan Nasional) mengirim data di bawah ini dari instansi yang menyimpannya, sehingga Anda tidak perlu mengetik atau mengunggah surat keterangan.',
  purpose: 'Mengapa {agency} memintanya',
  datasets: 'Data yang diminta',
  datasetFrom: 'Dari {agency}',
  subjectHint: 'Anda akan memverifikasi identitas di MyData; yang memverifikasi harus pemilik nomor KTP Taiwan ini.',
  go: 'Lanjut ke MyData',
  byHand: 'Isi sendiri saja',
  consentNote: 'Anda bisa menolak di MyData. Apa pun yang sudah Anda isi di sini tetap tersimpan.',
  waiting: 'Mengambil data Anda dari MyData…',
  waitingSlow: 'Ini memakan waktu lebih lama dari biasanya. Anda bisa terus menunggu atau mengisi sendiri.',
  provenance: 'MyData · {agency} · {time}',
  lockReason: 'Diverifikasi oleh {agency} melalui MyData, jadi tidak dapat diubah di sini. Jika salah, hubungi {agency}.',
  prefilled: '{count} jawaban sudah diisi dari MyData. Mohon periksa kembali.',
  notVerified: 'Data dari {agency} tidak dapat diverifikasi, jadi tidak diisikan. Mohon isi sendiri jawaban tersebut.',
  unmapped: 'Sebagian data dari MyData tidak dapat dipakai; mohon isi sendiri jawaban tersebut.',
  declined: 'Anda memilih untuk tidak membagikan data. Mohon isi formulir sendiri.',
  otherPerson:
    'Orang yang memverifikasi identitas di MyData bukan pemilik nomor KTP Taiwan yang diisi di sini. Periksa nomor KTP-nya, atau isi sendiri.',
  unavailable: 'MyData belum dapat mengambil data Anda dari {agency} saat ini. Isi sendiri, atau coba lagi nanti.',
  timeout: 'Sesi MyData terlalu lama sehingga berakhir. Coba lagi, atau isi sendiri.',
  failed: 'MyData tidak dapat digunakan saat ini. Isi sendiri, atau coba lagi nanti.',
  configuration: 'MyData untuk sementara tidak dapat digunakan dengan formulir ini; instansi sudah diberi tahu. Mohon isi sendiri.',
  suspended: 'MyData sedang tidak tersedia. Mohon isi sendiri.',
  expired: 'Data dari MyData hanya disimpan selama {minutes} menit dan sudah kedaluwarsa. Ambil lagi, atau isi sendiri.',
  retry: 'Coba MyData lagi',
  sealExpired:
    'Pemeriksaan jawaban MyData Anda sudah kedaluwarsa. Ambil lagi dari MyData, atau kirim sebagai jawaban Anda sendiri (instansi akan memeriksanya).',
  sendAsOwn: 'Kirim sebagai jawaban saya sendiri',
  tampered: 'Beberapa jawaban dari MyData diubah di halaman ini, jadi permohonan tidak dikirim. Ambil lagi dari MyData.',
  verifiedAnswer: 'Diverifikasi oleh MyData',
};

const th: Texts = {
  consentTitle: 'กรอกด้วยข้อมูลของคุณจาก MyData',
  consentIntro:
    'เมื่อคุณยินยอม MyData (บริการข้อมูลส่วนบุคคลของรัฐบาล ดูแลโดยสภาพัฒนาแห่งชาติ) จะส่งข้อมูลด้านล่างจากหน่วยงานที่เก็บข้อมูลนั้น คุณจึงไม่ต้องพิมพ์เองหรืออัปโหลดหนังสือรับรอง',
  purpose: 'เหตุผลที่ {agency} ขอข้อมูลนี้',
  datasets: 'ข้อมูลที่ขอ',
  datasetFrom: 'จาก {agency}',
  subjectHint: 'คุณจะยืนยันตัวตนที่ MyData และผู้ยืนยันต้องเป็นเจ้าของเลขบัตรประชาชนไต้หวันนี้',
  go: 'ไปที่ MyData',
  byHand: 'กรอกเองแทน',
  consentNote: 'คุณปฏิเสธได้ที่ MyData ข้อมูลที่คุณกรอกไว้ที่นี่จะยังอยู่ครบ',
  waiting: 'กำลังรับข้อมูลของคุณจาก MyData…',
  waitingSlow: 'ครั้งนี้ใช้เวลานานกว่าปกติ คุณรอต่อได้ หรือจะกรอกเองก็ได้',
  provenance: 'MyData · {agency} · {time}',
  lockReason: 'ข้อมูลนี้ได้รับการยืนยันโดย {agency} ผ่าน MyData จึงแก้ไขที่นี่ไม่ได้ หากไม่ถูกต้อง กรุณาติดต่อ {agency}',
  prefilled: 'กรอกคำตอบจาก MyData ให้แล้ว {count} ข้อ กรุณาตรวจสอบ',
  notVerified: 'ยืนยันข้อมูลจาก {agency} ไม่ได้ จึงไม่ได้กรอกให้ กรุณากรอกคำตอบเหล่านั้นเอง',
  unmapped: 'ข้อมูลบางส่วนจาก MyData ใช้ไม่ได้ กรุณากรอกคำตอบเหล่านั้นเอง',
  declined: 'คุณเลือกไม่แบ่งปันข้อมูล กรุณากรอกแบบฟอร์มเอง',
  otherPerson:
    'ผู้ที่ยืนยันตัวตนที่ MyData ไม่ใช่เจ้าของเลขบัตรประชาชนที่กรอกไว้ที่นี่ กรุณาตรวจสอบเลขบัตรประชาชน หรือกรอกเอง',
  unavailable: 'ขณะนี้ MyData ยังรับข้อมูลของคุณจาก {agency} ไม่ได้ กรุณากรอกเอง หรือลองใหม่ภายหลัง',
  timeout: 'การใช้ MyData ครั้งนี้ใช้เวลานานเกินไปและสิ้นสุดลงแล้ว กรุณาลองอีกครั้ง หรือกรอกเอง',
  failed: 'ขณะนี้ใช้ MyData ไม่ได้ กรุณากรอกเอง หรือลองใหม่ภายหลัง',
  configuration: 'ขณะนี้ใช้ MyData กับแบบฟอร์มนี้ไม่ได้ และได้แจ้งหน่วยงานแล้ว กรุณากรอกเอง',
  suspended: 'ขณะนี้ MyData ไม่พร้อมให้บริการ กรุณากรอกเอง',
  expired: 'ข้อมูลจาก MyData เก็บไว้ได้เพียง {minutes} นาทีและหมดอายุแล้ว กรุณารับข้อมูลใหม่ หรือกรอกเอง',
  retry: 'ลองใช้ MyData อีกครั้ง',
  sealExpired:
    'การตรวจสอบคำตอบจาก MyData ของคุณหมดอายุแล้ว กรุณารับข้อมูลจาก MyData ใหม่ หรือส่งเป็นคำตอบของคุณเอง (หน่วยงานจะตรวจสอบ)',
  sendAsOwn: 'ส่งเป็นคำตอบของฉันเอง',
  tampered: 'คำตอบบางข้อจาก MyData ถูกเปลี่ยนในหน้านี้ จึงยังไม่ได้ส่งคำขอ กรุณารับข้อมูลจาก MyData ใหม่',
  verifiedAnswer: 'ยืนยันโดย MyData',
};

const ms: Texts = {
  consentTitle: 'Isi dengan data anda daripada MyData',
  consentIntro:
    'Dengan persetujuan anda, MyData (perkhidmatan data peribadi kerajaan yang dikendalikan oleh Majlis Pembangunan Kebangsaan) menghantar data di bawah daripada agensi yang menyimpannya, supaya anda tidak perlu menaipnya atau memuat naik sijil.',
  purpose: 'Sebab {agency} memintanya',
  datasets: 'Data yang diminta',
  datasetFrom: 'Daripada {agency}',
  subjectHint: 'Anda akan mengesahkan identiti di MyData; orang itu mestilah pemilik nombor kad pengenalan Taiwan ini.',
  go: 'Teruskan ke MyData',
  byHand: 'Isi sendiri sahaja',
  consentNote: 'Anda boleh menolak di MyData. Apa-apa yang telah anda isi di sini tetap disimpan.',
  waiting: 'Mendapatkan data anda daripada MyData…',
  waitingSlow: 'Ini mengambil masa lebih lama daripada biasa. Anda boleh terus menunggu atau mengisi sendiri.',
  provenance: 'MyData · {agency} · {time}',
  lockReason: 'Disahkan oleh {agency} melalui MyData, jadi tidak boleh diubah di sini. Jika salah, hubungi {agency}.',
  prefilled: '{count} jawapan telah diisi daripada MyData. Sila semak.',
  notVerified: 'Data daripada {agency} tidak dapat disahkan, jadi tidak diisi. Sila isi sendiri jawapan tersebut.',
  unmapped: 'Sebahagian data daripada MyData tidak dapat digunakan; sila isi sendiri jawapan tersebut.',
  declined: 'Anda memilih untuk tidak berkongsi data anda. Sila isi borang sendiri.',
  otherPerson:
    'Orang yang mengesahkan identiti di MyData bukan pemilik nombor kad pengenalan yang diisi di sini. Semak nombor kad pengenalan itu, atau isi sendiri.',
  unavailable: 'MyData tidak dapat mendapatkan data anda daripada {agency} buat masa ini. Isi sendiri, atau cuba lagi kemudian.',
  timeout: 'Sesi MyData terlalu lama dan telah tamat. Cuba lagi, atau isi sendiri.',
  failed: 'MyData tidak dapat digunakan buat masa ini. Isi sendiri, atau cuba lagi kemudian.',
  configuration: 'MyData tidak dapat digunakan dengan borang ini buat masa ini; agensi telah dimaklumkan. Sila isi sendiri.',
  suspended: 'MyData tidak tersedia buat masa ini. Sila isi sendiri.',
  expired: 'Data daripada MyData hanya disimpan selama {minutes} minit dan telah tamat tempoh. Dapatkan semula, atau isi sendiri.',
  retry: 'Cuba MyData sekali lagi',
  sealExpired:
    'Semakan jawapan MyData anda telah tamat tempoh. Dapatkan semula daripada MyData, atau hantar sebagai jawapan anda sendiri (agensi akan menyemaknya).',
  sendAsOwn: 'Hantar sebagai jawapan saya sendiri',
  tampered: 'Beberapa jawapan daripada MyData telah diubah dalam halaman ini, jadi permohonan tidak dihantar. Dapatkan semula daripada MyData.',
  verifiedAnswer: 'Disahkan oleh MyData',
};

const fil: Texts = {
  consentTitle: 'Punan gamit ang iyong datos mula sa MyData',
  consentIntro:
    'Kapag pumayag ka, ipapadala ng MyData (ang serbisyo ng gobyerno para sa personal na datos, na pinapatakbo ng National Development Council) ang datos sa ibaba mula sa mga ahensyang may hawak nito, kaya hindi mo na kailangang i-type ito o mag-upload ng mga sertipiko.',
  purpose: 'Bakit ito hinihingi ng {agency}',
  datasets: 'Hinihinging datos',
  datasetFrom: 'Mula sa {agency}',
  subjectHint: 'Ive-verify mo ang iyong pagkakakilanlan sa MyData; dapat ikaw ang may-ari ng national ID number na ito.',
  go: 'Magpatuloy sa MyData',
  byHand: 'Punan ko na lang nang mano-mano',
  consentNote: 'Puwede kang tumanggi sa MyData. Mananatili rito ang anumang inilagay mo.',
  waiting: 'Kinukuha ang iyong datos mula sa MyData…',
  waitingSlow: 'Mas matagal ito kaysa karaniwan. Puwede kang maghintay pa o punan ito nang mano-mano.',
  provenance: 'MyData · {agency} · {time}',
  lockReason: 'Na-verify ng {agency} sa pamamagitan ng MyData, kaya hindi ito mababago rito. Kung mali ito, makipag-ugnayan sa {agency}.',
  prefilled: '{count} sagot ang napunan mula sa MyData. Pakisuri ang mga ito.',
  notVerified: 'Hindi ma-verify ang datos mula sa {agency}, kaya hindi ito inilagay. Pakipunan mo na lang ang mga sagot na iyon.',
  unmapped: 'May ilang datos mula sa MyData na hindi magamit; pakipunan mo na lang ang mga sagot na iyon.',
  declined: 'Pinili mong huwag ibahagi ang iyong datos. Pakipunan mo na lang ang form.',
  otherPerson:
    'Ang taong nag-verify ng pagkakakilanlan sa MyData ay hindi ang may-ari ng national ID number na inilagay rito. Suriin ang national ID number, o punan ito nang mano-mano.',
  unavailable: 'Hindi makuha ng MyData ang iyong datos mula sa {agency} sa ngayon. Punan ito nang mano-mano, o subukang muli mamaya.',
  timeout: 'Masyadong natagalan ang MyData session kaya natapos ito. Subukang muli, o punan ito nang mano-mano.',
  failed: 'Hindi magamit ang MyData sa ngayon. Punan ito nang mano-mano, o subukang muli mamaya.',
  configuration: 'Hindi magagamit ang MyData sa form na ito sa ngayon; naabisuhan na ang ahensya. Pakipunan ito nang mano-mano.',
  suspended: 'Hindi available ang MyData sa ngayon. Pakipunan ang form nang mano-mano.',
  expired: '{minutes} minuto lang itinatago ang datos mula sa MyData at nag-expire na ito. Kunin itong muli, o punan nang mano-mano.',
  retry: 'Subukang muli ang MyData',
  sealExpired:
    'Nag-expire na ang pagsusuri sa iyong mga sagot mula sa MyData. Kunin muli ang mga ito sa MyData, o ipadala bilang sarili mong mga sagot (susuriin ito ng ahensya).',
  sendAsOwn: 'Ipadala bilang sarili kong mga sagot',
  tampered: 'May ilang sagot mula sa MyData na binago sa page na ito, kaya hindi naipadala ang aplikasyon. Kunin muli ang mga ito sa MyData.',
  verifiedAnswer: 'Na-verify ng MyData',
};

/**
 * The MyData views' texts by locale (zh-Hant-TW is the default). Replace each `{name}` with its value.
 * @example
 * const text = MYDATA_TEXTS['en']!.lockReason.replaceAll('{agency}', '內政部戶政司');
 */
export const MYDATA_TEXTS: Readonly<Record<string, Readonly<Record<MyDataTextKey, string>>>> = Object.freeze({
  'zh-Hant-TW': zhHantTW,
  en,
  vi,
  id,
  th,
  ms,
  fil,
});
