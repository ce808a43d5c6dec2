// The exit codes an agency's CI relies on (docs/cli.md): 0 ok, 1 problems found, 2 the command could not run as
// asked. In process through main(), and through bin/formosa.js for the process's own exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@formosa/cli';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = join(root, 'examples/forms/smoke-alarm-subsidy.json');
const missing = join(tmpdir(), 'formosa-no-such-file.json');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function broken(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'formosa-exit-')), 'broken.json');
  writeFileSync(file, readFileSync(example, 'utf8').replace('"widget": "radio"', '"widget": "radios"'));
  return file;
}

test('0: done, nothing wrong', async () => {
  assert.equal((await run('validate', example)).code, 0);
  const help = await run('--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /formosa preview <definition\.json>/);
  assert.match(help.out, /Exit codes: 0 ok; 1 problems found; 2 /);
});

test('1: problems found in a definition (validate, compile, translations, extract, import)', async () => {
  const file = broken();
  for (const args of [['validate', file], ['compile', file, '-o', join(tmpdir(), 'x.validator.js')], ['translations', file], ['extract', file], ['import', file, file]]) {
    const { code, err } = await run(...args);
    assert.equal(code, 1, `${args[0]}: ${err}`);
    assert.match(err, /broken\.json:\d+:\d+ error \/steps\/.*\[wrong_value\]/, args[0]);
  }
});

test('2: usage (no command, an unknown one, arguments missing or wrong)', async () => {
  for (const args of [[], ['frobnicate'], ['validate'], ['import', example], ['compile', example, '-o'], ['preview'], ['preview', example, '--port', 'eighty'], ['preview', example, '--locale', 'zh Hant'], ['preview', example, '--colour', 'red'], ['preview', example, example]]) {
    const { code, err } = await run(...args);
    assert.equal(code, 2, args.join(' '));
    assert.match(err, /Usage:|formosa preview:/, args.join(' '));
  }
});

test('2: a file that cannot be read, for every command (after the others are checked, for validate)', async () => {
  for (const args of [['validate', example, missing], ['compile', missing], ['translations', missing], ['extract', missing], ['import', missing, example], ['import', example, missing], ['preview', missing], ['preview', example, '--bundle', tmpdir()]]) {
    const { code, err } = await run(...args);
    assert.equal(code, 2, args.join(' '));
    assert.match(err, /formosa-no-such-file\.json: no such file|no formosa\.min\.js/, args.join(' '));
  }
  const both = await run('validate', broken(), missing);
  assert.equal(both.code, 2, 'a file missing outranks problems found');
  assert.match(both.err, /\[wrong_value\]/, 'the other file was still checked');
});

test('2: preview cannot listen (the port is taken)', async () => {
  const taken = createServer();
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
  try {
    const { code, err } = await run('preview', example, '--port', String((taken.address() as { port: number }).port));
    assert.equal(code, 2);
    assert.match(err, /port \d+ is in use/);
  } finally {
    taken.close();
  }
});

test('the process exits with the same codes (bin/formosa.js)', () => {
  const bin = join(root, 'packages/cli/bin/formosa.js');
  const exit = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' }).status;
  assert.equal(exit('validate', example), 0);
  assert.equal(exit('validate', broken()), 1);
  assert.equal(exit('validate', missing), 2);
  assert.equal(exit('frobnicate'), 2);
});
