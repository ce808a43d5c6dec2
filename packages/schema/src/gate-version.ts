import { FORMAT_VERSION } from './types.js';

/**
 * Which definition gate this is: the @formosa/schema release (kept equal to package.json's version by
 * test/gate-version.test.ts) and the format version it migrates to. The reference server sends it with each definition
 * it has checked (`Formosa-Definition-Checked`); a browser with the same gate trusts that answer and does not fetch
 * and run its own, a browser with any other runs the gate itself. A module of its own, so the drop-in bundle can
 * name the gate without carrying it.
 * @example
 * if (response.headers.get('formosa-definition-checked') === GATE_VERSION) definition = JSON.parse(text);
 */
export const GATE_VERSION = `0.1.0+format.${FORMAT_VERSION}`;

/**
 * The response header that carries it (lower case, as fetch's Headers and Node name it).
 * @example
 * res.setHeader(DEFINITION_CHECKED, GATE_VERSION);
 */
export const DEFINITION_CHECKED = 'formosa-definition-checked';
