/**
 * The cold benchmark's hand-written Lit page: the same first step as the plain-DOM page, each field a LitElement with
 * its own shadow root holding its label, hint and native control (the accessible shape Formosa's fields keep: all in
 * one tree), styled like the plain page by one shared style sheet. No form, no rules, no validation, no languages:
 * the floor of the architecture the project chose (Lit elements with Shadow DOM), to set Formosa's figures against.
 */
import { LitElement, css, html, nothing } from 'lit';
import { showFirstStep, type Question } from './cold-questions.js';

class BenchField extends LitElement {
  static override properties = { question: { attribute: false } };
  static override styles = css`
    :host { display: block; margin-bottom: 1.5rem; }
    fieldset { border: 0; padding: 0; margin: 0; }
    label, legend { display: block; font-weight: 700; margin-bottom: 0.25rem; }
    .option { display: flex; gap: 0.5rem; min-height: 2.75rem; }
    .option label { font-weight: 400; }
    .hint { color: #505a5f; margin: 0 0 0.5rem; }
    input, select { box-sizing: border-box; font: inherit; width: 100%; max-width: 30em; min-height: 2.5rem; padding: 0.3rem 0.5rem; border: 2px solid #505a5f; }
    input[type='checkbox'], input[type='radio'] { width: 1.75rem; height: 1.75rem; min-height: 0; }
  `;
  declare question: Question;

  override render() {
    const q = this.question;
    const hint = q.hint !== undefined ? html`<p class="hint" id="hint">${q.hint}</p>` : nothing;
    const c = q.control;
    if ('radios' in c) {
      return html`<fieldset><legend>${q.label}</legend>${hint}${c.radios.map((label, i) => html`<div class="option"><input type="radio" name="choice" id=${`o${i}`} /><label for=${`o${i}`}>${label}</label></div>`)}</fieldset>`;
    }
    const described = q.hint !== undefined ? 'hint' : nothing;
    const control = 'select' in c
      ? html`<select id="control" aria-describedby=${described}><option>—</option>${c.select.map((label) => html`<option>${label}</option>`)}</select>`
      : html`<input id="control" type=${c.input} aria-describedby=${described} />`;
    return html`<label for="control">${q.label}</label>${hint}${control}`;
  }
}
customElements.define('bench-field', BenchField);

showFirstStep((q) => {
  const el = document.createElement('bench-field') as BenchField;
  el.dataset['field'] = q.field;
  el.question = q;
  return el;
});
