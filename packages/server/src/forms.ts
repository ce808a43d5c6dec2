/** The definitions the server serves and receives, each with its engine and its browser validator. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDefinition, formatProblem, type FormDefinition } from '@formosa/schema';
import { compileStandaloneValidator, createAjv } from '@formosa/schema/node';
import { FormEngine } from '@formosa/engine';

export interface ServedForm {
  readonly definition: FormDefinition;
  /** The same engine the browser runs, with a validator compiled at run time. */
  readonly engine: FormEngine;
  /** The ES module the browser imports to validate without eval (compiled on first request). */
  validatorSource(): Promise<string>;
}

/**
 * Loads every `*.json` definition of a folder. A definition with problems stops the server with the list,
 * so a designer never deploys a broken form.
 */
export async function loadForms(folder: string): Promise<Map<string, ServedForm>> {
  const forms = new Map<string, ServedForm>();
  const failures: string[] = [];
  const ajv = createAjv();
  for (const name of (await readdir(folder)).filter((f) => f.endsWith('.json')).sort()) {
    const result = loadDefinition(await readFile(join(folder, name), 'utf8'));
    if (!result.ok) {
      failures.push(...result.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, name)));
      continue;
    }
    const definition = result.definition;
    let source: Promise<string> | undefined;
    let engine: FormEngine;
    try {
      engine = new FormEngine(definition, { validator: ajv.compile(definition.schema as object) });
    } catch (error) {
      // The gate refuses what cannot be compiled; should anything slip through, it is still this file's problem.
      failures.push(`${name} error (document): ${error instanceof Error ? error.message : String(error)} [internal]`);
      continue;
    }
    forms.set(definition.id, { definition, engine, validatorSource: () => (source ??= compileStandaloneValidator(definition.schema)) });
  }
  if (failures.length) throw new Error(`Definitions with problems in ${folder}:\n${failures.join('\n')}`);
  return forms;
}
