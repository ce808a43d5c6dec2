// The demo agency site's own script (external, so it runs under script-src 'self').
// It lists the forms, mounts <formosa-form> for ?id=…, and follows the language switcher: the form switches
// itself (keeping every answer); the site's own few texts exist in Chinese and English only.
(() => {
  const params = new URLSearchParams(location.search);
  let services = [];

  const pick = (text, locale) => (text && (text[locale] ?? text.en ?? text['zh-Hant-TW'])) || '';

  const renderServices = (locale) => {
    const list = document.getElementById('services');
    if (!list) return;
    list.replaceChildren(
      ...services.map((form) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `/form.html?id=${encodeURIComponent(form.id)}&lang=${encodeURIComponent(locale)}`;
        link.textContent = pick(form.title, locale);
        const text = document.createElement('p');
        text.textContent = pick(form.description, locale);
        item.append(link, text);
        return item;
      }),
    );
  };

  const setLocale = (locale) => {
    document.documentElement.lang = locale;
    localStorage.setItem('formosa-demo-locale', locale);
    const key = locale.startsWith('zh') ? 'textZh' : 'textEn';
    for (const el of document.querySelectorAll('[data-text-zh]')) el.textContent = el.dataset[key];
    const switcher = document.querySelector('formosa-language-switcher');
    if (switcher) switcher.value = locale;
    const form = document.getElementById('form');
    if (form) form.locale = locale;
    renderServices(locale);
  };

  document.addEventListener('formosa-locale-change', (event) => setLocale(event.locale));

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
  setLocale(params.get('lang') ?? localStorage.getItem('formosa-demo-locale') ?? document.documentElement.lang);
})();
