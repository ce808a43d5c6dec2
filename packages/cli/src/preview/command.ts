/** `formosa preview <definition.json> [--port N] [--locale L] [--host H]`: runs until Ctrl-C (or SIGTERM). */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALE_TAG } from './page.js';
import { DEFAULT_BUNDLE, startPreview } from './server.js';

export const PREVIEW_USAGE = `  formosa preview <definition.json> [--port 4000] [--locale en] [--host 127.0.0.1] [--bundle dist]
                                               serve the form in a page that reloads at each save of the file`;

const FLAGS = ['--port', '--locale', '--host', '--bundle'] as const;
type Flag = (typeof FLAGS)[number];

/** The file and options, or the reason the command line is wrong. */
function parse(args: readonly string[]): { file: string; flags: Partial<Record<Flag, string>> } | { wrong: string } {
  const files: string[] = [];
  const flags: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) files.push(arg);
    else if (!FLAGS.includes(arg as Flag)) return { wrong: `unknown option ${arg}` };
    else if (args[i + 1] === undefined) return { wrong: `${arg} needs a value` };
    else flags[arg as Flag] = args[++i]!;
  }
  if (files.length !== 1) return { wrong: files.length ? 'one definition at a time' : 'which definition?' };
  const port = flags['--port'];
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) return { wrong: `--port ${port} is not a port number` };
  const locale = flags['--locale'];
  if (locale !== undefined && !LOCALE_TAG.test(locale)) return { wrong: `--locale ${locale} is not a language tag (zh-Hant-TW, en, vi…)` };
  return { file: files[0]!, flags };
}

/** Resolves with the exit code once the preview stops: 0 when stopped by a signal, 2 when it could not start. */
export async function preview(args: readonly string[], out: (line: string) => void, err: (line: string) => void, usage: string): Promise<number> {
  const parsed = parse(args);
  if ('wrong' in parsed) {
    err(`formosa preview: ${parsed.wrong}\n${usage}`);
    return 2;
  }
  const { file, flags } = parsed;
  if (!existsSync(file) || !statSync(file).isFile()) {
    err(`${file}: no such file`);
    return 2;
  }
  const bundle = flags['--bundle'] ?? DEFAULT_BUNDLE;
  if (!existsSync(join(bundle, 'formosa.min.js'))) {
    err(flags['--bundle'] ? `${bundle}: no formosa.min.js (give the folder of the drop-in bundle)` : `The drop-in bundle is not built (${bundle}): run \`npm run build\` first, or give its folder with --bundle`);
    return 2;
  }
  const started = await startPreview({
    file,
    bundle,
    port: Number(flags['--port'] ?? 4000),
    ...(flags['--host'] ? { host: flags['--host'] } : {}),
    ...(flags['--locale'] ? { locale: flags['--locale'] } : {}),
    log: out,
  }).catch((error: NodeJS.ErrnoException) => error);
  if (started instanceof Error) {
    err(`formosa preview could not listen: ${started.code === 'EADDRINUSE' ? `port ${flags['--port'] ?? 4000} is in use (choose another with --port)` : started.message}`);
    return 2;
  }
  out(`Previewing ${file} at ${started.url} (Ctrl-C stops)`);
  return new Promise<number>((done) => {
    let stopping = false;
    // In a terminal, Ctrl-C reaches both this process and the bin's wrapper, which passes it on: stop once.
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void started.close().then(() => {
        process.off('SIGINT', stop).off('SIGTERM', stop);
        done(0);
      });
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}
