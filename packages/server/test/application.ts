/** A complete, valid application to an example form, as JSON text produced the way the browser produces it. */
import type { Attachment } from '@formosa/schema';
import { FormEngine } from '@formosa/engine';
import { answers, example } from '../../../examples/fixtures.js';

/** `file`: the uploaded file every file field of the form gets (else the fixtures' stand-in, which no server holds). */
export function applicationText(formId: string, file?: Attachment): string {
  const engine = new FormEngine(example(formId));
  const state = answers(formId, ...(file ? [() => file] : [])).reduce((s, [path, value]) => engine.change(s, path, value), engine.init());
  return JSON.stringify(engine.data(state));
}
