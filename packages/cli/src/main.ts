/**
 * The form designer's command line:
 *   formosa validate <definition.json>...   problems as file:line:column, exit 1 on any error
 *   formosa compile <definition.json> [-o <out.js>]   the precompiled validator module (no eval in browsers)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadDefinition, formatProblem } from '@formosa/schema';
import { compileStandaloneValidator } from '@formosa/schema/node';

const USAGE = `Usage:
  formosa validate <definition.json>...        check definitions; problems are printed as file:line:column
  formosa compile <definition.json> [-o out]   write the precompiled validator (default: <name>.validator.js)`;

/** Runs the CLI; returns the exit code. Output goes to the given writers (stdout/stderr by default). */
export async function main(args: readonly string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'validate' && rest.length > 0) return validate(rest, out, err);
  if (command === 'compile' && rest.length > 0) return compile(rest, out, err);
  err(USAGE);
  return 2;
}

async function validate(files: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let errors = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((e: Error) => e);
    if (text instanceof Error) {
      err(`${file}: ${text.message}`);
      errors++;
      continue;
    }
    const result = loadDefinition(text);
    const problems = result.ok ? result.warnings : result.problems;
    for (const problem of problems) (problem.severity === 'error' ? err : out)(formatProblem(problem, file));
    errors += problems.filter((p) => p.severity === 'error').length;
    if (result.ok) out(`${file}: ok (${result.definition.id} ${result.definition.version}${problems.length ? `, ${problems.length} warning${problems.length === 1 ? '' : 's'}` : ''})`);
  }
  return errors > 0 ? 1 : 0;
}

async function compile(args: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const file = args[0]!;
  const flag = args.indexOf('-o');
  const target = flag >= 0 ? args[flag + 1] : file.replace(/\.json$/, '') + '.validator.js';
  if (!target) {
    err(USAGE);
    return 2;
  }
  const result = loadDefinition(await readFile(file, 'utf8'));
  if (!result.ok) {
    for (const problem of result.problems) if (problem.severity === 'error') err(formatProblem(problem, file));
    return 1;
  }
  const source = await compileStandaloneValidator(result.definition.schema);
  await writeFile(target, `// Precompiled validator of ${result.definition.id} ${result.definition.version}, by formosa compile. Do not edit.\n${source}`);
  out(`${target}: ${source.length} bytes`);
  return 0;
}
