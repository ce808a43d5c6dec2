import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileStandaloneValidator, createAjv } from '@formosa/schema/node';

const definition = JSON.parse(readFileSync(new URL('../../../examples/forms/rent-subsidy.json', import.meta.url), 'utf8'));

test('a standalone validator is one self-contained module without eval, and judges data exactly like run-time ajv', async () => {
  const source = await compileStandaloneValidator(definition.schema);
  assert.doesNotMatch(source, /new Function|\beval\(/);
  assert.doesNotMatch(source, /(^|;)\s*import[\s{*]|\bimport\(/m, 'no imports left: the ajv runtime helpers are bundled in');
  const file = join(mkdtempSync(join(tmpdir(), 'formosa-')), 'validator.js');
  writeFileSync(file, source);
  const standalone = (await import(pathToFileURL(file).href)).default;
  const runtime = createAjv().compile(definition.schema);
  const samples = [
    {},
    { applicant: { name: 'x'.repeat(60), nationalId: 'A123456789', email: 'not-checked-by-ajv' }, bank: { code: '999', account: '12' }, declaration: false },
    { household: { composition: 'with-family', members: [] }, rental: { monthlyRent: 1.5 }, extra: 1 },
  ];
  for (const sample of samples) {
    assert.equal(standalone(sample), runtime(sample));
    const strip = (errors?: { instancePath: string; keyword: string; params: unknown }[] | null) => (errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
    assert.deepEqual(strip(standalone.errors), strip(runtime.errors));
  }
});

test('an unknown keyword in a data schema is an error, not silently ignored', () => {
  assert.throws(() => createAjv().compile({ type: 'object', properties: { name: { type: 'string', maxlength: 5 } } }), /unknown keyword: "maxlength"/);
});
