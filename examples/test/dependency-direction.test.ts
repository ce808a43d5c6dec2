// Dependencies point one way (docs/architecture.md). The table is scripts/dependency-direction.js; this checks that
// the docs show it, that eslint bans exactly the imports it forbids, and that every package.json (what a tarball
// installs) and tsconfig.build.json (what `tsc -b` builds first) agree with it and with what the sources import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { BUILDS_ON, PACKAGES, mayImport } from '../../scripts/dependency-direction.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Manifest { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> }
const manifest = (name: string) => JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as Manifest;
const workspace = (deps: Record<string, string> = {}) => Object.keys(deps).filter((d) => d.startsWith('@formosa/')).map((d) => d.slice('@formosa/'.length)).sort();

test('the table names every workspace package, and docs/architecture.md shows it', () => {
  assert.deepEqual([...PACKAGES].sort(), readdirSync(join(root, 'packages')).sort());
  const docs = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const table = docs.slice(docs.indexOf('| package | builds on | may import |')).split('\n\n')[0]!;
  const names = (cell: string) => [...cell.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!).sort();
  const rows = new Map([...table.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]*) \| ([^|]*) \|$/gm)].map((m) => [m[1]!, { buildsOn: names(m[2]!), mayImport: names(m[3]!) }]));
  for (const name of PACKAGES) {
    assert.deepEqual(rows.get(name), { buildsOn: [...BUILDS_ON[name]!].sort(), mayImport: mayImport(name) }, `docs/architecture.md's row for ${name}`);
  }
});

test('eslint bans, in every package, exactly the workspace imports the direction forbids', async () => {
  const eslint = new ESLint({ cwd: root });
  const wrong: string[] = [];
  for (const from of PACKAGES) {
    for (const to of PACKAGES.filter((p) => p !== from)) {
      for (const specifier of [`@formosa/${to}`, `@formosa/${to}/internal`]) {
        const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: join(root, 'packages', from, 'src/direction-probe.ts') });
        const banned = result!.messages.some((m) => m.ruleId === 'no-restricted-imports');
        if (banned === mayImport(from).includes(to)) wrong.push(`${from} → ${specifier}: ${banned ? 'banned' : 'allowed'}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

/** The sources that ship (what tsconfig.build.json compiles): each `src/` file but tests, stories and examples. */
function shippedSources(name: string): string[] {
  const dir = join(root, 'packages', name);
  const excluded = ((JSON.parse(readFileSync(join(dir, 'tsconfig.build.json'), 'utf8')) as { exclude?: string[] }).exclude ?? []).map(
    (glob) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '(?:.*/)?')}$`),
  );
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'generated' ? [] : walk(join(d, e.name))) : [join(d, e.name)]));
  return walk(join(dir, 'src')).filter((f) => f.endsWith('.ts') && !excluded.some((x) => x.test(relative(dir, f))));
}

/** The packages a file imports by name (`lodash/fp` → lodash, `@scope/x/y` → @scope/x), Node's own excepted. */
function importedPackages(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const patterns = [/^\s*(?:import|export)\s[^'";=(]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  const specifiers = patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!));
  return specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
}

test('every package.json declares what its sources import, and no workspace package the direction forbids', () => {
  const wrong: string[] = [];
  for (const name of PACKAGES) {
    const { dependencies = {}, peerDependencies = {} } = manifest(name);
    for (const dep of workspace({ ...dependencies, ...peerDependencies })) if (!mayImport(name).includes(dep)) wrong.push(`${name} depends on ${dep}, against the direction`);
    const declared = new Set([...Object.keys(dependencies), ...Object.keys(peerDependencies), `@formosa/${name}`]);
    for (const file of shippedSources(name)) {
      for (const dep of importedPackages(file)) if (!declared.has(dep)) wrong.push(`${relative(root, file)} imports ${dep}, which packages/${name}/package.json does not declare`);
    }
  }
  assert.deepEqual([...new Set(wrong)], []);
});

test("each package's tsconfig.build.json references the workspace packages it depends on (so tsc -b builds them first)", () => {
  for (const name of PACKAGES) {
    const { references = [] } = JSON.parse(readFileSync(join(root, 'packages', name, 'tsconfig.build.json'), 'utf8')) as { references?: { path: string }[] };
    assert.deepEqual(references.map((r) => r.path.split('/')[1]).sort(), workspace(manifest(name).dependencies), `packages/${name}/tsconfig.build.json`);
  }
});

test('the DOM-free packages are the same for eslint (no Lit, IndexedDB or Node) and tsconfig.dom-free.json (no DOM types)', async () => {
  const eslint = new ESLint({ cwd: root });
  const banIdb: string[] = [];
  for (const name of PACKAGES) {
    const [result] = await eslint.lintText("import 'idb';\nimport 'node:fs';\n", { filePath: join(root, 'packages', name, 'src/platform-probe.ts') });
    if (result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length === 2) banIdb.push(name);
  }
  const { include } = JSON.parse(readFileSync(join(root, 'tsconfig.dom-free.json'), 'utf8')) as { include: string[] };
  const checked = include.flatMap((path) => /^packages\/([a-z0-9-]+)\/src$/.exec(path)?.[1] ?? []);
  assert.deepEqual(banIdb.sort(), checked.sort());
  assert.deepEqual(checked.sort(), ['engine', 'schema', 'session', 'workflow']);
});
