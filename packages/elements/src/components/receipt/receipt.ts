import { LitElement, css, html, nothing, svg } from 'lit';
import { focusRing, tokens } from '../../internal/styles.js';

/**
 * The confirmation panel shown after a successful submission, with the receipt number in large type.
 * Its heading takes focus when it appears.
 * @summary Receipt (confirmation panel).
 * @csspart panel - The coloured panel.
 * @csspart number - The receipt number.
 * @csspart qr - The QR code of the receipt number.
 * @cssprop --formosa-color-success - Colour of the panel.
 * @slot - Further guidance below the panel (what happens next).
 * @example
 * <formosa-receipt heading="申請已送出" number-label="您的收件編號" receipt="RS-20261122-7K3Q9X"></formosa-receipt>
 */
export class FormosaReceipt extends LitElement {
  static override styles = [
    tokens,
    focusRing,
    css`
      .panel {
        container-type: inline-size;
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
      /* The number is read out at a counter: one piece, never broken at its hyphens, as large as the panel allows. */
      .number {
        display: block;
        font-size: min(1.6em, 7.5cqi);
        font-weight: 700;
        letter-spacing: 0.05em;
        white-space: nowrap;
      }
      .qr {
        display: block;
        width: 10rem;
        height: 10rem;
        margin: 1rem auto 0;
        background: #fff;
        color: #000;
        padding: 0.5rem;
      }
      .print {
        font: inherit;
        min-height: 2.75rem;
        padding: 0.5rem 1.25rem;
        color: var(--_text);
        background: var(--_surface);
        border: 2px solid transparent;
        box-shadow: 0 2px 0 #929191;
        cursor: pointer;
      }
      .print:focus-visible {
        outline: 3px solid transparent;
        background: var(--_focus);
        box-shadow: 0 2px 0 var(--_text);
      }
      @media (forced-colors: active) {
        .panel {
          border: 3px solid CanvasText;
        }
        .qr {
          forced-color-adjust: none;
        }
      }
      @media print {
        .panel {
          color: #000;
          background: none;
          border: 3px solid #000;
        }
        .print {
          display: none;
        }
      }
    `,
  ];
  static override properties = {
    heading: {}, numberLabel: { attribute: 'number-label' }, receipt: {}, details: {}, qrLabel: { attribute: 'qr-label' }, printLabel: { attribute: 'print-label' },
  };
  declare heading: string;
  declare numberLabel: string;
  declare receipt: string;
  /** A line under the number, e.g. the time of submission. */
  declare details: string | undefined;
  /** Accessible name of the QR code; without it, no QR code is drawn. */
  declare qrLabel: string | undefined;
  /** Text of the Print button; without it, no button. */
  declare printLabel: string | undefined;

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

  /** The drawn QR code of the current receipt number, once the encoder (loaded on demand) has made it. */
  private qr?: { readonly receipt: string; readonly size: number; readonly path: string };

  protected override willUpdate(): void {
    if (this.qrLabel && this.receipt && this.qr?.receipt !== this.receipt) void this.drawQr(this.receipt);
  }

  /**
   * Encodes the receipt number. The encoder is loaded only here, at the receipt (it is not part of what a citizen
   * downloads to fill in a form; in the drop-in bundle it is the file chunks/qr.js beside it).
   */
  private async drawQr(receipt: string): Promise<void> {
    const { encode } = await import('uqr');
    if (this.receipt !== receipt) return;
    const { size, data } = encode(receipt, { ecc: 'M', border: 2 });
    let path = '';
    data.forEach((row, y) => row.forEach((dark, x) => (path += dark ? `M${x} ${y}h1v1h-1z` : '')));
    this.qr = { receipt, size, path };
    this.requestUpdate();
  }

  override render() {
    return html`<div class="panel" part="panel">
        <h2 tabindex="-1">${this.heading}</h2>
        <p>${this.numberLabel}<span class="number" part="number">${this.receipt}</span></p>
        ${this.details ? html`<p>${this.details}</p>` : nothing} ${this.qrLabel && this.qr?.receipt === this.receipt ? this.renderQr(this.qr) : nothing}
      </div>
      <slot></slot>
      ${this.printLabel ? html`<button type="button" class="print" @click=${() => window.print()}>${this.printLabel}</button>` : nothing}`;
  }

  /** The receipt number as a QR code counter staff can scan (drawn as one SVG path: no images, no eval). */
  private renderQr({ size, path }: { size: number; path: string }) {
    return html`<svg class="qr" part="qr" role="img" aria-label=${this.qrLabel!} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path>`}
    </svg>`;
  }
}
