/**
 * `npm test`: builds, then runs every suite — type check, Node tests (schema, engine, workflow, i18n,
 * transport, server, CLI, the demo end to end), browser tests (web-test-runner in headless Chromium) and the
 * Storybook build — and ends with one line: `N passed, N failed`. Exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const results: { suite: string; passed: number; failed: number }[] = [];
const node = process.execPath;
const tsx = ['--conditions=formosa-source', '--import', 'tsx'];

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status ?? 1;
}

function check(suite: string, command: string, args: string[]): void {
  console.log(`\n── ${suite}`);
  const ok = run(command, args) === 0;
  results.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

rmSync('.test-results', { recursive: true, force: true });
mkdirSync('.test-results', { recursive: true });

check('build (validators, packages, bundles)', 'npm', ['run', 'build', '--silent']);
check('type check', node, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
check('type check without the DOM (schema, engine, workflow, session: tsconfig.dom-free.json)', node, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.dom-free.json']);
check('lint', node, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']);

console.log('\n── Node tests');
// Node 20 has no fs.glob: list the test folders by hand. (node --test <dir> would find no .ts files.)
const testsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`) : []);
const files = [...readdirSync('packages').flatMap((p) => testsIn(`packages/${p}/test`)), ...testsIn('examples/test')].sort();
// A test that hangs, or a file whose servers are left open, is cancelled after 5 minutes (counted as failed):
// one hang never stalls CI. (Not --test-force-exit: it ends the run before the report's summary is written.)
run(node, [...tsx, '--test', '--test-concurrency=1', '--test-timeout=300000', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', '--test-reporter-destination=.test-results/node.tap', ...files]);
const tap = existsSync('.test-results/node.tap') ? readFileSync('.test-results/node.tap', 'utf8') : '';
const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
// A report without its summary (the run cut short) is a failure, never "0 failed".
const summarised = /^# pass \d+$/m.test(tap);
results.push({ suite: 'Node tests', passed: count('pass'), failed: count('fail') + count('cancelled') + (summarised ? 0 : 1) });

console.log('\n── Browser tests (headless Chromium)');
const browserExit = run(node, [...tsx, 'node_modules/@web/test-runner/dist/bin.js']);
const browser = existsSync('.test-results/browser.json') ? (JSON.parse(readFileSync('.test-results/browser.json', 'utf8')) as { passed: number; failed: number }) : { passed: 0, failed: 1 };
results.push({ suite: 'Browser tests', passed: browser.passed, failed: browser.failed + (browserExit !== 0 && browser.failed === 0 ? 1 : 0) });

check('Storybook build', 'npm', ['run', 'build-storybook', '--silent']);

console.log('\n── Summary');
for (const r of results) console.log(`${r.failed ? '✗' : '✓'} ${r.suite}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
