/**
 * The preview page's own script (served as /preview.js; it runs in the browser and imports nothing at run time):
 * follows the preview's server-sent events, shows the definition's problems, and reloads the form at each save,
 * keeping the answers typed so far.
 */

// A type only, erased from the script: the page shares nothing with the server but the state's JSON.
import type { DefinitionState } from './watched-definition.js';

/** The parts of `<formosa-form>` the page uses (the bundle defines the element; its types are not imported here). */
interface FormElement extends HTMLElement {
  data: unknown;
  values: unknown;
  locale: string | undefined;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<FormElement>('form');
const status = byId<HTMLElement>('status');
let shownRevision = 0;

function showProblems(state: DefinitionState): void {
  const section = byId<HTMLElement>('problems');
  section.hidden = state.problems.length === 0;
  section.classList.toggle('warnings', state.ok);
  const count = state.problems.length;
  byId<HTMLElement>('problems-heading').textContent = state.ok
    ? `${state.file}: ${count} warning${count === 1 ? '' : 's'}`
    : `${state.file} has ${count} problem${count === 1 ? '' : 's'}; the form is shown again once they are fixed`;
  byId<HTMLElement>('problem-list').replaceChildren(
    ...state.problems.map((problem) => {
      const item = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = problem.line ? `${state.file}:${problem.line}:${problem.column}` : state.file;
      item.append(where, ` ${problem.path || '(document)'}: ${problem.message} [${problem.code}]`);
      return item;
    }),
  );
}

function show(state: DefinitionState): void {
  showProblems(state);
  byId<HTMLElement>('form-area').hidden = !state.ok;
  const time = new Date().toLocaleTimeString();
  status.textContent = state.ok ? `${state.file} (${state.id} ${state.version}), as saved at ${time}` : `${state.file} has problems (${time})`;
  if (!state.ok) {
    byId<HTMLElement>('problems').focus();
    return;
  }
  if (state.revision === shownRevision) return;
  shownRevision = state.revision;
  const switcher = document.querySelector('formosa-language-switcher');
  if (switcher && state.locales) switcher.setAttribute('locales', state.locales.join(','));
  // The answers typed so far start the new version (those it has no place for are dropped by the form).
  const answers = form.data;
  if (answers) form.values = answers;
  form.setAttribute('validator-src', `/validator.js?revision=${state.revision}`);
  form.setAttribute('src', `/definition.json?revision=${state.revision}`);
}

const events = new EventSource('/events');
events.addEventListener('state', (event) => show(JSON.parse((event as MessageEvent<string>).data) as DefinitionState));
events.addEventListener('submission', (event) => {
  const { data } = JSON.parse((event as MessageEvent<string>).data) as { data: unknown };
  byId<HTMLElement>('sent').hidden = false;
  byId<HTMLElement>('sent-data').textContent = JSON.stringify(data, null, 2);
});
events.addEventListener('error', () => {
  status.textContent = 'The preview has stopped (start it again: this page reconnects)';
});
document.addEventListener('formosa-locale-change', (event) => {
  form.locale = (event as Event & { locale: string }).locale;
});

