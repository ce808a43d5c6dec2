/** The process behind `formosa-server` (bin/formosa-server.js): see cli.ts. */
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2), { env: process.env, out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) });
