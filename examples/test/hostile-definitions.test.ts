// The one definition gate: every broken or hostile definition of the corpus gets the same verdict from the
// designer's CLI, the server's loader and the loader itself (the browser's is checked in
// packages/elements/src/internal/gate.test.ts), and none of them crashes, hangs or leaks a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDefinition } from '@formosa/schema';
import { main } from '@formosa/cli';
import { loadForms } from '@formosa/server';
import { HOSTILE_DEFINITIONS, verdictOf } from '../hostile/definitions.js';

const dir = mkdtempSync(join(tmpdir(), 'formosa-hostile-'));

test(`the corpus holds at least 50 broken or hostile definitions`, () => {
  assert.ok(HOSTILE_DEFINITIONS.length >= 50, `${HOSTILE_DEFINITIONS.length}`);
});

for (const [index, hostile] of HOSTILE_DEFINITIONS.entries()) {
  test(`${hostile.name}: ${hostile.verdict === 'ok' ? 'loads' : `refused (${hostile.verdict.join(', ')})`} alike in the loader, the CLI and the server`, async () => {
    const text = hostile.text();
    const result = loadDefinition(text);
    assert.deepEqual(result.ok ? 'ok' : verdictOf(result.problems), hostile.verdict, 'the loader');

    const file = join(dir, `case-${index}.json`);
    writeFileSync(file, text);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['validate', file], (l) => out.push(l), (l) => err.push(l));
    const cliCodes = [...new Set(err.filter((l) => / error /.test(l)).map((l) => /\[([\w]+)\]$/.exec(l)?.[1] ?? `unparsed: ${l}`))].sort();
    assert.deepEqual(code === 0 ? 'ok' : cliCodes, hostile.verdict, `the CLI (exit ${code}): ${err.join('\n')}`);
    assert.ok(err.every((l) => !/\n\s+at /.test(l)), 'no stack trace');

    const folder = join(dir, `forms-${index}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'form.json'), text);
    const served = await loadForms(folder).then(
      () => 'ok' as const,
      (error: Error) => {
        assert.ok(!/\n\s+at /.test(error.message), 'no stack trace in the message');
        const lines = error.message.split('\n').slice(1);
        assert.ok(lines.every((l) => l.startsWith('form.json')), `each problem names the file: ${error.message.slice(0, 300)}`);
        return [...new Set(lines.map((l) => /\[([\w]+)\]$/.exec(l)?.[1] ?? `unparsed: ${l}`))].sort();
      },
    );
    assert.deepEqual(served, hostile.verdict, 'the server');
  });
}
