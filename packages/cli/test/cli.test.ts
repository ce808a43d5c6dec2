import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '@formosa/cli';

const example = new URL('../../../examples/forms/rent-subsidy.json', import.meta.url).pathname;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

test('validate: a good definition is ok, with exit code 0', async () => {
  const { code, out } = await run('validate', example);
  assert.equal(code, 0);
  assert.match(out.at(-1)!, /rent-subsidy\.json: ok \(rent-subsidy 2026\.1\.0\)/);
});

test('validate: each problem is printed as file:line:column with its path and reason, exit code 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-cli-'));
  const file = join(dir, 'broken.json');
  const text = readFileSync(example, 'utf8').replace('"field": "/applicant/name"', '"field": "/applicant/nmae"').replace('"widget": "radio"', '"widget": "radios"');
  writeFileSync(file, text);
  const { code, err } = await run('validate', file);
  assert.equal(code, 1);
  const widgetLine = text.split('\n').findIndex((l) => l.includes('"radios"')) + 1;
  assert.ok(err.some((l) => l.startsWith(`${file}:${widgetLine}:`) && l.includes('/widget: must be one of')), err.join('\n'));
});

test('validate: typos in the data schema\'s keywords are refused with "did you mean", never silently ignored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-cli-'));
  const file = join(dir, 'typos.json');
  // `requried` would make every answer optional, `minlength` would leave the name unchecked.
  const text = readFileSync(example, 'utf8').replace('"required": [\n          "name",\n          "nationalId"', '"requried": [\n          "name",\n          "nationalId"').replace('"minLength": 2', '"minlength": 2');
  assert.notEqual(text, readFileSync(example, 'utf8'));
  writeFileSync(file, text);
  const { code, err } = await run('validate', file);
  assert.equal(code, 1);
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  assert.ok(err.some((l) => l.startsWith(`${file}:${lineOf('"requried"')}:`) && l.includes('unknown keyword "requried" (did you mean "required"?)')), err.join('\n'));
  assert.ok(err.some((l) => l.startsWith(`${file}:${lineOf('"minlength"')}:`) && l.includes('unknown keyword "minlength" (did you mean "minLength"?)')), err.join('\n'));
});

test('validate: every planted problem is reported in one run, whatever kind each is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-cli-'));
  const file = join(dir, 'planted.json');
  const original = readFileSync(example, 'utf8');
  const planted: [string, string, string][] = [
    // [what is written, what replaces it, the code it must produce]
    ['"minLength": 2', '"minlength": 2', 'unknown_keyword'], // a data-schema keyword
    ['"format": "tw-national-id"', '"format": "tw-nationalid"', 'unknown_format'], // a format
    ['"field": "/applicant/name"', '"field": "/applicant/nmae"', 'unknown_data_property'], // a binding
    ['"widget": "radio"', '"widget": "radios"', 'wrong_value'], // the shape (meta-schema)
    ['"hint": {', '"hitn": {', 'unknown_property'], // a field property
    ['"var": "/household/composition"', '"var": "/household/compostion"', 'unknown_data_property'], // a rule
    ['"defaultLocale": "zh-Hant-TW"', '"defaultLocale": "zh-Hant-TX"', 'default_locale_not_listed'], // texts
  ];
  let text = original;
  for (const [from, to] of planted) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
  const { code, err } = await run('validate', file);
  assert.equal(code, 1);
  for (const [, to, expected] of planted) {
    const line = text.split('\n').findIndex((l) => l.includes(to)) + 1;
    assert.ok(err.some((l) => l.startsWith(`${file}:${line}:`) && l.endsWith(`[${expected}]`)), `${to} → ${expected} at line ${line}\n${err.join('\n')}`);
  }
});

test('compile: writes a validator module that validates the data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formosa-cli-'));
  const target = join(dir, 'rent-subsidy.validator.js');
  const { code } = await run('compile', example, '-o', target);
  assert.equal(code, 0);
  const validate = (await import(pathToFileURL(target).href)).default;
  assert.equal(validate({}), false);
  assert.ok(validate.errors.some((e: { params: { missingProperty?: string } }) => e.params.missingProperty === 'applicant'));
});

test('unknown commands print the usage with exit code 2', async () => {
  const { code, err } = await run('frobnicate');
  assert.equal(code, 2);
  assert.match(err[0]!, /Usage:/);
});
