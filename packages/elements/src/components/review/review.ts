import { LitElement, css, html, nothing } from 'lit';
import { FormosaNavigateEvent } from '../../internal/events.js';
import { focusRing, linkButton, tokens, visuallyHidden } from '../../internal/styles.js';

/** One answer on the review. */
export interface ReviewRow {
  readonly path: string;
  readonly label: string;
  readonly labelLang?: string;
  readonly value: string;
  readonly valueLang?: string;
  /** True when the answer is empty (shown muted). */
  readonly empty?: boolean;
}

/** The answers of one step. */
export interface ReviewSection {
  readonly step: string;
  readonly title: string;
  readonly lang?: string;
  readonly rows: readonly ReviewRow[];
}

/**
 * "Check your answers": every answer grouped by step, each with a Change link back to its step.
 * @summary Review (check your answers) with change links.
 * @csspart section - Each step's group.
 * @event formosa-navigate - When "Change" is chosen, with the step and the answer's path.
 * @example
 * <formosa-review change-text="修改" .sections=${sections}></formosa-review>
 */
export class FormosaReview extends LitElement {
  static override styles = [
    tokens,
    focusRing,
    visuallyHidden,
    linkButton,
    css`
      section {
        margin-block-end: calc(var(--_space) * 2);
      }
      h3 {
        font-size: 1.15em;
        margin: 0 0 0.5rem;
      }
      dl {
        margin: 0;
      }
      .row {
        display: grid;
        grid-template-columns: minmax(8em, 1fr) 2fr auto;
        gap: 0.5rem 1rem;
        border-block-end: 1px solid #b1b4b6;
        padding-block: 0.6rem;
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
        white-space: pre-line;
      }
      .empty {
        color: var(--_muted);
      }
      @media (max-width: 40em) {
        .row {
          grid-template-columns: 1fr auto;
        }
        dt {
          grid-column: 1 / -1;
        }
      }
      @media print {
        .actions {
          display: none;
        }
      }
    `,
  ];
  static override properties = { sections: { attribute: false }, changeText: { attribute: 'change-text' }, changeLabel: { attribute: false } };
  declare sections: readonly ReviewSection[];
  /** Visible text of the change links. */
  declare changeText: string;
  /** The accessible name of a change link for an answer (defaults to "Change <label>"). */
  declare changeLabel: (label: string) => string;

  constructor() {
    super();
    this.sections = [];
    this.changeText = 'Change';
    this.changeLabel = (label) => `${this.changeText} ${label}`;
  }

  override render() {
    return html`${this.sections.map(
      (section) => html`<section part="section" aria-labelledby="s-${section.step}">
        <h3 id="s-${section.step}" lang=${section.lang ?? nothing}>${section.title}</h3>
        <dl>
          ${section.rows.map(
            (row) => html`<div class="row">
              <dt lang=${row.labelLang ?? nothing}>${row.label}</dt>
              <dd class=${row.empty ? 'empty' : ''} lang=${row.valueLang ?? nothing}>${row.value}</dd>
              <dd class="actions">
                <button type="button" class="link" aria-label=${this.changeLabel(row.label)} @click=${() => this.dispatchEvent(new FormosaNavigateEvent(section.step, row.path))}>
                  ${this.changeText}
                </button>
              </dd>
            </div>`,
          )}
        </dl>
      </section>`,
    )}`;
  }
}
