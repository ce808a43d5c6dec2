/**
 * The list of applications in progress on this device, as plain DOM (no Lit): `<formosa-drafts>` fetches it on
 * demand (dist/chunks/drafts.js), since an agency shows it on its services page rather than on each form.
 */
import type { Translator } from '@formosa/i18n';
import type { DraftEnvelope, DraftStore } from '@formosa/session';

const STYLES = `
:host { display: block; font-family: var(--formosa-font-family, system-ui, sans-serif); font-size: var(--formosa-font-size, 1rem); color: #0b0c0c; }
:host([hidden]) { display: none; }
h2 { font-size: 1.25em; margin: 0 0 0.75rem; }
ul { list-style: none; padding: 0; margin: 0; }
li { padding-block: 0.75rem; border-block-end: 1px solid #b1b4b6; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; }
.name { flex: 1 1 16rem; font-weight: 700; }
.when { flex: 1 1 100%; color: #505a5f; margin: 0; }
a, button { font: inherit; color: var(--formosa-color-primary, #1d70b8); min-height: 1.5rem; }
button { background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }
a:focus-visible, button:focus-visible { outline: 3px solid var(--formosa-color-focus, #ffdd00); background: var(--formosa-color-focus, #ffdd00); color: #0b0c0c; }
`;

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** Renders the drafts into `root`, in the language of `t`; deleting one removes it from the device and says so. */
export async function renderDrafts(root: ShadowRoot, options: { drafts: DraftStore | undefined; t: Translator; href(draft: DraftEnvelope): string; deleted(draft: DraftEnvelope): void }): Promise<void> {
  const { t } = options;
  const drafts = (await options.drafts?.list().catch(() => [])) ?? [];
  drafts.sort((a, b) => b.savedAt - a.savedAt);
  const empty = () => element('p', {}, t.message('drafts.empty'));
  const status = element('p');
  status.setAttribute('role', 'status');
  const heading = element('h2', { tabIndex: -1 }, t.message('drafts.title'));
  const list = element('ul');
  const section = element('section', { lang: t.locale }, heading, drafts.length ? list : empty(), status);
  for (const draft of drafts) {
    const title = t.text(draft.title);
    const name = element('span', { className: 'name' }, title.text);
    const lang = t.fallbackLang(title);
    if (lang) name.lang = lang;
    const resume = element('a', { href: options.href(draft) }, t.message('drafts.resume'));
    resume.setAttribute('aria-label', t.message('drafts.resumeLabel', { title: title.text }));
    const discard = element('button', { type: 'button' }, t.message('drafts.discard'));
    discard.setAttribute('aria-label', t.message('drafts.discardLabel', { title: title.text }));
    const when = `${t.message('drafts.saved', { time: `${t.day(draft.savedAt)} ${t.time(draft.savedAt)}` })} · ${t.message('drafts.expires', { date: t.day(draft.expiresAt) })}`;
    const item = element('li', {}, name, resume, discard, element('p', { className: 'when' }, when));
    discard.addEventListener('click', async () => {
      for (const id of draft.files) await options.drafts?.deleteFile(id).catch(() => undefined);
      await options.drafts?.delete(draft.key).catch(() => undefined);
      item.remove();
      status.textContent = t.message('drafts.discarded', { title: title.text });
      if (!list.childElementCount) list.replaceWith(empty());
      // Focus stays in the list: on the next draft's link, or the heading when none is left.
      (list.querySelector('a') ?? heading).focus();
      options.deleted(draft);
    });
    list.append(item);
  }
  // A constructed style sheet, as Lit's: a <style> element would be refused under style-src 'self'.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLES);
  root.adoptedStyleSheets = [sheet];
  root.replaceChildren(section);
}
