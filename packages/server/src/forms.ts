/** The definitions the server serves and receives, each with its engine and its browser validator. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDefinition, formatProblem, type FormDefinition } from '@formosa/schema';
import { FormEngine } from '@formosa/engine';
import { Judges } from './judges.js';

export interface ServedForm {
  readonly definition: FormDefinition;
  /** The same engine the browser runs, for what needs no schema validator (fields, files, sizes). */
  readonly engine: FormEngine;
  /**
   * The ES module the browser imports to validate without eval, the one the judging worker validates with too;
   * it rejects if the schema could not be compiled.
   */
  validatorSource(): Promise<string>;
}

/**
 * Loads every `*.json` definition of a folder. A definition with problems stops the server with the list,
 * so a designer never deploys a broken form.
 */
export async function loadForms(folder: string, judges = new Judges()): Promise<Map<string, ServedForm>> {
  const forms = new Map<string, ServedForm>();
  const failures: string[] = [];
  for (const name of (await readdir(folder)).filter((f) => f.endsWith('.json')).sort()) {
    const result = loadDefinition(await readFile(join(folder, name), 'utf8'));
    if (!result.ok) {
      failures.push(...result.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, name)));
      continue;
    }
    const definition = result.definition;
    const engine = new FormEngine(definition);
    // Compiling a large schema takes seconds: it happens in the judging worker while the server already answers.
    const source = judges.prepare(definition);
    // Until asked for, a failure is kept for the first request that needs the validator (never unhandled).
    source.catch(() => undefined);
    forms.set(definition.id, { definition, engine, validatorSource: () => source });
  }
  if (failures.length) throw new Error(`Definitions with problems in ${folder}:\n${failures.join('\n')}`);
  return forms;
}
