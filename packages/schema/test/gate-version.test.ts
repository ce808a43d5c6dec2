// The gate's version names the release: a browser of another release must not take the server's word for its gate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FORMAT_VERSION } from '@formosa/schema';
import { GATE_VERSION } from '@formosa/schema/gate-version';

test('GATE_VERSION is the package version of @formosa/schema and the format version', () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(GATE_VERSION, `${version}+format.${FORMAT_VERSION}`);
});
