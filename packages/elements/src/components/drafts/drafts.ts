import { createTranslator, loadTranslator, negotiateLocale } from '@formosa/i18n';
import type { DraftEnvelope } from '@formosa/session';
import { pageDevice } from '../../internal/device.js';
import { FormosaDraftDiscardedEvent } from '../../internal/events.js';

/**
 * The citizen's applications in progress on this device (every form of the site), newest first, each with when it
 * was saved and until when it is kept, to continue or delete. The list itself is fetched on demand.
 * @summary Applications in progress on this device: continue or delete.
 * @attr href - Where "Continue" leads, with `{formId}` and `{key}` replaced, e.g. `/form.html?id={formId}`.
 * @attr locale - Interface language; else the nearest `lang`, else the browser's languages.
 * @event formosa-draft-discarded - The citizen deleted a draft (`key`, `formId`).
 * @cssprop --formosa-font-family - Type face.
 * @cssprop --formosa-font-size - Base text size.
 * @cssprop --formosa-color-primary - Links and buttons.
 * @cssprop --formosa-color-focus - The focus band.
 * @example
 * <formosa-drafts href="/apply/{formId}"></formosa-drafts>
 */
export class FormosaDrafts extends HTMLElement {
  static readonly observedAttributes = ['href', 'locale'];
  /** Settles when the list is on screen. */
  updateComplete: Promise<void> = Promise.resolve();

  connectedCallback(): void {
    this.updateComplete = this.render();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.updateComplete = this.render();
  }

  private async render(): Promise<void> {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const locale = negotiateLocale([this.getAttribute('locale'), this.closest('[lang]')?.getAttribute('lang'), ...navigator.languages]);
    const [t, device, { renderDrafts }] = await Promise.all([loadTranslator(locale).catch(() => createTranslator('zh-Hant-TW')), pageDevice(), import('@formosa/elements/drafts-list')]);
    const template = this.getAttribute('href') ?? '?id={formId}';
    await renderDrafts(root, {
      drafts: device.drafts, t,
      href: (draft: DraftEnvelope) => template.replace('{formId}', encodeURIComponent(draft.formId)).replace('{key}', encodeURIComponent(draft.key)),
      deleted: (draft: DraftEnvelope) => this.dispatchEvent(new FormosaDraftDiscardedEvent(draft.key, draft.formId)),
    });
  }
}
