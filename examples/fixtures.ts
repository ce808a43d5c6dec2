/** Test fixtures shared by every package's Node tests: the example definitions and complete answers to them. */
import { readFileSync, statSync } from 'node:fs';
import { requireDefinition, type Attachment, type FormDefinition } from '@formosa/schema';

/** The text of an example definition in examples/forms. */
export function exampleText(name: string): string {
  return readFileSync(new URL(`./forms/${name}.json`, import.meta.url), 'utf8');
}

/** An example definition, loaded and checked. */
export function example(name: string): FormDefinition {
  return requireDefinition(exampleText(name));
}

/** A file answer is written "@file:lease.pdf": a file in examples/fixtures, uploaded the way a citizen would. */
export function fixtureFile(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('@file:') ? new URL(`./fixtures/${value.slice(6)}`, import.meta.url).pathname : undefined;
}

/** The reference an upload of a fixture file would produce, for tests that do not upload (engine, workflow). */
export function fixtureAttachment(value: unknown): Attachment {
  const path = fixtureFile(value)!;
  const name = path.split('/').pop()!;
  return { id: `fixture-${name}`, name, type: name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg', size: statSync(path).size };
}

/** Complete answers as typed in a browser, [pointer, value] in page order; file answers are "@file:" markers. */
export function typedAnswers(name: string): [string, unknown][] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.answers.json`, import.meta.url), 'utf8')).answers;
}

/** Complete answers with each file answer as its upload's reference (by default a local one; see fixtureAttachment). */
export function answers(name: string, attach: (value: unknown) => Attachment = fixtureAttachment): [string, unknown][] {
  return typedAnswers(name).map(([path, value]) => [path, fixtureFile(value) ? [attach(value)] : value]);
}
