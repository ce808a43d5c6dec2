import { css } from 'lit';

/**
 * Design tokens, and the box every SDK element is: a block that `hidden` still hides (a `:host { display }` rule
 * beats the browser's own [hidden] rule). Hosts theme the SDK by setting these custom properties on any ancestor,
 * e.g. `formosa-form { --formosa-color-primary: #00594c; }`. Every element that uses these lists them in
 * custom-elements.json (scripts/manifest-plugins.js copies the tags below to each).
 * @cssprop --formosa-color-text - Text colour.
 * @cssprop --formosa-color-muted - Secondary text: hints, notes.
 * @cssprop --formosa-color-primary - Buttons, links and the current step.
 * @cssprop --formosa-color-primary-dark - The shadow under primary buttons, and their colour when hovered.
 * @cssprop --formosa-color-error - Error messages and the error bar.
 * @cssprop --formosa-color-border - Borders of inputs and choices.
 * @cssprop --formosa-color-background - Page colour: behind inputs and on filled buttons' text.
 * @cssprop --formosa-color-surface - Background of panels and read-only values.
 * @cssprop --formosa-color-focus - The focus band.
 * @cssprop --formosa-font-family - Type face.
 * @cssprop --formosa-font-size - Base text size.
 * @cssprop --formosa-space - The spacing unit.
 * @cssprop --formosa-radius - Corner radius of inputs and buttons.
 * @cssprop --formosa-choice-size - Size of radio buttons and checkboxes.
 * @cssprop --formosa-input-height - Height of text inputs and selects.
 */
export const tokens = css`
  :host {
    display: block;
    --_text: var(--formosa-color-text, #0b0c0c);
    --_muted: var(--formosa-color-muted, #505a5f);
    --_primary: var(--formosa-color-primary, #1d5aa6);
    --_primary-dark: var(--formosa-color-primary-dark, #12406f);
    --_error: var(--formosa-color-error, #c0282d);
    --_border: var(--formosa-color-border, #505a5f);
    --_background: var(--formosa-color-background, #ffffff);
    --_surface: var(--formosa-color-surface, #f3f2f1);
    --_focus: var(--formosa-color-focus, #ffdd00);
    --_font: var(--formosa-font-family, system-ui, -apple-system, 'Noto Sans TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif);
    --_size: var(--formosa-font-size, 1.1875rem);
    --_space: var(--formosa-space, 1rem);
    --_radius: var(--formosa-radius, 0);
    --_choice: var(--formosa-choice-size, 1.75rem);
    --_input-height: var(--formosa-input-height, 2.5rem);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.5;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  /* Windows High Contrast and other forced-colour modes: keep every boundary and the focus visible. */
  @media (forced-colors: active) {
    :host {
      --_focus: Highlight;
      --_error: Mark;
    }
    :focus-visible {
      outline: 3px solid Highlight !important;
      outline-offset: 2px !important;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Focus ring in the GOV.UK style: a yellow band with a dark underline, visible on any background. */
export const focusRing = css`
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_text);
  }
`;

/** Hidden on screen, read by screen readers. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
`;

/**
 * Label, hint, error message and input of every field control.
 * @cssprop --formosa-input-width - Widest an input grows.
 */
export const fieldStyles = css`
  :host {
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .field--error {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: calc(var(--_space) * 0.75);
  }
  label,
  legend {
    display: block;
    font-weight: 700;
    margin-block-end: 0.25rem;
  }
  legend {
    /* The browser's own legend padding put a question's heading 2 px right of every label. */
    padding: 0;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  .hint {
    color: var(--_muted);
    margin: 0 0 0.5rem;
  }
  .error {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    width: 100%;
    max-width: var(--formosa-input-width, 30em);
    min-height: var(--_input-height);
    padding: 0.3rem 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  input[readonly] {
    border-color: transparent;
    background: var(--_surface);
  }
  .field--error input,
  .field--error select,
  .field--error textarea {
    border-color: var(--_error);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_text);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
`;

/** A checkbox or radio with its label beside it: a large target (at least 24 px), the label clickable. */
export const choiceStyles = css`
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin-block: 0.25rem;
    min-height: 2.75rem;
  }
  .choice input {
    width: var(--_choice);
    height: var(--_choice);
    min-height: 0;
    margin: 0.125rem 0 0;
    flex: none;
    accent-color: var(--_text);
  }
  .choice label {
    font-weight: 400;
    padding-block: 0.25rem;
    cursor: pointer;
  }
  .choice .hint {
    margin: 0;
  }
`;

/** A button that looks like a link (Change, a step of the stepper). */
export const linkButton = css`
  .link {
    font: inherit;
    color: var(--_primary);
    background: none;
    border: 0;
    padding: 0.25rem 0;
    min-height: 1.5rem;
    min-width: 1.5rem;
    text-decoration: underline;
    cursor: pointer;
  }
`;
