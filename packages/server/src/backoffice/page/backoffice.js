// The back office page: a caseworker pastes a token (kept in this tab's sessionStorage only, sent as a Bearer header
// to /api/backoffice), lists and searches applications, opens one, changes its status with a note, exports, and sees
// the form's anonymous funnel. Every text is set with textContent: nothing from the server is parsed as HTML.
const TEXTS = {
  'zh-Hant-TW': {
    title: 'Formosa 後台', forget: '登出（清除權杖）', token: '存取權杖（僅保存在此分頁）', use: '使用', form: '表單', status: '狀態', any: '全部',
    from: '自', to: '至', receipt: '收件編號', search: '查詢', exportCsv: '匯出 CSV', exportJson: '匯出 JSON', submittedAt: '送出時間', changedAt: '狀態更新',
    more: '更多', moveTo: '變更為', reopen: '請申請人補正的步驟', note: '給申請人的說明', move: '變更狀態', history: '歷程', versions: '版本與檔案',
    funnel: '填寫漏斗（匿名）', step: '步驟', reached: '到達', left: '離開', abandoned: '放棄', averageTime: '平均停留（秒）', topErrors: '最常見的錯誤',
    language: 'English', none: '沒有符合的申請', moved: '狀態已變更', version: '版本', download: '下載', by: { caseworker: '承辦人', citizen: '申請人', system: '系統' },
    statuses: { submitted: '已送出', in_review: '審查中', info_requested: '待補件', approved: '核准', rejected: '不核准' },
    errors: { 401: '權杖無效、已撤銷或已過期。', 403: '此權杖沒有這項權限。', other: '發生錯誤：' },
  },
  en: {
    title: 'Formosa back office', forget: 'Sign out (forget the token)', token: 'Access token (kept in this tab only)', use: 'Use', form: 'Form', status: 'Status', any: 'Any',
    from: 'From', to: 'To', receipt: 'Receipt number', search: 'Search', exportCsv: 'Export CSV', exportJson: 'Export JSON', submittedAt: 'Submitted', changedAt: 'Status changed',
    more: 'More', moveTo: 'Move to', reopen: 'Steps the applicant may change', note: 'Note to the applicant', move: 'Change status', history: 'History', versions: 'Versions and files',
    funnel: 'Funnel (anonymous)', step: 'Step', reached: 'Reached', left: 'Left', abandoned: 'Gave up', averageTime: 'Average time (s)', topErrors: 'Most frequent errors',
    language: '中文', none: 'No application matches', moved: 'Status changed', version: 'Version', download: 'Download', by: { caseworker: 'caseworker', citizen: 'applicant', system: 'system' },
    statuses: { submitted: 'Submitted', in_review: 'In review', info_requested: 'More information requested', approved: 'Approved', rejected: 'Rejected' },
    errors: { 401: 'The token is not valid, was revoked or has expired.', 403: 'This token does not allow this.', other: 'Something went wrong: ' },
  },
};
const KEY = 'formosa-backoffice-token';
const $ = (id) => document.getElementById(id);
let locale = sessionStorage.getItem('formosa-backoffice-locale') === 'en' ? 'en' : 'zh-Hant-TW';
let forms = [];
let next;
let current;

const t = () => TEXTS[locale];
const statusName = (status) => t().statuses[status] ?? status;
const titleOf = (title) => (typeof title === 'string' ? title : title?.[locale] ?? title?.['zh-Hant-TW'] ?? Object.values(title ?? {})[0] ?? '');
const element = (tag, text, attributes = {}) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};
const time = (iso) => (iso ? new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Taipei' }) : '');

function showTexts() {
  document.documentElement.lang = locale;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t()[node.dataset.text];
  $('language').textContent = t().language;
  $('language').lang = locale === 'en' ? 'zh-Hant-TW' : 'en';
  document.title = t().title;
}

function problem(text) {
  $('problem').textContent = text ?? '';
}

/** A back-office call with the token; a refusal is shown, and a 401 forgets the token. */
async function api(path, init = {}) {
  const token = sessionStorage.getItem(KEY);
  const res = await fetch(`/api/backoffice${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
  if (res.ok) return res;
  const body = await res.json().catch(() => ({}));
  if (res.status === 401) signOut();
  throw new Error(t().errors[res.status] ?? `${t().errors.other}${body.message ?? res.status}`);
}

function signOut() {
  sessionStorage.removeItem(KEY);
  $('work').hidden = true;
  $('forget').hidden = true;
  $('login').hidden = false;
}

const formId = () => $('form').value;

async function start() {
  const { forms: seen } = await (await api('/forms')).json();
  forms = seen;
  $('form').replaceChildren(...forms.map((f) => element('option', titleOf(f.title), { value: f.id })));
  $('login').hidden = true;
  $('forget').hidden = false;
  $('work').hidden = false;
  fillStatuses();
  await Promise.all([search(), funnel()]);
}

function fillStatuses() {
  const form = forms.find((f) => f.id === formId());
  $('status').replaceChildren(element('option', t().any, { value: '' }), ...(form?.statuses ?? []).map((s) => element('option', statusName(s), { value: s })));
}

/** The search's filters (an export takes all but the receipt). */
function query(names = ['status', 'from', 'to', 'receipt']) {
  const params = new URLSearchParams();
  for (const name of names) if ($(name).value.trim()) params.set(name, $(name).value.trim());
  return params;
}

async function search(more = false) {
  const params = query();
  if (more && next) params.set('cursor', next);
  const { applications, next: after } = await (await api(`/forms/${formId()}/applications?${params}`)).json();
  next = after;
  const rows = applications.map((a) => {
    const row = element('tr', undefined, { tabindex: '0', 'data-id': a.submissionId });
    row.append(element('td', a.receipt), element('td', time(a.submittedAt)), element('td', statusName(a.status)), element('td', time(a.changedAt)));
    row.addEventListener('click', () => void open(a.submissionId).catch((e) => problem(e.message)));
    row.addEventListener('keydown', (event) => event.key === 'Enter' && row.click());
    return row;
  });
  const body = $('applications').tBodies[0];
  if (more) body.append(...rows);
  else if (rows.length) body.replaceChildren(...rows);
  else {
    const empty = element('tr');
    empty.append(element('td', t().none, { colspan: '4' }));
    body.replaceChildren(empty);
  }
  $('more').hidden = !next;
}

async function open(id) {
  const app = await (await api(`/forms/${formId()}/applications/${id}`)).json();
  current = app;
  const form = forms.find((f) => f.id === formId());
  $('application').hidden = false;
  $('application-title').textContent = `${app.receipt} · ${titleOf(form?.title)}`;
  $('application-status').textContent = statusName(app.status);
  $('move-to').replaceChildren(...app.moves.map((s) => element('option', statusName(s), { value: s })));
  $('move').hidden = app.moves.length === 0;
  $('reopen').replaceChildren(element('legend', t().reopen), ...(form?.steps ?? []).map((s) => {
    const label = element('label');
    label.append(element('input', undefined, { type: 'checkbox', value: s.id }), ` ${titleOf(s.title)}`);
    return label;
  }));
  showReopen();
  $('history').replaceChildren(...app.history.map((h) => element('li', `${time(h.at)} · ${statusName(h.status)} · ${t().by[h.by] ?? h.by}${h.who ? ` (${h.who.split(' ').slice(1).join(' ')})` : ''}${h.note ? ` · ${h.note}` : ''}`)));
  $('versions').replaceChildren(...app.versions.map((v, i) => {
    const section = element('section');
    section.append(element('h4', `${t().version} ${i + 1} · ${v.receipt} · ${time(v.submittedAt)}`));
    for (const file of v.files) {
      const button = element('button', `${t().download} ${file.name} (${Math.ceil(file.size / 1024)} KB)`, { type: 'button' });
      button.addEventListener('click', () => void download(file.url.replace(/^\/api\/backoffice/, ''), file.name).catch((e) => problem(e.message)));
      section.append(button);
    }
    section.append(element('pre', JSON.stringify(v.data, null, 2)));
    return section;
  }));
}

function showReopen() {
  $('reopen').hidden = !current?.reopens.includes($('move-to').value);
}

async function move() {
  const to = $('move-to').value;
  const reopen = [...$('reopen').querySelectorAll('input:checked')].map((i) => i.value);
  const note = $('note').value.trim();
  await api(`/forms/${formId()}/applications/${current.id}/status`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to, ...(note ? { note } : {}), ...(current.reopens.includes(to) ? { reopen } : {}) }),
  });
  $('note').value = '';
  problem(t().moved);
  await open(current.id);
  await search();
}

/** A file or an export, fetched with the token and saved under its name (a link could not carry the header). */
async function download(path, name) {
  const blob = await (await api(path)).blob();
  const link = element('a', undefined, { href: URL.createObjectURL(blob), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function funnel() {
  const shown = await (await api(`/forms/${formId()}/funnel`)).json();
  const form = forms.find((f) => f.id === formId());
  $('funnel-steps').replaceChildren(...shown.steps.map((s) => {
    const row = element('tr');
    const title = titleOf(form?.steps.find((step) => step.id === s.id)?.title) || s.id;
    row.append(element('td', title), element('td', s.reached), element('td', s.left), element('td', s.abandoned), element('td', s.averageMs === null ? '' : (s.averageMs / 1000).toFixed(1)));
    return row;
  }));
  $('funnel-errors').replaceChildren(...shown.topErrors.map((e) => element('li', `${e.path} · ${e.code} · ${e.count}`)));
}

const guard = (work) => (event) => {
  event?.preventDefault();
  problem('');
  work().catch((error) => problem(error.message));
};

$('login').addEventListener('submit', guard(async () => {
  sessionStorage.setItem(KEY, $('token').value.trim());
  $('token').value = '';
  await start();
}));
$('forget').addEventListener('click', () => signOut());
$('language').addEventListener('click', () => {
  locale = locale === 'en' ? 'zh-Hant-TW' : 'en';
  sessionStorage.setItem('formosa-backoffice-locale', locale);
  showTexts();
  if (!$('work').hidden) guard(start)();
});
$('search').addEventListener('submit', guard(() => search()));
$('more').addEventListener('click', guard(() => search(true)));
$('form').addEventListener('change', guard(async () => {
  fillStatuses();
  $('application').hidden = true;
  await Promise.all([search(), funnel()]);
}));
$('move-to').addEventListener('change', showReopen);
$('move').addEventListener('submit', guard(move));
$('export-csv').addEventListener('click', guard(() => download(`/forms/${formId()}/export?format=csv&${query(['status', 'from', 'to'])}`, `${formId()}.csv`)));
$('export-json').addEventListener('click', guard(() => download(`/forms/${formId()}/export?format=json&${query(['status', 'from', 'to'])}`, `${formId()}.json`)));

showTexts();
if (sessionStorage.getItem(KEY)) guard(start)();
