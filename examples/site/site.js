// The demo agency site's own script (external, so it runs under script-src 'self').
// It lists the forms, mounts <formosa-form> for ?id=…, and follows the language switcher: the form switches
// itself (keeping every answer); the site's own few texts follow from the table below, in the SDK's seven
// languages. The chosen language is written into the address (?lang=) and remembered, so a reload keeps it.
(() => {
  const params = new URLSearchParams(location.search);
  let services = [];

  /** The site's own texts, by data-text key. */
  const TEXTS = {
    'zh-Hant-TW': {
      skip: '跳到主要內容', brand: 'Formosa 示範機關', back: '回服務列表', heading: '線上申辦服務', apply: '線上申辦',
      intro: '以下服務可全程線上申辦，您填寫的資料只會送到承辦機關。',
    },
    en: {
      skip: 'Skip to main content', brand: 'Formosa demo agency', back: 'All services', heading: 'Online services', apply: 'Apply online',
      intro: 'You can apply for these services online. What you enter is sent only to the agency that handles it.',
    },
    vi: {
      skip: 'Chuyển đến nội dung chính', brand: 'Cơ quan mẫu Formosa', back: 'Tất cả dịch vụ', heading: 'Dịch vụ trực tuyến', apply: 'Đăng ký trực tuyến',
      intro: 'Bạn có thể đăng ký các dịch vụ này trực tuyến. Thông tin bạn nhập chỉ được gửi đến cơ quan xử lý hồ sơ.',
    },
    id: {
      skip: 'Langsung ke konten utama', brand: 'Instansi contoh Formosa', back: 'Semua layanan', heading: 'Layanan daring', apply: 'Ajukan secara daring',
      intro: 'Anda dapat mengajukan layanan ini secara daring. Data yang Anda isi hanya dikirim ke instansi yang menanganinya.',
    },
    th: {
      skip: 'ข้ามไปยังเนื้อหาหลัก', brand: 'หน่วยงานตัวอย่าง Formosa', back: 'บริการทั้งหมด', heading: 'บริการออนไลน์', apply: 'ยื่นคำขอออนไลน์',
      intro: 'คุณสามารถยื่นคำขอบริการเหล่านี้ทางออนไลน์ได้ ข้อมูลที่คุณกรอกจะส่งถึงหน่วยงานที่รับผิดชอบเท่านั้น',
    },
    ms: {
      skip: 'Langkau ke kandungan utama', brand: 'Agensi contoh Formosa', back: 'Semua perkhidmatan', heading: 'Perkhidmatan dalam talian', apply: 'Mohon dalam talian',
      intro: 'Anda boleh memohon perkhidmatan ini dalam talian. Maklumat yang anda isi hanya dihantar kepada agensi yang mengendalikannya.',
    },
    fil: {
      skip: 'Lumaktaw sa pangunahing nilalaman', brand: 'Halimbawang ahensiya ng Formosa', back: 'Lahat ng serbisyo', heading: 'Mga serbisyo online', apply: 'Mag-apply online',
      intro: 'Maaari kang mag-apply sa mga serbisyong ito online. Ang inilagay mo ay ipinapadala lamang sa ahensiyang humahawak nito.',
    },
  };
  const textsOf = (locale) => TEXTS[locale] ?? TEXTS[locale.split('-')[0]] ?? TEXTS.en;

  const pick = (text, locale) => (text && (text[locale] ?? text.en ?? text['zh-Hant-TW'])) || '';

  const renderServices = (locale) => {
    const list = document.getElementById('services');
    if (!list) return;
    list.replaceChildren(
      ...services.map((form) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `/form.html?id=${encodeURIComponent(form.id)}&lang=${encodeURIComponent(locale)}`;
        const title = pick(form.title, locale);
        link.textContent = title;
        // A service not translated into this language is shown in the fallback one, marked as such.
        if (!form.title?.[locale]) link.lang = form.title?.en ? 'en' : 'zh-Hant-TW';
        const text = document.createElement('p');
        text.textContent = pick(form.description, locale);
        if (!form.description?.[locale]) text.lang = form.description?.en ? 'en' : 'zh-Hant-TW';
        item.append(link, text);
        return item;
      }),
    );
  };

  const setLocale = (locale) => {
    document.documentElement.lang = locale;
    try {
      localStorage.setItem('formosa-demo-locale', locale);
    } catch {
      // Storage refused (private mode): the address still carries the choice.
    }
    // A reload (or a shared link) opens in the language now on screen.
    const url = new URL(location.href);
    url.searchParams.set('lang', locale);
    history.replaceState(history.state, '', url);
    const texts = textsOf(locale);
    for (const el of document.querySelectorAll('[data-text]')) el.textContent = texts[el.dataset.text] ?? el.textContent;
    for (const link of document.querySelectorAll('a.back, a.brand')) link.href = `/?lang=${encodeURIComponent(locale)}`;
    document.title = `${document.getElementById('form') ? texts.apply : texts.heading} — ${texts.brand}`;
    const switcher = document.querySelector('formosa-language-switcher');
    if (switcher) switcher.value = locale;
    const form = document.getElementById('form');
    if (form) form.locale = locale;
    // The applications in progress on this device, in the language now on screen.
    document.querySelector('formosa-drafts')?.setAttribute('locale', locale);
    renderServices(locale);
  };

  document.addEventListener('formosa-locale-change', (event) => setLocale(event.locale));

  // On a phone the seven languages take a drop-down, not three rows of buttons.
  const switcher = document.querySelector('formosa-language-switcher');
  const narrow = matchMedia('(max-width: 40em)');
  const fitSwitcher = () => switcher && (switcher.variant = narrow.matches ? 'select' : 'buttons');
  narrow.addEventListener('change', fitSwitcher);
  fitSwitcher();

  const form = document.getElementById('form');
  if (form) {
    const id = params.get('id') ?? 'rent-subsidy';
    form.setAttribute('validator-src', `/api/forms/${id}/validator.js`);
    form.setAttribute('src', `/api/forms/${id}`);
    form.addEventListener('formosa-submit', (event) => console.info('[demo] stored with receipt', event.receipt.receipt));
  }
  if (document.getElementById('services')) {
    fetch('/api/forms')
      .then((response) => response.json())
      .then((list) => {
        services = list;
        renderServices(document.documentElement.lang);
      });
  }
  let remembered = null;
  try {
    remembered = localStorage.getItem('formosa-demo-locale');
  } catch {
    // Storage refused: fall back to the page's language.
  }
  setLocale(params.get('lang') ?? remembered ?? document.documentElement.lang);
})();
