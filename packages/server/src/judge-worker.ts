/**
 * The worker thread that compiles each form's validator and judges submissions with it: parsing, sizes, rules and
 * the data schema, the costly part of a request, run here, so a hostile body never holds up the server's own
 * thread (its health, its files, other forms' receipts).
 */
import { parentPort } from 'node:worker_threads';
import { compileStandaloneValidator } from '@formosa/schema/node';
import { FormEngine, MAX_ERRORS, type Data } from '@formosa/engine';
import type { FormDefinition } from '@formosa/schema';
import { fingerprint } from './fingerprint.js';
import { importValidator } from './judges.js';
import type { Judgement, ToJudge } from './judges.js';

const engines = new Map<string, Promise<FormEngine>>();

parentPort!.on('message', (message: ToJudge) => {
  const answer = (work: () => Promise<unknown>) =>
    work().then(
      (result) => parentPort!.postMessage({ id: message.id, result }),
      (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  if (message.kind === 'prepare') answer(() => prepare(message.definition));
  else answer(async () => judge(await engines.get(message.form)!, message.text));
});

async function prepare(definition: FormDefinition): Promise<string> {
  const source = compileStandaloneValidator(definition.schema);
  const engine = source.then(importValidator).then((validator) => new FormEngine(definition, { validator }));
  engine.catch(() => undefined); // reported to whoever asks for a judgement
  engines.set(definition.id, engine);
  return source;
}

function judge(engine: FormEngine, text: string): Judgement {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { malformed: true };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { errors: [{ path: '', code: 'type', params: { type: 'object' } }] };
  // Sizes first, in one bounded pass: nothing larger than the definition allows reaches the rules.
  const oversized = engine.bounds(body as Data);
  if (oversized.length > 0) return { errors: oversized };
  const state = engine.init(body as Data);
  const errors = engine.validate(state);
  if (errors.length > 0) return { errors: errors.slice(0, MAX_ERRORS), truncated: errors.length > MAX_ERRORS };
  return { data: engine.data(state), fingerprint: fingerprint(body) };
}
