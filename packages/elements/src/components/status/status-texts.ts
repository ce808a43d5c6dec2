/**
 * The citizen-facing texts of `<formosa-status>` and the default flow's status labels, in the SDK's seven languages.
 * Placeholders in braces ({title}, {receipt}, {date}, {minutes}) are replaced by simple substitution. Each text says
 * what happened and the way forward, without blaming the citizen.
 */

/**
 * The name of one status-page text.
 * @example
 * const key: StatusTextKey = 'notFound';
 */
export type StatusTextKey =
  | 'title'
  | 'intro'
  | 'receiptLabel'
  | 'receiptHint'
  | 'secretLabel'
  | 'secretHint'
  | 'check'
  | 'checking'
  | 'sent'
  | 'history'
  | 'note'
  | 'requestTitle'
  | 'requestSteps'
  | 'update'
  | 'missing'
  | 'notFound'
  | 'limited'
  | 'failed'
  | 'errorPrefix';

type Texts = Readonly<Record<StatusTextKey, string>>;
/** The default flow's statuses, as the citizen reads them. */
type Labels = Readonly<Record<'submitted' | 'in_review' | 'info_requested' | 'approved' | 'rejected', string>>;

const zhHantTW: Texts = {
  title: '查詢申請進度',
  intro: '請輸入收據上的收件編號與查詢碼。',
  receiptLabel: '收件編號',
  receiptHint: '例如 RS-20261122-7K3Q9X',
  secretLabel: '查詢碼',
  secretHint: '10 個英文字母或數字，例如 7K3Q9-XB2MD',
  check: '查詢',
  checking: '查詢中…',
  sent: '收件編號 {receipt}，{date}送出',
  history: '辦理紀錄',
  note: '承辦人員說明：',
  requestTitle: '需要您補充資料',
  requestSteps: '請更新以下部分，其他資料會保留：',
  update: '更新您的申請',
  missing: '請輸入收件編號與查詢碼。',
  notFound: '查不到這筆申請。請確認收件編號與查詢碼是否與收據上的相同。',
  limited: '查詢次數太多，請在 {minutes} 分鐘後再試。',
  failed: '目前無法查詢，請稍後再試。您的申請不受影響。',
  errorPrefix: '錯誤：',
};
const zhLabels: Labels = { submitted: '已收件', in_review: '審查中', info_requested: '需要補件', approved: '核准', rejected: '不核准' };

const en: Texts = {
  title: 'Check your application',
  intro: 'Enter the reference number and the status code from your receipt.',
  receiptLabel: 'Reference number',
  receiptHint: 'For example RS-20261122-7K3Q9X',
  secretLabel: 'Status code',
  secretHint: '10 letters or digits, for example 7K3Q9-XB2MD',
  check: 'Check',
  checking: 'Checking…',
  sent: 'Reference {receipt}, sent {date}',
  history: 'What has happened',
  note: 'Note from the caseworker:',
  requestTitle: 'More information is needed',
  requestSteps: 'Please update these parts. Everything else is kept:',
  update: 'Update your application',
  missing: 'Enter both the reference number and the status code.',
  notFound: 'We could not find an application with this reference number and status code. Check that both match your receipt.',
  limited: 'Too many tries. Try again in {minutes} minutes.',
  failed: 'We cannot check right now. Try again later. Your application is not affected.',
  errorPrefix: 'Error: ',
};
const enLabels: Labels = { submitted: 'Received', in_review: 'In review', info_requested: 'More information requested', approved: 'Approved', rejected: 'Not approved' };

const vi: Texts = {
  title: 'Xem tiến độ hồ sơ',
  intro: 'Nhập số hồ sơ và mã tra cứu trên biên nhận của bạn.',
  receiptLabel: 'Số hồ sơ',
  receiptHint: 'Ví dụ RS-20261122-7K3Q9X',
  secretLabel: 'Mã tra cứu',
  secretHint: '10 chữ cái hoặc chữ số, ví dụ 7K3Q9-XB2MD',
  check: 'Tra cứu',
  checking: 'Đang tra cứu…',
  sent: 'Số hồ sơ {receipt}, gửi ngày {date}',
  history: 'Quá trình xử lý',
  note: 'Ghi chú của cán bộ:',
  requestTitle: 'Cần bổ sung thông tin',
  requestSteps: 'Vui lòng cập nhật các phần sau. Những thông tin khác được giữ nguyên:',
  update: 'Cập nhật hồ sơ',
  missing: 'Nhập cả số hồ sơ và mã tra cứu.',
  notFound: 'Không tìm thấy hồ sơ với số hồ sơ và mã tra cứu này. Hãy kiểm tra lại cả hai trên biên nhận.',
  limited: 'Bạn đã thử quá nhiều lần. Hãy thử lại sau {minutes} phút.',
  failed: 'Hiện không tra cứu được. Hãy thử lại sau. Hồ sơ của bạn không bị ảnh hưởng.',
  errorPrefix: 'Lỗi: ',
};
const viLabels: Labels = { submitted: 'Đã nhận', in_review: 'Đang xem xét', info_requested: 'Cần bổ sung thông tin', approved: 'Được chấp thuận', rejected: 'Không được chấp thuận' };

const id: Texts = {
  title: 'Cek permohonan Anda',
  intro: 'Masukkan nomor referensi dan kode status dari tanda terima Anda.',
  receiptLabel: 'Nomor referensi',
  receiptHint: 'Contoh: RS-20261122-7K3Q9X',
  secretLabel: 'Kode status',
  secretHint: '10 huruf atau angka, contoh: 7K3Q9-XB2MD',
  check: 'Cek',
  checking: 'Sedang dicek…',
  sent: 'Nomor {receipt}, dikirim {date}',
  history: 'Riwayat',
  note: 'Catatan dari petugas:',
  requestTitle: 'Perlu informasi tambahan',
  requestSteps: 'Perbarui bagian berikut. Data lainnya tetap tersimpan:',
  update: 'Perbarui permohonan Anda',
  missing: 'Masukkan nomor referensi dan kode status.',
  notFound: 'Permohonan dengan nomor referensi dan kode status ini tidak ditemukan. Pastikan keduanya sama dengan tanda terima Anda.',
  limited: 'Terlalu banyak percobaan. Coba lagi dalam {minutes} menit.',
  failed: 'Saat ini tidak bisa dicek. Coba lagi nanti. Permohonan Anda tidak terpengaruh.',
  errorPrefix: 'Kesalahan: ',
};
const idLabels: Labels = { submitted: 'Diterima', in_review: 'Sedang diperiksa', info_requested: 'Perlu informasi tambahan', approved: 'Disetujui', rejected: 'Tidak disetujui' };

const th: Texts = {
  title: 'ตรวจสอบสถานะคำขอ',
  intro: 'กรอกหมายเลขอ้างอิงและรหัสตรวจสอบสถานะจากใบรับของคุณ',
  receiptLabel: 'หมายเลขอ้างอิง',
  receiptHint: 'เช่น RS-20261122-7K3Q9X',
  secretLabel: 'รหัสตรวจสอบสถานะ',
  secretHint: 'ตัวอักษรหรือตัวเลข 10 ตัว เช่น 7K3Q9-XB2MD',
  check: 'ตรวจสอบ',
  checking: 'กำลังตรวจสอบ…',
  sent: 'หมายเลข {receipt} ส่งเมื่อ {date}',
  history: 'ความคืบหน้า',
  note: 'หมายเหตุจากเจ้าหน้าที่:',
  requestTitle: 'ต้องการข้อมูลเพิ่มเติม',
  requestSteps: 'โปรดแก้ไขส่วนต่อไปนี้ ข้อมูลอื่นจะยังคงอยู่:',
  update: 'แก้ไขคำขอของคุณ',
  missing: 'โปรดกรอกทั้งหมายเลขอ้างอิงและรหัสตรวจสอบสถานะ',
  notFound: 'ไม่พบคำขอที่ตรงกับหมายเลขอ้างอิงและรหัสนี้ โปรดตรวจสอบว่าตรงกับใบรับทั้งสองอย่าง',
  limited: 'ลองหลายครั้งเกินไป โปรดลองใหม่ในอีก {minutes} นาที',
  failed: 'ขณะนี้ตรวจสอบไม่ได้ โปรดลองใหม่ภายหลัง คำขอของคุณไม่ได้รับผลกระทบ',
  errorPrefix: 'ข้อผิดพลาด: ',
};
const thLabels: Labels = { submitted: 'ได้รับแล้ว', in_review: 'กำลังพิจารณา', info_requested: 'ต้องการข้อมูลเพิ่มเติม', approved: 'อนุมัติ', rejected: 'ไม่อนุมัติ' };

const fil: Texts = {
  title: 'Tingnan ang iyong aplikasyon',
  intro: 'Ilagay ang reference number at status code na nasa iyong resibo.',
  receiptLabel: 'Reference number',
  receiptHint: 'Halimbawa: RS-20261122-7K3Q9X',
  secretLabel: 'Status code',
  secretHint: '10 letra o numero, halimbawa: 7K3Q9-XB2MD',
  check: 'Tingnan',
  checking: 'Tinitingnan…',
  sent: 'Reference {receipt}, ipinadala noong {date}',
  history: 'Mga nangyari',
  note: 'Paalala mula sa kawani:',
  requestTitle: 'Kailangan ng dagdag na impormasyon',
  requestSteps: 'Pakibago ang mga bahaging ito. Mananatili ang iba pang sagot:',
  update: 'Baguhin ang iyong aplikasyon',
  missing: 'Ilagay ang reference number at ang status code.',
  notFound: 'Walang nakitang aplikasyon na may ganitong reference number at status code. Tiyaking pareho ang dalawa sa iyong resibo.',
  limited: 'Masyadong maraming subok. Subukan muli pagkalipas ng {minutes} minuto.',
  failed: 'Hindi matingnan sa ngayon. Subukan muli mamaya. Walang epekto ito sa iyong aplikasyon.',
  errorPrefix: 'Mali: ',
};
const filLabels: Labels = { submitted: 'Natanggap', in_review: 'Sinusuri', info_requested: 'Kailangan ng dagdag na impormasyon', approved: 'Aprubado', rejected: 'Hindi naaprubahan' };

const ms: Texts = {
  title: 'Semak permohonan anda',
  intro: 'Masukkan nombor rujukan dan kod status daripada resit anda.',
  receiptLabel: 'Nombor rujukan',
  receiptHint: 'Contoh: RS-20261122-7K3Q9X',
  secretLabel: 'Kod status',
  secretHint: '10 huruf atau angka, contoh: 7K3Q9-XB2MD',
  check: 'Semak',
  checking: 'Sedang menyemak…',
  sent: 'Rujukan {receipt}, dihantar {date}',
  history: 'Perkembangan',
  note: 'Catatan daripada pegawai:',
  requestTitle: 'Maklumat tambahan diperlukan',
  requestSteps: 'Sila kemas kini bahagian berikut. Maklumat lain dikekalkan:',
  update: 'Kemas kini permohonan anda',
  missing: 'Masukkan nombor rujukan dan kod status.',
  notFound: 'Tiada permohonan dengan nombor rujukan dan kod status ini. Pastikan kedua-duanya sama seperti pada resit anda.',
  limited: 'Terlalu banyak cubaan. Cuba lagi dalam {minutes} minit.',
  failed: 'Tidak dapat menyemak sekarang. Cuba lagi nanti. Permohonan anda tidak terjejas.',
  errorPrefix: 'Ralat: ',
};
const msLabels: Labels = { submitted: 'Diterima', in_review: 'Sedang disemak', info_requested: 'Maklumat tambahan diperlukan', approved: 'Diluluskan', rejected: 'Tidak diluluskan' };

export const STATUS_TEXTS: Readonly<Record<string, Texts>> = { 'zh-Hant-TW': zhHantTW, en, vi, id, th, fil, ms };
export const STATUS_LABELS: Readonly<Record<string, Labels>> = { 'zh-Hant-TW': zhLabels, en: enLabels, vi: viLabels, id: idLabels, th: thLabels, fil: filLabels, ms: msLabels };

/**
 * A status-page text in `locale` (else zh-Hant-TW's), its `{name}`s replaced.
 * @example
 * statusText('en', 'limited', { minutes: 10 }) // 'Too many tries. Try again in 10 minutes.'
 */
export function statusText(locale: string, key: StatusTextKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text = (STATUS_TEXTS[locale] ?? zhHantTW)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
