import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { FormosaErrorSelectEvent } from '../../internal/events.js';
import { focusRing, tokens } from '../../internal/styles.js';

/** One entry of the summary: the field's id for the link, and the message shown at the field too. */
export interface SummaryError {
  readonly path: string;
  readonly id: string;
  readonly message: string;
  /** The message's language when it is not the page's (a fallback). */
  readonly lang?: string;
}

/**
 * The GOV.UK error summary: a box with role="alert" that takes focus when it appears (call `focus()` to bring
 * the citizen back to it, e.g. after another failed Continue), listing every
 * problem as a link that moves focus to the field.
 * @summary Error summary, focused on appearance; links move focus to the fields.
 * @csspart summary - The box.
 * @event formosa-error-select - When a link is chosen, with the field's path.
 * @example
 * <formosa-error-summary heading="有些資料需要修正" .errors=${[{ path: '/name', id: 'f-name', message: '請填寫「姓名」' }]}></formosa-error-summary>
 */
export class FormosaErrorSummary extends LitElement {
  static override styles = [
    tokens,
    focusRing,
    css`
      .summary {
        border: 5px solid var(--_error);
        padding: var(--_space);
        margin-block-end: calc(var(--_space) * 2);
      }
      h2 {
        margin: 0 0 0.75rem;
        font-size: 1.25em;
      }
      ul {
        margin: 0;
        padding-inline-start: 0;
        list-style: none;
      }
      li {
        margin-block: 0.35rem;
      }
      a {
        color: var(--_error);
        font-weight: 700;
      }
      a:focus-visible {
        color: var(--_text);
        background: var(--_focus);
        outline: none;
        box-shadow: 0 -2px var(--_focus), 0 4px var(--_text);
        text-decoration: none;
      }
    `,
  ];
  static override properties = { heading: {}, errors: { attribute: false } };
  declare heading: string;
  declare errors: readonly SummaryError[];

  constructor() {
    super();
    this.heading = 'There is a problem';
    this.errors = [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.hidden = this.errors.length === 0;
    const before = changed.get('errors') as readonly SummaryError[] | undefined;
    // Focus when the summary appears, so screen readers read it and keyboard users start there — never when its
    // list merely changes: that happens while the citizen fixes answers, and would take their keystrokes away.
    if (changed.has('errors') && this.errors.length > 0 && (!before || before.length === 0)) this.focus();
  }

  /** Moves focus to the summary box. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  override render() {
    if (this.errors.length === 0) return html``;
    return html`<div class="summary" part="summary" role="alert" tabindex="-1" aria-labelledby="title">
      <h2 id="title">${this.heading}</h2>
      <ul>
        ${this.errors.map(
          (e) => html`<li>
            <a
              href="#${e.id}"
              @click=${(event: Event) => {
                event.preventDefault();
                this.dispatchEvent(new FormosaErrorSelectEvent(e.path));
              }}
              lang=${e.lang ?? nothing}
              >${e.message}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }
}
