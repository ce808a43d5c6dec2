/**
 * Registers `<formosa-status>` (guarded: loading it twice does not throw). Its own entry (`@formosa/elements/status`)
 * and bundle (dist/formosa-status.min.js): a status page needs no form, and the form's bundle carries no status page.
 */
import { defineElement } from '../../internal/define.js';
import { FormosaStatus } from './status.js';

export { FormosaStatus } from './status.js';
export { lookUpStatus, REOPEN_KEY, type ReopenHandover, type StatusAnswer, type StatusEntryView, type LookupResult } from './status-client.js';

export const STATUS_ELEMENTS = { 'formosa-status': FormosaStatus } as const;

for (const [name, constructor] of Object.entries(STATUS_ELEMENTS)) defineElement(name, constructor);

declare global {
  interface HTMLElementTagNameMap {
    'formosa-status': FormosaStatus;
  }
}
