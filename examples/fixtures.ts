/** Test fixtures shared by every package's Node tests: the example definitions and complete answers to them. */
import { readFileSync } from 'node:fs';
import { requireDefinition, type FormDefinition } from '@formosa/schema';

/** The text of an example definition in examples/forms. */
export function exampleText(name: string): string {
  return readFileSync(new URL(`./forms/${name}.json`, import.meta.url), 'utf8');
}

/** An example definition, loaded and checked. */
export function example(name: string): FormDefinition {
  return requireDefinition(exampleText(name));
}

/** A complete, valid set of answers to an example form, as [pointer, value] pairs in page order. */
export function answers(name: string): [string, unknown][] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.answers.json`, import.meta.url), 'utf8')).answers;
}
