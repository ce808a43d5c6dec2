/**
 * The cold benchmark's plain-DOM page: fetches the same definition as the Formosa page and builds its first step
 * with `createElement` — per field a label, its hint and a native control (radios in a fieldset), sections as
 * fieldsets — in the same language. No framework, no validation: the floor a page of these questions costs.
 */
import { h, showFirstStep, type Question } from './cold-questions.js';

function field(q: Question): HTMLElement {
  const wrapper = h('div', { className: 'field' });
  wrapper.dataset['field'] = q.field;
  const hint = q.hint !== undefined ? h('p', { className: 'hint', id: `${q.id}-hint` }, q.hint) : undefined;
  const c = q.control;
  if ('radios' in c) {
    const group = h('fieldset', {}, h('legend', {}, q.label), ...(hint ? [hint] : []));
    c.radios.forEach((label, i) => group.append(h('div', { className: 'option' }, h('input', { type: 'radio', name: q.id, id: `${q.id}-${i}` }), h('label', { htmlFor: `${q.id}-${i}` }, label))));
    wrapper.append(group);
    return wrapper;
  }
  const control = 'select' in c ? h('select', { id: q.id }, h('option', {}, '—'), ...c.select.map((label) => h('option', {}, label))) : h('input', { id: q.id, type: c.input });
  if (hint) control.setAttribute('aria-describedby', hint.id);
  wrapper.append(h('label', { htmlFor: q.id }, q.label), ...(hint ? [hint] : []), control);
  return wrapper;
}

showFirstStep(field);
