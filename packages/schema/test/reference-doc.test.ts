// docs/reference/definition.md is generated from the meta-schema: the committed file must be what the generator
// prints now, so the reference never says something the loader does not enforce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectedReference, renderDefinitionReference, REFERENCE_FILE, REGENERATE, SCHEMA_FILE } from '../../../scripts/docs/definition-reference.js';

test('docs/reference/definition.md is the one generated from definition.schema.json', () => {
  const committed = readFileSync(REFERENCE_FILE, 'utf8');
  assert.ok(committed === expectedReference(), `docs/reference/definition.md is out of date with the meta-schema: regenerate it with\n  ${REGENERATE}\nand commit it`);
});

test('every property of the meta-schema has a description the reference can show', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  delete schema.$defs.step.properties.items.description;
  assert.throws(() => renderDefinitionReference(schema), /no description at \/\$defs\/step\/properties\/items/);
});

test('a definition the meta-schema gains is placed in the reference, not silently left out', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  schema.$defs.newThing = { type: 'object', description: 'new' };
  assert.throws(() => renderDefinitionReference(schema), /place newThing in ORDER/);
});
