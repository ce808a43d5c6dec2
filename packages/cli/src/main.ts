/**
 * The form designer's command line:
 *   formosa validate <definition.json>...   problems as file:line:column, exit 1 on any error
 *   formosa compile <definition.json> [-o <out.js>]   the precompiled validator module (no eval in browsers)
 *   formosa translations <definition.json>  coverage per locale, with the paths of missing texts
 *   formosa extract <definition.json> [--locales a,b] [--locale vi] [-o out.csv|out.xlf]   texts for translators (CSV, or XLIFF 2.0 for one locale)
 *   formosa import <definition.json> <texts.csv|texts.xlf> [-o out.json]   translations back into the definition
 *   formosa preview <definition.json> [--port N] [--locale L] [--host H]   the form in a page that reloads at each save
 * Exit codes, the same for every command (docs/cli.md): 0 done, nothing wrong; 1 problems found (in a definition or
 * a translation file); 2 the command could not run as asked (usage, a file that cannot be read, a port in use).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadDefinition, formatProblem } from '@formosa/schema';
import { compileStandaloneValidator } from '@formosa/schema/node';
import type { FormDefinition } from '@formosa/schema';
import { applyTexts, collectTexts, coverage } from './translations/texts.js';
import { fromCsv, toCsv } from './translations/csv.js';
import { fromXliff, toXliff } from './translations/xliff.js';
import { preview, PREVIEW_USAGE } from './preview/command.js';

const USAGE = `Usage:
  formosa validate <definition.json>...        check definitions; problems are printed as file:line:column
  formosa compile <definition.json> [-o out]   write the precompiled validator (default: <name>.validator.js)
  formosa translations <definition.json>       how complete each locale is, and which texts are missing
  formosa extract <definition.json> [--locales zh-Hant-TW,en,vi] [--locale <tag>] [-o out.csv|out.xlf]
                                               texts for translators: CSV (the definition's locales, or those
                                               listed, new ones as empty columns), or XLIFF 2.0 for one locale
  formosa import <definition.json> <texts.csv|texts.xlf> [-o out.json]
                                               write translations back (in place unless -o)
${PREVIEW_USAGE}
Exit codes: 0 ok; 1 problems found; 2 usage, a file that cannot be read, or a port in use.`;

/** A file a command was given cannot be read (missing, a folder, not allowed): exit code 2, as a usage error. */
class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
}

/** Reads a file a command was given; one that cannot be read is an UnreadableFile. */
async function readGiven(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableFile(`${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
}

/** Runs the CLI; returns the exit code. Output goes to the given writers (stdout/stderr by default). */
export async function main(args: readonly string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  try {
    return await run(args, out, err);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    err(error.message);
    return 2;
  }
}

async function run(args: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'validate' && rest.length > 0) return validate(rest, out, err);
  if (command === 'compile' && rest.length > 0) return compile(rest, out, err);
  if (command === 'translations' && rest.length > 0) return translations(rest[0]!, out, err);
  if (command === 'extract' && rest.length > 0) return extract(rest, out, err);
  if (command === 'import' && rest.length > 1) return importTexts(rest, out, err);
  if (command === 'preview') return preview(rest, out, err, USAGE);
  if (command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return 0;
  }
  err(USAGE);
  return 2;
}

async function validate(files: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let errors = 0;
  // Every file is checked before a missing one is reported (exit code 2 outranks problems found).
  let unreadable = false;
  for (const file of files) {
    const text = await readGiven(file).catch((e: Error) => e);
    if (text instanceof Error) {
      err(text.message);
      unreadable = true;
      continue;
    }
    const result = loadDefinition(text);
    const problems = result.ok ? result.warnings : result.problems;
    for (const problem of problems) (problem.severity === 'error' ? err : out)(formatProblem(problem, file));
    errors += problems.filter((p) => p.severity === 'error').length;
    if (result.ok) out(`${file}: ok (${result.definition.id} ${result.definition.version}${problems.length ? `, ${problems.length} warning${problems.length === 1 ? '' : 's'}` : ''})`);
  }
  return unreadable ? 2 : errors > 0 ? 1 : 0;
}

async function compile(args: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const file = args[0]!;
  const target = args.includes('-o') ? option(args, '-o') : file.replace(/\.json$/, '') + '.validator.js';
  if (!target) {
    err(USAGE);
    return 2;
  }
  const definition = await definitionOf(file, err);
  if (!definition) return 1;
  const source = await compileStandaloneValidator(definition.schema);
  await writeFile(target, `// Precompiled validator of ${definition.id} ${definition.version}, by formosa compile. Do not edit.\n${source}`);
  out(`${target}: ${source.length} bytes`);
  return 0;
}

/** The value after a flag, e.g. `-o file`. */
function option(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Loads a definition for the commands that need a valid one (compile, translations), printing its errors if any. */
async function definitionOf(file: string, err: (line: string) => void): Promise<FormDefinition | undefined> {
  const result = loadDefinition(await readGiven(file));
  if (result.ok) return result.definition;
  for (const problem of result.problems) if (problem.severity === 'error') err(formatProblem(problem, file));
  return undefined;
}

async function translations(file: string, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const definition = await definitionOf(file, err);
  if (!definition) return 1;
  let complete = true;
  for (const { locale, translated, total, missing } of coverage(definition)) {
    out(`${locale}: ${translated}/${total} texts${missing.length ? `, missing ${missing.length}:` : ''}`);
    for (const path of missing) out(`  ${path}`);
    complete &&= missing.length === 0;
  }
  return complete ? 0 : 1;
}

async function extract(args: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const file = args[0]!;
  const definition = await definitionOf(file, err);
  if (!definition) return 1;
  const locale = option(args, '--locale');
  const rows = collectTexts(definition);
  const text = locale
    ? toXliff(rows, { id: definition.id, source: definition.defaultLocale, target: locale, original: file.split('/').pop()! })
    : toCsv(rows, option(args, '--locales')?.split(',') ?? definition.locales);
  const target = option(args, '-o');
  if (target) {
    await writeFile(target, text);
    out(`${target}: ${rows.length} texts${locale ? ` for ${locale}` : ''}`);
  } else out(text);
  return 0;
}

async function importTexts(args: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [file, source] = args as [string, string];
  const definition = await definitionOf(file, err);
  if (!definition) return 1;
  const text = await readGiven(source);
  const rows = /\.xlf$|\.xliff$/i.test(source) || text.trimStart().startsWith('<?xml') ? fromXliff(text).rows : fromCsv(text);
  const { definition: updated, problems, changed } = applyTexts(definition, rows);
  for (const problem of problems) err(`${source}: ${problem.path}: ${problem.message}`);
  if (problems.length) return 1;
  const target = option(args, '-o') ?? file;
  await writeFile(target, JSON.stringify(updated, null, 2) + '\n');
  out(`${target}: ${changed} text${changed === 1 ? '' : 's'} changed`);
  return 0;
}
