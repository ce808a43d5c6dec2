import { LitElement, css, html, nothing } from 'lit';
import { FormosaNavigateEvent } from '../../internal/events.js';
import { focusRing, linkButton, tokens, visuallyHidden } from '../../internal/styles.js';

/** One entry of the stepper. */
export interface StepperStep {
  readonly id: string;
  readonly title: string;
  readonly lang?: string;
  readonly state: 'done' | 'current' | 'todo';
  /** Whether the citizen may jump to it (steps already reached). */
  readonly reachable: boolean;
}

/**
 * Progress through the steps: "Step 2 of 6" and the list of steps; reached steps can be revisited.
 * @summary Stepper / progress indicator.
 * @csspart progress - The "Step n of m" line.
 * @csspart list - The list of steps.
 * @event formosa-navigate - When the citizen chooses a reached step.
 * @example
 * <formosa-stepper label="申請進度" progress="第 1 步，共 3 步" .steps=${steps}></formosa-stepper>
 */
export class FormosaStepper extends LitElement {
  static override styles = [
    tokens,
    focusRing,
    visuallyHidden,
    linkButton,
    css`
      :host {
        margin-block-end: var(--_space);
        font-size: 0.875em;
      }
      .progress {
        margin: 0 0 0.5rem;
        color: var(--_muted);
      }
      ol {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        min-height: 1.5rem;
      }
      .marker {
        display: inline-grid;
        place-items: center;
        width: 1.5rem;
        height: 1.5rem;
        border-radius: 50%;
        border: 2px solid var(--_border);
        font-size: 0.8em;
        flex: none;
      }
      [aria-current] {
        font-weight: 700;
      }
      [aria-current] .marker,
      .done .marker {
        background: var(--_primary);
        border-color: var(--_primary);
        color: var(--_background);
      }
      @media (max-width: 40em) {
        ol {
          display: none;
        }
      }
    `,
  ];
  static override properties = { steps: { attribute: false }, label: {}, progress: {}, doneText: { attribute: 'done-text' }, currentText: { attribute: 'current-text' } };
  declare steps: readonly StepperStep[];
  /** Accessible name of the navigation, e.g. "Your progress". */
  declare label: string;
  /** The "Step n of m" text. */
  declare progress: string;
  declare doneText: string;
  declare currentText: string;

  constructor() {
    super();
    this.steps = [];
    this.label = '';
    this.progress = '';
    this.doneText = '(completed)';
    this.currentText = '(current step)';
  }

  override render() {
    return html`<nav aria-label=${this.label}>
      <p class="progress" part="progress">${this.progress}</p>
      <ol part="list">
        ${this.steps.map((step, i) => {
          const text = html`<span class="marker" aria-hidden="true">${step.state === 'done' ? '✓' : i + 1}</span><span lang=${step.lang ?? nothing}>${step.title}</span
            ><span class="visually-hidden"> ${step.state === 'done' ? this.doneText : step.state === 'current' ? this.currentText : ''}</span>`;
          return html`<li class=${step.state} aria-current=${step.state === 'current' ? 'step' : nothing}>
            ${step.reachable && step.state !== 'current'
              ? html`<button type="button" class="link" @click=${() => this.dispatchEvent(new FormosaNavigateEvent(step.id))}>${text}</button>`
              : text}
          </li>`;
        })}
      </ol>
    </nav>`;
  }
}
