import { LitElement, css, html, nothing } from 'lit';
import { focusRing, tokens } from '../../internal/styles.js';

/**
 * The confirmation panel shown after a successful submission, with the receipt number in large type.
 * Its heading takes focus when it appears.
 * @summary Receipt (confirmation panel).
 * @csspart panel - The coloured panel.
 * @csspart number - The receipt number.
 * @slot - Further guidance below the panel (what happens next).
 * @example
 * <formosa-receipt heading="申請已送出" number-label="您的收件編號" receipt="RS-20261122-7K3Q9X"></formosa-receipt>
 */
export class FormosaReceipt extends LitElement {
  static override styles = [
    tokens,
    focusRing,
    css`
      :host {
        display: block;
      }
      .panel {
        background: var(--formosa-color-success, #00703c);
        color: #fff;
        padding: calc(var(--_space) * 1.5);
        text-align: center;
        margin-block-end: calc(var(--_space) * 1.5);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.6em;
      }
      .number {
        display: block;
        font-size: 1.6em;
        font-weight: 700;
        letter-spacing: 0.05em;
        overflow-wrap: anywhere;
      }
      @media print {
        .panel {
          color: #000;
          background: none;
          border: 3px solid #000;
        }
      }
    `,
  ];
  static override properties = { heading: {}, numberLabel: { attribute: 'number-label' }, receipt: {}, details: {} };
  declare heading: string;
  declare numberLabel: string;
  declare receipt: string;
  /** A line under the number, e.g. the time of submission. */
  declare details: string | undefined;

  constructor() {
    super();
    this.heading = '';
    this.numberLabel = '';
    this.receipt = '';
  }

  /** Moves focus to the heading. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    return html`<div class="panel" part="panel">
        <h2 tabindex="-1">${this.heading}</h2>
        <p>${this.numberLabel}<span class="number" part="number">${this.receipt}</span></p>
        ${this.details ? html`<p>${this.details}</p>` : nothing}
      </div>
      <slot></slot>`;
  }
}
