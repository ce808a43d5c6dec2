import { LitElement, css, html, type PropertyValues } from 'lit';
import { createTranslator, DEFAULT_LOCALE, LOCALES, loadTranslator, negotiateLocale, type Translator } from '@formosa/i18n';
import { FormosaLocaleChangeEvent } from '../../internal/events.js';
import { focusRing, tokens } from '../../internal/styles.js';

/**
 * A language switcher the host may place anywhere: each language named in itself (with its `lang`), the current
 * one marked. Choosing one switches the form(s) it controls at once — answers, step and errors are kept.
 * With `variant="select"` the languages are a drop-down, which takes one row on a phone instead of three.
 * @summary Language switcher for one form (`for`) or every form on the page: buttons or a drop-down.
 * @csspart list - The list of languages (buttons).
 * @csspart select - The drop-down (`variant="select"`).
 * @event formosa-locale-change - A language was chosen; cancelable.
 * @example
 * <formosa-language-switcher for="application" locales="zh-Hant-TW,en,vi,id,th,ms,fil"></formosa-language-switcher>
 */
export class FormosaLanguageSwitcher extends LitElement {
  static override styles = [
    tokens,
    focusRing,
    css`
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button,
      select {
        font: inherit;
        font-size: 0.9em;
        min-height: 2.75rem;
        padding: 0.25rem 0.75rem;
        color: var(--_primary);
        background: var(--_background);
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        color: var(--_background);
        background: var(--_primary);
        font-weight: 700;
      }
      button:focus-visible,
      select:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 0;
        box-shadow: inset 0 0 0 2px var(--_text);
      }
      .select {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      select {
        color: var(--_text);
      }
    `,
  ];
  static override properties = { for: {}, locales: {}, value: { reflect: true }, label: {}, variant: { reflect: true } };

  /** Id of the `<formosa-form>` to switch; without it, every form on the page. */
  declare for: string | undefined;
  /** Comma-separated locales to offer (default: all seven). */
  declare locales: string | undefined;
  /** The current locale. */
  declare value: string | undefined;
  /** Accessible name of the switcher; defaults to "Language" in the current language. */
  declare label: string | undefined;
  /** `buttons` (the default: every language in sight) or `select` (a drop-down, for narrow screens). */
  declare variant: 'buttons' | 'select' | undefined;

  private translator: Translator = createTranslator(DEFAULT_LOCALE);

  private get offered() {
    const wanted = this.locales?.split(',').map((l) => l.trim()).filter(Boolean);
    return wanted ? LOCALES.filter((l) => wanted.includes(l.tag)) : LOCALES;
  }

  private targets(): (HTMLElement & { locale?: string })[] {
    const root = this.getRootNode() as Document | ShadowRoot;
    if (this.for) {
      const target = root.getElementById?.(this.for) ?? document.getElementById(this.for);
      return target ? [target] : [];
    }
    return [...document.querySelectorAll<HTMLElement>('formosa-form')];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.value) this.value = negotiateLocale([this.targets()[0]?.locale, this.closest('[lang]')?.getAttribute('lang'), ...navigator.languages]);
    if (changed.has('value')) void loadTranslator(this.value).then((t) => ((this.translator = t), this.requestUpdate())).catch(() => undefined);
  }

  private choose(locale: string): void {
    if (!this.dispatchEvent(new FormosaLocaleChangeEvent(locale))) return;
    this.value = locale;
    for (const target of this.targets()) target.locale = locale;
  }

  override render() {
    const label = this.label ?? this.translator.message('language.label');
    if (this.variant === 'select') {
      return html`<div class="select">
        <label for="languages">${label}</label>
        <select id="languages" part="select" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
          ${this.offered.map((l) => html`<option value=${l.tag} lang=${l.tag} ?selected=${l.tag === this.value}>${l.name}</option>`)}
        </select>
      </div>`;
    }
    return html`<nav aria-label=${label}>
      <ul part="list">
        ${this.offered.map(
          (l) => html`<li>
            <button type="button" lang=${l.tag} aria-pressed=${String(l.tag === this.value)} @click=${() => this.choose(l.tag)}>${l.name}</button>
          </li>`,
        )}
      </ul>
    </nav>`;
  }
}
