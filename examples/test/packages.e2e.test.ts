// The published packages, used as an agency would: every workspace package is packed (`npm pack`, after the
// build), the tarballs are installed into an empty project in a temporary folder outside the workspace, and that
// project uses them — in Node (load and validate a definition, judge answers, serve forms, the CLI) and in a
// browser (its own esbuild bundle of @formosa/elements/define renders a form under a strict CSP).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { close, launch, open, root, shownErrors, clickButton } from './browser.js';

interface Packed { name: string; filename: string; files: { path: string }[] }
interface Manifest { name: string; private?: boolean; license?: string; exports?: unknown; bin?: Record<string, string> }

const work = mkdtempSync(join(tmpdir(), 'formosa-agency-'));
const tarballs = join(work, 'tarballs');
const site = join(work, 'site');
const FORMS = join(root, 'examples/forms');
// npm's own variables (set when this runs under `npm test`) would point the inner npm at the workspace.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_OPTIONS'));
const inSite = (command: string, args: string[]) => execFileSync(command, args, { cwd: site, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

let packed: Packed[] = [];
const timings: string[] = [];
let server: ChildProcess | undefined;

before(async () => {
  for (const p of readdirSync(join(root, 'packages'))) assert.ok(existsSync(join(root, 'packages', p, 'dist')), 'run `npm run build` first (npm test does)');
  mkdirSync(tarballs);
  let since = performance.now();
  packed = JSON.parse(execFileSync('npm', ['pack', '--workspaces', '--ignore-scripts', '--json', '--pack-destination', tarballs], { cwd: root, env, encoding: 'utf8' })) as Packed[];
  timings.push(`pack ${seconds(since)}`);

  // Each @formosa/* is the local tarball, wherever it is asked for (the packages name each other by version).
  const local = Object.fromEntries(packed.map((p) => [p.name, `file:${join(tarballs, p.filename)}`]));
  const esbuild = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['esbuild']!;
  cpSync(join(root, 'examples/test/agency-project'), site, { recursive: true });
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'agency-site', private: true, type: 'module', dependencies: local, devDependencies: { esbuild }, overrides: local }, null, 2));
  since = performance.now();
  // No install scripts: better-sqlite3's would compile SQLite for minutes (no prebuilt binary can be downloaded
  // here); the workspace's build of the same version stands in for it, as a downloaded prebuilt would.
  inSite('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts']);
  timings.push(`install ${seconds(since)}`);
  const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
  assert.equal(version(site), version(root), 'the server needs the better-sqlite3 the workspace built');
  mkdirSync(join(site, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
  copyFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), join(site, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
});

after(async () => {
  server?.kill('SIGTERM');
  if (server) await once(server, 'exit');
  await close();
  rmSync(work, { recursive: true, force: true });
});

/** Every file an entry of `exports` (or `bin`) names, but the workspace's own source condition. */
function entryFiles(value: unknown, key = ''): string[] {
  if (key === 'formosa-source') return [];
  if (typeof value === 'string') return [value.replace(/^\.\//, '')];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => entryFiles(v, k));
  return [];
}

test('every package packs its built modules, types, README and licence, and no sources, tests or maps', (t) => {
  t.diagnostic(timings.join(', '));
  assert.deepEqual(packed.map((p) => p.name.replace('@formosa/', '')).sort(), readdirSync(join(root, 'packages')).sort());
  const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
  for (const p of packed) {
    const dir = join(root, 'packages', p.name.replace('@formosa/', ''));
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    const files = new Set(p.files.map((f) => f.path));
    assert.ok(!manifest.private, `${p.name} is private: npm would refuse to publish it`);
    assert.equal(manifest.license, 'MIT', p.name);
    for (const needed of ['package.json', 'README.md', 'LICENSE']) assert.ok(files.has(needed), `${p.name} lacks ${needed}`);
    assert.equal(readFileSync(join(dir, 'LICENSE'), 'utf8'), licence, `${p.name}'s LICENSE is the root one`);
    for (const file of [...entryFiles(manifest.exports), ...entryFiles(manifest.bin)]) assert.ok(files.has(file), `${p.name}: ${file} is exported but not packed`);
    const extra = [...files].filter((f) => /^(src|test|bench|scripts)\/|\.map$|tsbuildinfo|^tsconfig/.test(f));
    assert.deepEqual(extra, [], `${p.name} packs what no consumer needs`);
  }
  const elements = new Set(packed.find((p) => p.name === '@formosa/elements')!.files.map((f) => f.path));
  for (const file of ['custom-elements.json', 'dist/frameworks/react.d.ts', 'dist/frameworks/vue.d.ts', 'dist/define.d.ts']) assert.ok(elements.has(file), file);
});

test('Node: @formosa/schema loads a definition and rejects a broken one with its problems; @formosa/engine judges answers', () => {
  const seen = JSON.parse(inSite(process.execPath, ['check-definition.js', join(FORMS, 'smoke-alarm-subsidy.json')])) as {
    id: string; errors: { path: string; code: string }[]; rejected: false | { path: string; code: string; line?: number }[];
  };
  assert.equal(seen.id, 'smoke-alarm-subsidy');
  assert.deepEqual(seen.errors.find((e) => e.path === '/applicant/name'), { path: '/applicant/name', code: 'required' });
  assert.ok(seen.rejected, 'the broken definition was accepted');
  const duplicate = seen.rejected.find((p) => p.path === '/steps/1/id');
  assert.equal(duplicate?.code, 'duplicate_id');
  assert.ok(typeof duplicate.line === 'number' && duplicate.line > 1, 'a problem says on which line');
});

test('Node: every entry point of the Node-side packages imports from the tarballs', () => {
  const entries = ['@formosa/schema', '@formosa/schema/node', '@formosa/schema/gate', '@formosa/engine', '@formosa/engine/taiwan-lists', '@formosa/workflow', '@formosa/i18n',
    '@formosa/transport', '@formosa/transport/sending', '@formosa/session', '@formosa/session/carry-over', '@formosa/mydata', '@formosa/mydata-sandbox', '@formosa/server'];
  const script = `for (const name of ${JSON.stringify(entries)}) { const m = await import(name); if (Object.keys(m).length === 0) throw new Error(name + ' exports nothing'); }
const schema = await import('@formosa/schema/definition.schema.json', { with: { type: 'json' } });
if (!schema.default.$id) throw new Error('no meta-schema');`;
  inSite(process.execPath, ['--input-type=module', '--no-warnings', '-e', script]);
});

test('CLI: `formosa validate` from the tarball passes a good definition and fails a broken one', () => {
  const good = inSite(join(site, 'node_modules/.bin/formosa'), ['validate', join(FORMS, 'smoke-alarm-subsidy.json')]);
  assert.match(good, /smoke-alarm-subsidy/);
  const broken = join(work, 'broken.json');
  writeFileSync(broken, '{"formatVersion": 1, "id": "x"');
  assert.throws(() => inSite(join(site, 'node_modules/.bin/formosa'), ['validate', broken]), (error: { status: number }) => error.status === 1);
});

test('CLI: `formosa preview` from the tarball serves the page and the drop-in bundle it ships (no repository needed)', async () => {
  const preview = spawn(join(site, 'node_modules/.bin/formosa'), ['preview', join(FORMS, 'smoke-alarm-subsidy.json'), '--port', '0'], { cwd: site, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let said = '';
    const address = await new Promise<string>((found, failed) => {
      preview.stdout!.on('data', (chunk: Buffer) => { said += chunk; const url = /http:\/\/[^\s]+/.exec(said); if (url) found(url[0]); });
      preview.on('exit', (code) => failed(new Error(`preview exited ${code}: ${said}`)));
    });
    const page = await fetch(address);
    assert.equal(page.status, 200);
    const bundle = await fetch(new URL('/dist/formosa.min.js', address));
    assert.equal(bundle.status, 200, 'the bundle the installed CLI ships');
    assert.ok((await bundle.text()).includes('formosa-form'));
  } finally {
    preview.kill('SIGTERM');
  }
});

test('browser: an esbuild bundle of @formosa/elements/define from node_modules renders a form served by @formosa/server', async (t) => {
  const since = performance.now();
  inSite(join(site, 'node_modules/.bin/esbuild'), ['main.js', '--bundle', '--format=esm', '--minify', '--sourcemap', '--log-level=warning', '--outfile=public/main.js']);
  t.diagnostic(`esbuild ${seconds(since)}`);
  server = spawn(process.execPath, ['serve.js', FORMS, join(work, 'agency.sqlite')], { cwd: site, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const stopped = once(server, 'exit').then(([code]) => Promise.reject(new Error(`the agency's server stopped (exit ${String(code)})`)));
  const [line] = (await Promise.race([once(server.stdout!, 'data'), stopped])) as [Buffer];
  const url = line.toString().trim();
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  // The installed server carries its back office's page too.
  assert.match(await (await fetch(`${url}/backoffice/`)).text(), /<html/i);

  await launch();
  const { page, problems } = await open(`${url}/index.html`);
  await page.waitForFunction(() => document.querySelector('formosa-form')?.shadowRoot?.querySelector('[data-path="/applicant/name"]'), { timeout: 15_000 });
  await clickButton(page, '繼續');
  await page.waitForFunction(() => document.querySelector('formosa-form')!.shadowRoot!.querySelector('formosa-error-summary')?.shadowRoot?.querySelector('a'), { timeout: 5_000 });
  assert.match(await shownErrors(page), /姓名/);
  assert.deepEqual(problems, []);
});
