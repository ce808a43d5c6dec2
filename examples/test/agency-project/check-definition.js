// Run inside the agency's project (installed from the tarballs): loads a definition with @formosa/schema, then lets
// @formosa/engine judge empty answers; and shows a broken copy of it rejected. Prints what it saw as JSON.
import { readFileSync } from 'node:fs';
import { loadDefinition } from '@formosa/schema';
import { FormEngine } from '@formosa/engine';

const text = readFileSync(process.argv[2], 'utf8');
const loaded = loadDefinition(text);
if (!loaded.ok) throw new Error(`the example does not load: ${JSON.stringify(loaded.problems)}`);
const engine = new FormEngine(loaded.definition);
const errors = engine.validate(engine.init({}), { step: loaded.definition.steps[0].id });

// A designer's slip: the first step pasted twice (as text, so each problem carries its line).
const definition = JSON.parse(text);
const rejected = loadDefinition(JSON.stringify({ ...definition, steps: [definition.steps[0], ...definition.steps] }, null, 2));

console.log(JSON.stringify({
  id: loaded.definition.id,
  errors: errors.map((e) => ({ path: e.path, code: e.code })),
  rejected: rejected.ok ? false : rejected.problems.map((p) => ({ path: p.path, code: p.code, line: p.line })),
}));
