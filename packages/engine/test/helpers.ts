import { readFileSync } from 'node:fs';
import { requireDefinition, type FormDefinition } from '@formosa/schema';

/** Loads an example definition from examples/forms. */
export function example(name: string): FormDefinition {
  return requireDefinition(readFileSync(new URL(`../../../examples/forms/${name}.json`, import.meta.url), 'utf8'));
}
