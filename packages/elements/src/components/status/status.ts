import { LitElement, css, html, nothing } from 'lit';
import { createTranslator, negotiateLocale, type Translator } from '@formosa/i18n';
import type { LocalizedText } from '@formosa/schema';
import { FormosaStatusShownEvent } from '../../internal/events.js';
import { focusRing, tokens, visuallyHidden } from '../../internal/styles.js';
import { handOver, lookUpStatus, type StatusAnswer } from './status-client.js';
import { STATUS_LABELS, STATUS_TEXTS, statusText, type StatusTextKey } from './status-texts.js';

type Problem = 'missing' | 'notFound' | 'limited' | 'failed';

/** Taiwan's day of a moment, as YYYY-MM-DD (what the translator's calendar-aware `date` takes). */
const taipeiDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date(iso));

/**
 * Where a citizen follows an application: they type the receipt number and the status code from their receipt
 * (or the page hands them over: attributes, or the URL fragment `#receipt=…&code=…`, removed once read), and see
 * its status and timeline in their language, with dates in their calendar (民國 years in Chinese) and the
 * caseworker's notes. When more information is requested it names the steps to update and links to the form page,
 * handing the application over in sessionStorage (never in the URL). Its own bundle: dist/formosa-status.min.js.
 * @summary A citizen's status page: receipt number + status code → the application's timeline.
 * @csspart form - The lookup form.
 * @csspart button - The lookup button.
 * @csspart error - The message when the lookup fails (announced).
 * @csspart result - The application's status and timeline.
 * @csspart result-heading - The heading of the result, focused when it appears.
 * @csspart request - What the caseworker asks for, when more information is requested.
 * @csspart update-link - The link to the form page to update the application.
 * @csspart timeline - The list of what has happened.
 * @event formosa-status-shown - An application's status is shown (`status`, `final`).
 * @example
 * <formosa-status api="https://apply.agency.gov.tw" form-page="/rent-subsidy/"></formosa-status>
 */
export class FormosaStatus extends LitElement {
  static override styles = [
    tokens,
    focusRing,
    visuallyHidden,
    css`
      h2 { font-size: 1.5em; margin: 0 0 0.5rem; }
      h3 { font-size: 1.25em; margin: 0 0 0.5rem; }
      h4 { font-size: 1.05em; margin: 1rem 0 0.5rem; }
      .field { margin-block: 1rem; }
      label { display: block; font-weight: 700; }
      .hint { display: block; color: var(--_muted); }
      input {
        font: inherit;
        min-height: 2.75rem;
        box-sizing: border-box;
        width: 100%;
        max-width: 20rem;
        padding: 0.25rem 0.5rem;
        border: 2px solid var(--_text);
        border-radius: 0;
        text-transform: uppercase;
      }
      input[aria-invalid='true'] { border-color: var(--_error); }
      input:focus-visible { outline: 3px solid var(--_focus); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--_text); }
      button {
        font: inherit;
        font-weight: 700;
        min-height: 2.75rem;
        padding: 0.25rem 1rem;
        color: var(--_background);
        background: var(--_primary);
        border: 0;
        border-radius: var(--_radius);
        cursor: pointer;
      }
      button:focus-visible, a:focus-visible { outline: 3px solid var(--_focus); outline-offset: 0; box-shadow: 0 0 0 2px var(--_text); }
      .error { color: var(--_error); font-weight: 700; border-inline-start: 5px solid var(--_error); padding-inline-start: 0.75rem; }
      .error:empty { display: none; }
      [part~='result'] { margin-block-start: 1.5rem; border-block-start: 1px solid var(--_border); padding-block-start: 1rem; }
      [part~='request'] { border-inline-start: 5px solid var(--_primary); padding-inline-start: 0.75rem; }
      a { color: var(--_primary); font-weight: 700; }
      ol { padding-inline-start: 1.25rem; }
      li { margin-block: 0.5rem; }
      time, .muted { color: var(--_muted); }
      .note { margin: 0.25rem 0 0; white-space: pre-line; }
    `,
  ];
  static override properties = {
    api: {},
    locale: { reflect: true },
    receipt: {},
    secret: {},
    formPage: { attribute: 'form-page' },
    answer: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  /** The agency server's origin (`https://apply.agency.gov.tw`); this page's when absent. */
  declare api: string | undefined;
  /** The language (`zh-Hant-TW`, `en`, `vi`, `id`, `th`, `fil`, `ms`); the page's `lang` or the browser's when absent. */
  declare locale: string | undefined;
  /** The receipt number, when the page already knows it (it is looked up at once when `secret` is given too). */
  declare receipt: string | undefined;
  /** The status code from the receipt. */
  declare secret: string | undefined;
  /** The URL of the form's page, where "Update your application" leads when steps are reopened; `{formId}` is replaced by the form's id. */
  declare formPage: string | undefined;
  declare private answer: StatusAnswer | undefined;
  declare private problem: Problem | undefined;
  declare private busy: boolean;
  private minutes = 1;

  constructor() {
    super();
    this.busy = false;
  }

  private get language(): string {
    return negotiateLocale([this.locale, this.closest('[lang]')?.getAttribute('lang'), ...navigator.languages]);
  }

  private say(key: StatusTextKey, params?: Readonly<Record<string, string | number>>): string {
    return statusText(this.language, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A link from an e-mail or a QR code may carry them in the fragment (never sent to a server); read once, removed.
    const fragment = new URLSearchParams(location.hash.slice(1));
    if (fragment.has('receipt') && fragment.has('code')) {
      this.receipt = fragment.get('receipt') ?? undefined;
      this.secret = fragment.get('code') ?? undefined;
      history.replaceState(history.state, '', location.pathname + location.search);
    }
    if (this.receipt && this.secret) void this.lookUp(this.receipt, this.secret);
  }

  private async lookUp(receipt: string, secret: string): Promise<void> {
    if (!receipt.trim() || !secret.trim()) return this.fail('missing');
    this.busy = true;
    this.problem = undefined;
    const result = await lookUpStatus(this.api ?? '', receipt.trim(), secret.trim());
    this.busy = false;
    if ('problem' in result) {
      if (result.problem === 'limited') this.minutes = result.minutes;
      return this.fail(result.problem);
    }
    this.receipt = receipt.trim();
    this.secret = secret.trim();
    this.answer = result.answer;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="result-heading"]')?.focus();
    this.dispatchEvent(new FormosaStatusShownEvent(result.answer.status, result.answer.final));
  }

  private async fail(problem: Problem): Promise<void> {
    this.answer = undefined;
    this.problem = problem;
    await this.updateComplete;
    // The first field in question takes the focus; the message, a live region, is read out.
    const field = problem === 'missing' ? [...this.renderRoot.querySelectorAll('input')].find((input) => !input.value.trim()) : this.renderRoot.querySelector('input');
    field?.focus();
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    void this.lookUp(String(data.get('receipt') ?? ''), String(data.get('secret') ?? ''));
  }

  /** A status as the citizen reads it: the flow's own label, else the SDK's, else its name. */
  private label(status: string): string {
    const own = this.answer?.labels?.[status];
    if (own) return own[this.language] ?? own['en'] ?? Object.values(own)[0] ?? status;
    return (STATUS_LABELS[this.language] as Record<string, string> | undefined)?.[status] ?? status;
  }

  private when(t: Translator, iso: string): string {
    const day = t.date(taipeiDay(iso), t.locale === 'zh-Hant-TW' ? 'roc' : 'gregorian');
    return `${day} ${new Intl.DateTimeFormat(t.locale, { timeStyle: 'short', timeZone: 'Asia/Taipei' }).format(new Date(iso))}`;
  }

  private text(t: Translator, value: LocalizedText | string) {
    const local = typeof value === 'string' ? { text: value, lang: t.locale } : t.text(value);
    return html`<span lang=${t.fallbackLang(local) ?? nothing}>${local.text}</span>`;
  }

  override render() {
    const lang = this.language;
    const t = createTranslator(lang);
    const invalid = this.problem === 'notFound' || this.problem === 'missing';
    const described = (hint: string) => (invalid ? `${hint} error` : hint);
    return html`<section lang=${lang}>
      <h2>${this.say('title')}</h2>
      <form part="form" novalidate @submit=${this.submit}>
        <p>${this.say('intro')}</p>
        <div class="field">
          <label for="receipt">${this.say('receiptLabel')}</label>
          <span class="hint" id="receipt-hint">${this.say('receiptHint')}</span>
          <input id="receipt" name="receipt" .value=${this.receipt ?? ''} autocomplete="off" spellcheck="false" autocapitalize="characters" maxlength="40" aria-describedby=${described('receipt-hint')} aria-invalid=${invalid ? 'true' : 'false'} />
        </div>
        <div class="field">
          <label for="secret">${this.say('secretLabel')}</label>
          <span class="hint" id="secret-hint">${this.say('secretHint')}</span>
          <input id="secret" name="secret" .value=${this.secret ?? ''} autocomplete="off" spellcheck="false" autocapitalize="characters" maxlength="20" aria-describedby=${described('secret-hint')} aria-invalid=${invalid ? 'true' : 'false'} />
        </div>
        <button part="button" type="submit" ?disabled=${this.busy}>${this.say('check')}</button>
      </form>
      <p class="visually-hidden" role="status">${this.busy ? this.say('checking') : ''}</p>
      <p class="error" part="error" id="error" role="alert">${this.problem ? html`<span class="visually-hidden">${this.say('errorPrefix')}</span>${this.say(this.problem, { minutes: this.minutes })}` : nothing}</p>
      ${this.answer ? this.result(t, this.answer) : nothing}
    </section>`;
  }

  private result(t: Translator, answer: StatusAnswer) {
    const last = answer.history.at(-1);
    return html`<section part="result" aria-labelledby="result-heading">
      <h3 part="result-heading" id="result-heading" tabindex="-1">${this.text(t, answer.title)}: ${this.label(answer.status)}</h3>
      <p class="muted">${this.say('sent', { receipt: answer.receipt, date: this.when(t, answer.submittedAt) })}</p>
      ${answer.reopen?.length ? this.request(t, answer, last?.note) : nothing}
      <h4>${this.say('history')}</h4>
      <ol part="timeline">
        ${answer.history.map(
          (entry) => html`<li>
            <strong>${this.label(entry.status)}</strong> <time datetime=${entry.at}>${this.when(t, entry.at)}</time>
            ${entry.note ? html`<p class="note">${this.say('note')} ${entry.note}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private request(t: Translator, answer: StatusAnswer, note: string | undefined) {
    const reopen = answer.reopen ?? [];
    const hand = () => handOver({ formId: answer.formId, receipt: answer.receipt, secret: this.secret ?? '', reopen: reopen.map((step) => step.id), ...(note ? { note } : {}) });
    return html`<div part="request">
      <h4>${this.say('requestTitle')}</h4>
      ${note ? html`<p class="note">${this.say('note')} ${note}</p>` : nothing}
      <p>${this.say('requestSteps')}</p>
      <ul>
        ${reopen.map((step) => html`<li>${this.text(t, step.title)}</li>`)}
      </ul>
      ${this.formPage ? html`<p><a part="update-link" href=${this.formPage.replace('{formId}', encodeURIComponent(answer.formId))} @click=${hand}>${this.say('update')}</a></p>` : nothing}
    </div>`;
  }
}

/** Which languages the status page speaks (its texts and labels). */
export const STATUS_LOCALES = Object.keys(STATUS_TEXTS);
