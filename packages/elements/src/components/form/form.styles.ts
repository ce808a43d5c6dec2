import { css, unsafeCSS } from 'lit';
import { SENIOR_TOKENS } from '../../internal/themes.js';

export const formStyles = css`
  :host {
    max-width: var(--formosa-max-width, 48rem);
  }
  /* Senior mode: larger text, bigger targets, more room — for seniors and anyone who wants it. */
  :host([theme='senior']) {
    ${unsafeCSS(Object.entries(SENIOR_TOKENS).map(([name, value]) => `${name}: ${value};`).join('\n'))}
    line-height: 1.6;
  }
  :host([theme='senior']) button {
    min-height: 3.5rem;
    padding: 0.75rem 1.5rem;
  }
  .caption {
    display: block;
    color: var(--_muted);
    font-size: 1em;
    margin-block-end: 0.25rem;
  }
  .step-title {
    font-size: 1.75em;
    line-height: 1.25;
    margin: 0 0 var(--_space);
  }
  .step-title:focus {
    outline: none;
  }
  .description,
  .content {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .hint {
    color: var(--_muted);
  }
  .error {
    color: var(--_error);
    font-weight: 700;
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-block-start: calc(var(--_space) * 2);
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--_radius);
  }
  button.primary {
    color: #fff;
    background: var(--_primary);
    border: 2px solid transparent;
    box-shadow: 0 2px 0 var(--_primary-dark);
    font-weight: 700;
  }
  button.primary:hover {
    background: var(--_primary-dark);
  }
  button.secondary {
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid transparent;
    box-shadow: 0 2px 0 #929191;
  }
  button[disabled],
  button[aria-disabled="true"] {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_text);
    box-shadow: 0 2px 0 var(--_text);
  }
  .repeat {
    border: 0;
    padding: 0;
    margin: 0 0 calc(var(--_space) * 2);
    min-inline-size: 0;
  }
  .repeat--error {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: calc(var(--_space) * 0.75);
  }
  .repeat-title {
    font-size: 1.25em;
    font-weight: 700;
    padding: 0;
    margin-block-end: 0.5rem;
  }
  .entry {
    border: 0;
    border-inline-start: 4px solid #b1b4b6;
    margin: 0 0 var(--_space);
    padding: 0.5rem 0 0.5rem var(--_space);
    min-inline-size: 0;
  }
  .entry-title {
    font-weight: 700;
    padding: 0;
    margin-block-end: 0.5rem;
  }
  .definition-error {
    border: 5px solid var(--_error);
    padding: var(--_space);
  }
  .definition-error code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .notice {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: var(--_space);
    font-weight: 700;
  }
  /* The draft: where the answers are kept, and the citizen's choice not to keep them here. */
  .draft {
    margin-block-start: calc(var(--_space) * 2);
    color: var(--_muted);
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .keep-off {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    min-height: 1.5rem;
  }
  .keep-off input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.1rem 0 0;
    flex: none;
  }
  .draft-notice,
  .mydata-notice {
    border-inline-start: 5px solid var(--_primary);
    padding-inline-start: var(--_space);
    margin: 0 0 var(--_space);
  }
  .draft-notice p,
  .mydata-notice p {
    margin: 0 0 0.5rem;
  }
  .datasets li {
    margin-block-end: 0.5rem;
  }
  button.link {
    font: inherit;
    color: var(--_primary);
    background: none;
    border: 0;
    padding: 0;
    min-height: 1.5rem;
    text-decoration: underline;
    cursor: pointer;
  }
  .correction {
    margin-block-start: calc(var(--_space) * 2);
  }
  .correction dl {
    margin: 0 0 var(--_space);
  }
  .difference {
    padding-block: 0.5rem;
    border-block-end: 1px solid #b1b4b6;
  }
  .difference dt {
    font-weight: 700;
  }
  .difference dd {
    margin: 0;
  }
  .difference del {
    color: var(--_muted);
  }
  .difference ins {
    text-decoration: none;
    font-weight: 700;
  }
  @media (forced-colors: active) {
    button {
      border: 2px solid ButtonText !important;
    }
    .repeat--error,
    .definition-error,
    .notice {
      border-color: CanvasText;
    }
  }
  /* Paper: the review and the receipt print as plain black on white, without the controls. */
  @media print {
    :host {
      max-width: none;
      color: #000;
    }
    .nav,
    formosa-stepper,
    formosa-error-summary,
    .caption {
      display: none;
    }
    .step-title {
      font-size: 1.4em;
    }
  }
`;
