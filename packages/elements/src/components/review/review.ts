import { LitElement, css, html, nothing } from 'lit';
import { FormosaNavigateEvent } from '../../internal/events.js';
import { focusRing, linkButton, tokens, visuallyHidden } from '../../internal/styles.js';

/** One answer on the review. */
export interface ReviewRow {
  readonly path: string;
  readonly label: string;
  readonly labelLang?: string;
  /** What its Change link says it changes, when the label alone is not enough (an entry's answer); defaults to the label. */
  readonly name?: string;
  readonly value: string;
  readonly valueLang?: string;
  /** True when the answer is empty (shown muted). */
  readonly empty?: boolean;
  /** False for an answer the citizen cannot change (computed, or verified by MyData): no Change link. */
  readonly changeable?: boolean;
}

/** Answers shown together: those of a step asked directly, or of one section or repeat entry, under its heading. */
export interface ReviewList {
  readonly heading?: string;
  readonly headingLang?: string;
  readonly rows: readonly ReviewRow[];
}

/** The answers of one step. */
export interface ReviewSection {
  readonly step: string;
  readonly title: string;
  readonly lang?: string;
  readonly lists: readonly ReviewList[];
}

/**
 * "Check your answers" (GOV.UK's summary list): every answer grouped by step, and by section or entry under its
 * own heading, each with a Change link back to it, except answers the citizen cannot change. On a narrow column the
 * label and its Change share a line, the answer below.
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
      :host {
        display: block;
        /* The layout follows the room the review has, not the window (it may sit in a narrow column). */
        container-type: inline-size;
      }
      section {
        margin-block-end: calc(var(--_space) * 2);
      }
      h3 {
        font-size: 1.15em;
        margin: 0 0 0.5rem;
      }
      h4 {
        font-size: 1em;
        margin: 1rem 0 0.25rem;
      }
      dl {
        margin: 0;
      }
      .row {
        display: grid;
        grid-template-columns: minmax(7em, 35%) 1fr auto;
        grid-template-areas: 'label value action';
        gap: 0.25rem 1rem;
        align-items: baseline;
        border-block-end: 1px solid #b1b4b6;
        padding-block: 0.6rem;
      }
      dt {
        grid-area: label;
        font-weight: 700;
      }
      .value {
        grid-area: value;
        margin: 0;
        overflow-wrap: anywhere;
        /* A list of files, one per line. */
        white-space: pre-line;
      }
      .actions {
        grid-area: action;
        margin: 0;
        text-align: end;
      }
      .empty {
        color: var(--_muted);
      }
      /* Narrow: the label with its Change on one line, the answer below it. */
      @container (max-width: 36em) {
        .row {
          grid-template-columns: 1fr auto;
          grid-template-areas: 'label action' 'value value';
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
        ${section.lists.map(
          (list) => html`${list.heading ? html`<h4 lang=${list.headingLang ?? nothing}>${list.heading}</h4>` : nothing}
            <dl>${list.rows.map((row) => this.renderRow(section.step, row))}</dl>`,
        )}
      </section>`,
    )}`;
  }

  private renderRow(step: string, row: ReviewRow) {
    // No whitespace inside the cells: the value keeps its line breaks (pre-line), the Change link none.
    return html`<div class="row">
      <dt lang=${row.labelLang ?? nothing}>${row.label}</dt>
      <dd class="value ${row.empty ? 'empty' : ''}" lang=${row.valueLang ?? nothing}>${row.value}</dd>
      ${row.changeable === false
        ? nothing
        : html`<dd class="actions"><button type="button" class="link" aria-label=${this.changeLabel(row.name ?? row.label)} @click=${() => this.dispatchEvent(new FormosaNavigateEvent(step, row.path))}>${this.changeText}</button></dd>`}
    </div>`;
  }
}
