import { LitElement, css, html, nothing } from 'lit';
import { tokens } from '../../internal/styles.js';

/**
 * A titled group of fields: a fieldset whose legend is the heading. Off screen, it is neither styled nor laid out
 * until it nears the viewport (`content-visibility: auto`: a long form's first step shows sooner); it stays in the
 * accessibility tree, find-in-page and the tab order.
 * @summary Section (fieldset) that groups related fields.
 * @slot - The fields of the section.
 * @csspart section - The fieldset.
 * @csspart heading - The legend.
 * @example
 * <formosa-section heading="戶籍地址"><formosa-text-field label="縣市"></formosa-text-field></formosa-section>
 */
export class FormosaSection extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        margin-block: calc(var(--_space) * 2);
        content-visibility: auto;
        contain-intrinsic-size: auto 40rem;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        min-inline-size: 0;
      }
      legend {
        font-size: 1.25em;
        font-weight: 700;
        margin-block-end: calc(var(--_space) * 0.75);
        padding: 0;
      }
      .description {
        color: var(--_muted);
        margin: 0 0 var(--_space);
      }
    `,
  ];
  static override properties = { heading: {}, headingLang: { attribute: 'heading-lang' }, description: {}, descriptionLang: { attribute: 'description-lang' } };
  declare heading: string;
  declare headingLang: string | undefined;
  declare description: string | undefined;
  declare descriptionLang: string | undefined;

  constructor() {
    super();
    this.heading = '';
  }

  override render() {
    return html`<fieldset part="section">
      <legend part="heading" lang=${this.headingLang ?? nothing}>${this.heading}</legend>
      ${this.description ? html`<p class="description" lang=${this.descriptionLang ?? nothing}>${this.description}</p>` : nothing}
      <slot></slot>
    </fieldset>`;
  }
}
