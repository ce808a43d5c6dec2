/**
 * What the form tells the citizen about their draft and their application on its way: answers brought back (and
 * those a new version could not take), answers not kept, the application open in another tab, an application
 * waiting to be sent, and a correction of one the agency received before the citizen's last changes.
 */
import { html, nothing } from 'lit';
import type { MessageKey, Translator } from '@formosa/i18n';
import type { FormEngine } from '@formosa/engine';
import type { DroppedAnswer, FormSession, SaveState } from '@formosa/session';
import type { OutboxEntry } from '@formosa/transport';
import { answerText } from './review-rows.js';

/** The label of an answer a new version dropped, in the citizen's language (else the form's). */
function droppedLabel(t: Translator, answer: DroppedAnswer): { text: string; lang?: string } {
  if (!answer.label) return { text: answer.path };
  const label = t.text(answer.label);
  return { text: label.text, ...(t.fallbackLang(label) ? { lang: label.lang } : {}) };
}

/** Another tab holds this application: nothing here may change it until the citizen chooses to continue here. */
export function elsewhereView(t: Translator, takeOver: () => void) {
  return html`<div class="elsewhere" role="alert">
    <h2 class="step-title" tabindex="-1">${t.message('draft.elsewhere.title')}</h2>
    <p>${t.message('draft.elsewhere.body')}</p>
    <div class="nav"><button type="button" class="primary" @click=${takeOver}>${t.message('draft.elsewhere.takeOver')}</button></div>
  </div>`;
}

/** Above the step: answers brought back, answers a new version could not take, or answers that cannot be kept. */
export function draftNotices(t: Translator, notice: { restored?: FormSession['restored']; save: SaveState; problem?: 'quota' | 'unavailable' }, startOver: () => void) {
  const { restored, save } = notice;
  const reason = save.status === 'failed' ? save.reason : notice.problem;
  const failed = reason ? (`draft.failed.${reason}` as const) : undefined;
  return html`${restored
    ? html`<div class="draft-notice" part="draft-notice">
        <p>${t.message('draft.restored', { time: t.time(restored.savedAt) })}</p>
        ${restored.dropped.length
          ? html`<p>${t.message('draft.dropped', { count: restored.dropped.length })}</p>
              <ul>
                ${restored.dropped.map((answer) => {
                  const label = droppedLabel(t, answer);
                  return html`<li lang=${label.lang ?? nothing}>${label.text}</li>`;
                })}
              </ul>`
          : nothing}
        <button type="button" class="link" @click=${startOver}>${t.message('draft.startOver')}</button>
      </div>`
    : nothing}
  ${failed ? html`<p class="notice" role="alert">${t.message(failed)}</p>` : nothing}`;
}

/**
 * Below the step: when the answers were last saved (a live region whose text the form sets itself, so saving
 * re-renders nothing else), and the choice not to keep them on this device.
 */
export function draftFooter(t: Translator, mode: 'auto' | 'off', keeps: boolean, toggle: (keep: boolean) => void) {
  if (mode === 'off') return html`<p class="draft" part="draft">${t.message('draft.notKept')}</p>`;
  return html`<div class="draft" part="draft">
    <span class="save-status" role="status"></span>
    <label class="keep-off"
      ><input type="checkbox" .checked=${!keeps} @change=${(e: Event) => toggle(!(e.target as HTMLInputElement).checked)} /> ${t.message('draft.keepOff')}</label
    >
  </div>`;
}

/** The text of the save status line: the last save's time, also while the next is pending; none when saving failed. */
export function saveStatusText(t: Translator, session: Pick<FormSession, 'save' | 'savedAt'>): string {
  return session.savedAt !== undefined && session.save.status !== 'failed' && session.save.status !== 'off' ? t.message('draft.saved', { time: t.time(session.savedAt) }) : '';
}

/** Why a queued application has not gone yet, or undefined while its first attempt is under way. */
export function waitingNotice(entry: OutboxEntry | undefined, sending: boolean, online: boolean, kept: boolean): MessageKey | undefined {
  if (!entry || entry.state !== 'queued') return undefined;
  if (!online) return kept ? 'outbox.offline' : 'outbox.offlineNotKept';
  if (entry.attempts === 0 || sending) return undefined;
  if (entry.lastProblem === '429') return 'outbox.busy';
  return kept ? 'outbox.waiting' : 'outbox.waitingNotKept';
}

/** The message for an application the agency refused as it was (413, 415…): what the citizen can do. */
export function refusedNotice(status: number | undefined): MessageKey {
  return status === 413 ? 'submit.tooLarge' : status === 415 ? 'submit.fileType' : 'submit.server';
}

/**
 * Under the receipt: the answers the citizen changed after the agency had received the application, with the
 * choice to send them as a correction or to keep the application as received; then the correction's progress.
 */
export function correctionView(engine: FormEngine, t: Translator, session: FormSession, correction: { receipt?: string }, actions: { send(): void; keep(): void }) {
  const entry = session.submission;
  if (correction.receipt) return html`<p class="correction" role="status">${t.message('correction.sent', { receipt: correction.receipt })}</p>`;
  if (entry?.corrects && entry.state === 'queued') return html`<p class="correction" role="status">${t.message('correction.waiting')}</p>`;
  const differences = session.differences();
  if (!entry?.wanted || differences.length === 0) return nothing;
  const before = entry.body;
  const after = entry.wanted.body;
  return html`<section class="correction" aria-labelledby="correction-title">
    <h2 id="correction-title" class="step-title" tabindex="-1">${t.message('correction.title')}</h2>
    <p>${t.message('correction.body', { receipt: entry.receipt!.receipt })}</p>
    <dl>
      ${differences.map((d) => {
        const label = t.text(engine.model.field(d.path)?.item.label ?? {});
        const was = answerText(engine, t, before, d.path);
        const is = answerText(engine, t, after, d.path);
        return html`<div class="difference">
          <dt lang=${t.fallbackLang(label) ?? nothing}>${label.text || d.path}</dt>
          <dd><span class="visually-hidden">${t.message('correction.received')}: </span><del lang=${was.valueLang ?? nothing}>${was.value}</del></dd>
          <dd><span class="visually-hidden">${t.message('correction.now')}: </span><ins lang=${is.valueLang ?? nothing}>${is.value}</ins></dd>
        </div>`;
      })}
    </dl>
    <div class="nav">
      <button type="button" class="primary" @click=${actions.send}>${t.message('correction.send')}</button>
      <button type="button" class="secondary" @click=${actions.keep}>${t.message('correction.keep')}</button>
    </div>
  </section>`;
}
