// The demo agency site's own script (external, so it runs under script-src 'self').
// It lists the forms, mounts <formosa-form> for ?id=…, and switches the page language.
(() => {
  const params = new URLSearchParams(location.search);
  const stored = localStorage.getItem('formosa-demo-locale');
  const setLocale = (locale) => {
    document.documentElement.lang = locale;
    localStorage.setItem('formosa-demo-locale', locale);
    const key = locale.startsWith('zh') ? 'textZh' : 'textEn';
    for (const el of document.querySelectorAll('[data-text-zh]')) el.textContent = el.dataset[key];
    for (const button of document.querySelectorAll('[data-locale]')) button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
    const form = document.getElementById('form');
    if (form) form.locale = locale;
    renderServices(locale);
  };

  let services = [];
  const renderServices = (locale) => {
    const list = document.getElementById('services');
    if (!list) return;
    list.replaceChildren(
      ...services.map((form) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `/form.html?id=${encodeURIComponent(form.id)}`;
        link.textContent = form.title[locale] ?? form.title['zh-Hant-TW'];
        const text = document.createElement('p');
        text.textContent = (form.description && (form.description[locale] ?? form.description['zh-Hant-TW'])) || '';
        item.append(link, text);
        return item;
      }),
    );
  };

  for (const button of document.querySelectorAll('[data-locale]')) button.addEventListener('click', () => setLocale(button.dataset.locale));

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
  setLocale(params.get('lang') ?? stored ?? document.documentElement.lang);
})();
