// The documentation keeps its promises: every relative link and file path it names exists, and every figure
// it gives names the command that produced it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

/** docs/, the README, and every package's and the examples' README. */
const documents = [
  ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'docs', f)),
  join(root, 'README.md'),
  join(root, 'examples/README.md'),
  ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'README.md')).filter(existsSync),
];

/** Where generated files go: named in the docs, made by the build, a run or a benchmark. */
const GENERATED = /^(dist|\.data|\.bench|storybook-static|\.test-results|node_modules|packages\/[^/]+\/dist)\//;

/** Text outside fenced code blocks (shell sessions and examples there are not claims about the tree). */
const prose = (text: string) => text.replace(/```[\s\S]*?```/g, (block) => block.replace(/[^\n]/g, ' '));

for (const file of documents) {
  const name = relative(root, file);
  const text = readFileSync(file, 'utf8');

  test(`${name}: every relative link and file path it names exists`, () => {
    const missing: string[] = [];
    for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:|#)/.test(target!)) continue;
      const path = target!.split('#')[0]!;
      if (!existsSync(join(dirname(file), path))) missing.push(`link ${target}`);
    }
    for (const [, token] of prose(text).matchAll(/`([^`\s]+)`/g)) {
      // A path in the tree: has a folder or is a document, ends with an extension we keep, no placeholders.
      if (!/^[\w.@-][\w.@/-]*\.(ts|js|json|md|html|css|yml|sh)$/.test(token!) || /[<>*:]/.test(token!)) continue;
      if (!token!.includes('/') && !token!.endsWith('.md')) continue;
      if (GENERATED.test(token!) || token!.startsWith('@formosa/')) continue;
      const candidates = [join(root, token!), join(dirname(file), token!)];
      if (!candidates.some((c) => existsSync(c))) missing.push(`path ${token}`);
    }
    // Documents named in passing (DESIGN.md) are claims too.
    for (const [, doc] of prose(text).replace(/`[^`]*`|\]\([^)]*\)/g, '').matchAll(/\b([A-Z][A-Z_-]+\.md)\b/g)) {
      if (!existsSync(join(root, doc!)) && !existsSync(join(dirname(file), doc!))) missing.push(`document ${doc}`);
    }
    assert.deepEqual(missing, [], `${name} names what the project does not have`);
  });

  test(`${name}: every measured figure names the command that produced it`, () => {
    // A section (under one heading) that gives a measurement must say how to reproduce it.
    const sections = prose(text).split(/\n(?=#{1,4} )/);
    const unsourced: string[] = [];
    for (const section of sections) {
      const figures = section.split('\n').filter((line) => /\d[\d,.]*\s?(ms|s|KB|MB|GB|px)\b|\d(\.\d+)?×/.test(line) && !/\b(limit|at most|up to|over|budget|default|max|maximum|target|within|under|refus|allow|kept)/i.test(line));
      if (figures.length === 0) continue;
      const named = /`(npm (run [\w:-]+|test|start)|node [^`]+|bash [^`]+|npx [^`]+)`|`[\w/.-]+\.(test|e2e\.test|bench)\.ts`|`packages\/[\w-]+\/bench\/[\w.-]+`/.test(section);
      if (!named) unsourced.push(`${section.split('\n')[0]} — ${figures[0]!.trim().slice(0, 100)}`);
    }
    assert.deepEqual(unsourced, [], `${name}: figures without the command that measured them`);
  });
}

test('the configuration files and scripts name only files the project has', () => {
  const configs = [
    ...readdirSync(root).filter((f) => /\.(config\.)?(js|ts|json)$/.test(f) && f !== 'package-lock.json'),
    ...readdirSync(join(root, 'scripts'), { recursive: true, encoding: 'utf8' }).map((f) => `scripts/${f}`).filter((f) => statSync(join(root, f)).isFile()),
    ...readdirSync(join(root, '.storybook')).map((f) => `.storybook/${f}`),
    '.ci/run',
  ];
  const missing: string[] = [];
  for (const config of configs) {
    const text = readFileSync(join(root, config), 'utf8');
    for (const [, doc] of text.matchAll(/\b([A-Z][A-Z_-]+\.md)\b/g)) if (!existsSync(join(root, doc!))) missing.push(`${config}: ${doc}`);
    for (const [, path] of text.matchAll(/\b((?:scripts|docs|examples|packages)\/[\w./-]+\.(?:ts|js|json|md))\b/g)) {
      if (!GENERATED.test(path!) && !/\*|generated\//.test(path!) && !existsSync(join(root, path!)) && !existsSync(join(root, path!.replace(/\.js$/, '.ts')))) missing.push(`${config}: ${path}`);
    }
  }
  assert.deepEqual(missing, []);
});
