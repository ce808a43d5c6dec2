/**
 * What `<formosa-form>` needs to update an application the agency reopened ("more information requested"), loaded
 * only when the page holds a hand-over from `<formosa-status>` (a lazy chunk of the drop-in bundle): the hand-over,
 * the previous answers from the agency, the journey the session follows, and the words and marks the form shows.
 *
 * The hand-over (sessionStorage `formosa-reopen`, this tab and origin only) stays until the resubmission is stored:
 * a reload during the journey opens it again, with the citizen's changes from the draft kept on this device (under
 * a draft key of its own, so an unrelated application of the same form in progress is not touched).
 */
import type { FormDefinition } from '@formosa/schema';
import type { FormEngine } from '@formosa/engine';
import type { Translator } from '@formosa/i18n';
import { reopenedJourney, viewOf, type FormSession, type ReopenedJourney } from '@formosa/session';
import { REVIEW, SUBMITTED } from '@formosa/workflow';
import { REOPEN_KEY, type ReopenHandover } from '../status/status-client.js';
import type { ReviewSection } from '../review/review.js';
import { reopenText, type ReopenTextKey } from './reopen-texts.js';

/** The refusals of a resubmission the citizen is told about in words of their own. */
const REFUSALS: Readonly<Record<string, ReopenTextKey>> = { outside_reopened: 'outside', not_reopened: 'moved', not_found: 'gone' };

/** A reopened application's journey, for the form it belongs to. */
export interface ReopenStart {
  /** The journey's draft key: the form's own and the receipt (an unrelated application in progress stays as it is). */
  readonly draftKey: string;
  /** The journey the session follows, from the previous answers. */
  readonly journey: ReopenedJourney;
}

/**
 * The kit of a hand-over. Until `begin` is given the form it belongs to, the rest does nothing (a hand-over for
 * another form leaves this one as it is).
 */
export interface ReopenKit {
  /** The journey, when `definition` is the application's form; `draftKey` is the form's own. */
  begin(definition: FormDefinition, draftKey: string): ReopenStart | undefined;
  /** The session started: a fresh journey opens at the first reopened step; a stored resubmission ends the hand-over. */
  opened(session: FormSession): void;
  /** What the form shows above the step, the review or the receipt: the agency's request, a refusal, or "updated". */
  view(t: Translator, view: string, session: FormSession): Node | undefined;
  /** Answers outside the reopened steps, read-only with the reason. */
  origin(t: Translator, engine: FormEngine): ((path: string) => { locked: boolean; provenance: string; reason: string } | undefined) | undefined;
  /** The review: the steps not reopened have no Change links, and say why. */
  review(t: Translator, sections: ReviewSection[]): ReviewSection[];
}

/** The hand-over `<formosa-status>` left in this tab, if any (a malformed one is ignored). */
export function readHandover(): ReopenHandover | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(REOPEN_KEY) ?? 'null') as Partial<ReopenHandover> | null;
    const ok = value && typeof value.formId === 'string' && typeof value.receipt === 'string' && typeof value.secret === 'string' && Array.isArray(value.reopen);
    return ok ? (value as ReopenHandover) : undefined;
  } catch {
    return undefined;
  }
}

/** The hand-over has served (stored, or no longer valid): a reload opens the ordinary form. */
function endHandover(): void {
  try {
    sessionStorage.removeItem(REOPEN_KEY);
  } catch {
    // Storage refused: nothing was kept.
  }
}

/** `POST /api/status/answers` beside the form's definition (`…/api/forms/:id` → `…/api/status/answers`). */
function answersUrl(src: string | undefined): string {
  const base = new URL(src ?? '/api/forms/-', document.baseURI);
  return new URL(base.pathname.replace(/\/forms\/[^/]+$/, '/status/answers'), base).href;
}

const element = (tag: string, attributes: Record<string, string>, ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

/**
 * Reads the hand-over and fetches the answers the agency holds. Rejects (with the HTTP `status`) when they cannot be
 * fetched; a 404 (the code no longer valid) or 409 (nothing reopened any more) also ends the hand-over.
 * @example
 * const kit = await openReopened('/api/forms/rent-subsidy');
 * const reopen = kit?.begin(definition, definition.id);
 * if (reopen) session = createFormSession({ ..., draftKey: reopen.draftKey, reopened: reopen.journey }, ports);
 */
export async function openReopened(src: string | undefined, doFetch: typeof fetch = fetch): Promise<ReopenKit | undefined> {
  const handover = readHandover();
  if (!handover) return undefined;
  const response = await doFetch(answersUrl(src), {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ receipt: handover.receipt, secret: handover.secret }), credentials: 'omit', cache: 'no-store',
  });
  if (response.status === 404 || response.status === 409) endHandover();
  if (!response.ok) throw Object.assign(new Error(`The application's answers could not be fetched (${response.status})`), { status: response.status });
  const previous = (await response.json()) as { formId: string; reopen: string[]; data: Record<string, unknown> };
  // The server's list is the truth (the caseworker may have reopened other steps since the page was handed over).
  const steps = previous.reopen;
  const open = new Set(steps);
  const views = new Map<string, Node>();
  /** One node per locale and state, so a re-render keeps it (and the focus in it). */
  const once = (key: string, make: () => Node) => views.get(key) ?? (views.set(key, make()), views.get(key)!);
  let definition: FormDefinition | undefined;
  /** The refusal told on this visit of the review. */
  let told: { key: string; refusal: ReopenTextKey } | undefined;
  const titles = (t: Translator) => new Intl.ListFormat(t.locale).format((definition?.steps ?? []).filter((s) => open.has(s.id)).map((s) => t.text(s.title).text));
  return {
    begin(given, draftKey) {
      definition = given.id === previous.formId ? given : undefined;
      if (!definition) return undefined;
      return { draftKey: `${draftKey}:${handover.receipt}`, journey: reopenedJourney(given, { receipt: handover.receipt, secret: handover.secret }, steps, previous.data) };
    },
    opened(session) {
      if (!definition) return;
      const first = session.engine.shownSteps(session.snapshot.context.form).find((s) => open.has(s.id));
      if (!session.restored && first && viewOf(session.snapshot) === REVIEW) session.send({ type: 'GOTO', step: first.id });
      const ended = () => session.submission?.state === 'sent' && (endHandover(), true);
      if (!ended()) {
        const stop = session.subscribe((change) => change === 'submission' && ended() && stop());
      }
    },
    view(t, view, session) {
      if (!definition) return undefined;
      const say = (key: ReopenTextKey, params?: Record<string, string>) => reopenText(t.locale, key, params);
      if (view === SUBMITTED) return once(`${t.locale}:sent`, () => element('p', { class: 'correction', role: 'status', part: 'reopen-notice' }, say('sent')));
      const entry = session.submission;
      const refusal = entry?.state === 'refused' && entry.code ? REFUSALS[entry.code] : undefined;
      // Told until the citizen leaves the review: the outbox may let go of a refused entry meanwhile.
      if (view !== REVIEW) told = undefined;
      else if (refusal) told = { key: entry!.key, refusal };
      // A refusal is read out as an alert and takes focus. The form focuses the first `.notice` when a Send fails,
      // which may be drawn before this one (the outbox's refusal arrives a moment after the journey's): so this one
      // takes focus itself, once it is on the page.
      if (told) {
        const { key, refusal: reason } = told;
        return once(`${t.locale}:${key}`, () => {
          const notice = element('p', { class: 'notice', role: 'alert', tabindex: '-1', part: 'reopen-notice' }, say(reason));
          requestAnimationFrame(() => {
            if (!notice.isConnected) return;
            notice.scrollIntoView({ block: 'center' });
            notice.focus({ preventScroll: true });
          });
          return notice;
        });
      }
      return once(`${t.locale}:request`, () => {
        const note = handover.note;
        return element('div', { class: 'mydata-notice', part: 'reopen-notice' },
          element('p', {}, element('strong', {}, say('title'))),
          ...(note ? [element('p', { class: 'note' }, `${say('note')} ${note}`)] : []),
          element('p', {}, say('steps', { steps: titles(t) })));
      });
    },
    origin(t, engine) {
      if (!definition) return undefined;
      const reason = reopenText(t.locale, 'locked');
      return (path) => (open.has(engine.stepOf(path) ?? '') ? undefined : { locked: true, provenance: '', reason });
    },
    review(t, sections) {
      if (!definition) return sections;
      const reason = reopenText(t.locale, 'locked');
      return sections.map((section) => open.has(section.step) ? section : {
        ...section,
        title: t.locale.startsWith('zh') ? `${section.title}（${reason}）` : `${section.title} (${reason})`,
        lists: section.lists.map((list) => ({ ...list, rows: list.rows.map((row) => ({ ...row, changeable: false })) })),
      });
    },
  };
}
