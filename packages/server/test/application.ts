/** A complete, valid application to an example form, as JSON text produced the way the browser produces it. */
import { FormEngine } from '@formosa/engine';
import { answers, example } from '../../../examples/fixtures.js';

export function applicationText(formId: string): string {
  const engine = new FormEngine(example(formId));
  const state = answers(formId).reduce((s, [path, value]) => engine.change(s, path, value), engine.init());
  return JSON.stringify(engine.data(state));
}
