/** The form's views that are pure templates of its state: stepper, review, receipt, and a broken definition's problems. */
import { html, nothing } from 'lit';
import type { Problem } from '@formosa/schema';
import type { FormEngine, Receipt } from '@formosa/engine';
import type { MessageKey, Translator } from '@formosa/i18n';
import { REVIEW, SUBMITTING, type WorkflowContext } from '@formosa/workflow';
import type { StepperStep } from '../stepper/stepper.js';
import { reviewSections } from './review-rows.js';
import { refusedNotice } from './session-views.js';
import type { ReopenKit } from '../reopen/reopen-kit.js';

/** "Step n of m" and the steps shown for the answers so far, the review last. */
export function stepperView(engine: FormEngine, context: WorkflowContext, t: Translator, view: string) {
  const { form, visited } = context;
  const shown = engine.shownSteps(form);
  const onReview = view === REVIEW || view === SUBMITTING;
  const index = onReview ? shown.length : shown.findIndex((s) => s.id === view);
  const steps: StepperStep[] = shown.map((step, i) => {
    const title = t.text(step.title);
    return { id: step.id, title: title.text, ...(t.fallbackLang(title) ? { lang: title.lang } : {}), state: i < index ? 'done' : i === index ? 'current' : 'todo', reachable: visited.includes(step.id) };
  });
  steps.push({ id: REVIEW, title: t.message('stepper.review'), state: onReview ? 'current' : 'todo', reachable: false });
  return html`<formosa-stepper
    label=${t.message('stepper.label')}
    progress=${t.message('stepper.progress', { current: index + 1, total: steps.length })}
    done-text=${t.message('stepper.done')}
    current-text=${t.message('stepper.current')}
    .steps=${steps}
  ></formosa-stepper>`;
}

/**
 * "Check your answers", with what went wrong at the last submission (or why it waits in the outbox), and Send /
 * Back; while it waits, "Change my answers" instead of Back.
 */
export function reviewView(engine: FormEngine, context: WorkflowContext, t: Translator, view: string, actions: { submit(): void; back(): void; edit(): void }, waiting?: MessageKey, reopen?: ReopenKit) {
  const sections = reviewSections(engine, context.form, t);
  const { submitError } = context;
  const busy = view === SUBMITTING;
  const failure: MessageKey | undefined = submitError
    ? submitError.kind === 'network' ? 'submit.network' : submitError.kind === 'rejected' ? 'submit.rejected' : refusedNotice(submitError.status)
    : undefined;
  const notice = waiting ?? failure;
  // The failure is told right above Send, where the citizen is (on a phone, the review's top is screens away),
  // and takes focus. While sending, Send stays focusable (aria-disabled): a disabled button would drop focus to <body>.
  return html`<h2 class="step-title" tabindex="-1">${t.message('review.title')}</h2>
    <p class="description">${t.message('review.intro')}</p>
    <formosa-review
      change-text=${t.message('review.change')}
      .changeLabel=${(label: string) => t.message('review.changeLabel', { label })}
      .sections=${reopen?.review(t, sections) ?? sections}
    ></formosa-review>
    ${notice ? html`<p class="notice" role="alert" tabindex="-1">${t.message(notice)}</p>` : nothing}
    <div class="nav">
      <button type="button" class="primary" aria-disabled=${busy ? 'true' : nothing} @click=${actions.submit}>
        ${busy ? t.message('nav.submitting') : t.message('nav.submit')}
      </button>
      ${busy && waiting
        ? html`<button type="button" class="secondary" @click=${actions.edit}>${t.message('outbox.edit')}</button>`
        : html`<button type="button" class="secondary" ?disabled=${busy} @click=${actions.back}>${t.message('nav.back')}</button>`}
    </div>
    <p class="visually-hidden" role="status">${busy && !waiting ? t.message('nav.submitting') : ''}</p>`;
}

/** The receipt panel: number, time, QR code, Print. */
export function receiptView(t: Translator, receipt: Receipt) {
  return html`<formosa-receipt
    heading=${t.message('receipt.title')}
    number-label=${t.message('receipt.number')}
    receipt=${receipt.receipt}
    details=${receipt.submittedAt ? t.message('receipt.submittedAt', { time: t.dateTime(receipt.submittedAt) }) : nothing}
    qr-label=${t.message('receipt.qr')}
    print-label=${t.message('receipt.print')}
    ><p>${t.message('receipt.keep')}</p>${receipt.secret ? html`<p>${t.message('receipt.secret', { secret: receipt.secret })}</p>` : nothing}</formosa-receipt
  >`;
}

/** A broken definition: every problem with its path and line, never a blank page. */
export function problemsView(t: Translator, problems: readonly Problem[]) {
  return html`<div class="definition-error" role="alert" part="definition-error">
    <h2>${t.message('form.definitionError.title')}</h2>
    <p>${t.message('form.definitionError.body', { count: problems.length })}</p>
    <ul>
      ${problems.map((p) => html`<li><code>${p.path || '/'}</code>${p.line ? html` (line ${p.line}, column ${p.column})` : nothing}: ${p.message}</li>`)}
    </ul>
  </div>`;
}
