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
import type { Fingerprinted, Judgement, ToJudge } from './judges.js';

const engines = new Map<string, Promise<FormEngine>>();

parentPort!.on('message', (message: ToJudge) => {
  const answer = (work: () => Promise<unknown>) =>
    work().then(
      (result) => parentPort!.postMessage({ id: message.id, result }),
      (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  if (message.kind === 'prepare') answer(() => prepare(message.definition));
  else if (message.kind === 'fingerprint') answer(async () => fingerprintOf(message.text));
  else answer(async () => judge(await engines.get(message.form)!, message.text));
});

async function prepare(definition: FormDefinition): Promise<string> {
  const source = compileStandaloneValidator(definition.schema);
  const engine = source.then(importValidator).then((validator) => new FormEngine(definition, { validator }));
  engine.catch(() => undefined); // reported to whoever asks for a judgement
  engines.set(definition.id, engine);
  return source;
}

/** The parsed body, or `malformed` when the text is not JSON. */
function parse(text: string): { body: unknown } | { malformed: true } {
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { malformed: true };
  }
}

/** What a lookup proves it holds: the fingerprint `judge` stores, of the body as sent (before the engine's changes). */
function fingerprintOf(text: string): Fingerprinted {
  const parsed = parse(text);
  return 'malformed' in parsed ? parsed : { fingerprint: fingerprint(parsed.body) };
}

function judge(engine: FormEngine, text: string): Judgement {
  const parsed = parse(text);
  if ('malformed' in parsed) return parsed;
  const { body } = parsed;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { errors: [{ path: '', code: 'type', params: { type: 'object' } }] };
  // Sizes first, in one bounded pass: nothing larger than the definition allows reaches the rules.
  const oversized = engine.bounds(body as Data);
  if (oversized.length > 0) return { errors: oversized };
  const state = engine.init(body as Data);
  const errors = engine.validate(state);
  if (errors.length > 0) return { errors: errors.slice(0, MAX_ERRORS), truncated: errors.length > MAX_ERRORS };
  return { data: engine.data(state), fingerprint: fingerprint(body) };
}
