/**
 * The senior theme's tokens: larger text, bigger targets, more room. `<formosa-form theme="senior">` applies them;
 * a host can set them on any ancestor of standalone controls.
 */
export const SENIOR_TOKENS: Readonly<Record<string, string>> = {
  '--formosa-font-size': '1.5rem',
  '--formosa-space': '1.5rem',
  '--formosa-max-width': '60rem',
  '--formosa-input-height': '3.25rem',
  '--formosa-choice-size': '2.5rem',
  '--formosa-color-muted': '#3d4549',
};
