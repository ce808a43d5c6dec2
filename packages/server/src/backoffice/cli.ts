/**
 * `formosa-server token create | list | revoke`: caseworkers' API tokens, in the database the server uses
 * (FORMOSA_DATABASE_URL, else the SQLite file FORMOSA_DB or .data/formosa.sqlite). A token's text is printed once,
 * when it is created, on stdout alone (a script can capture it); nothing prints it again.
 * Exit codes: 0 done, 1 no such token, 2 a usage mistake, 3 the database cannot be opened.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { databaseFromEnv } from '../database.js';
import { openStore, type Store } from '../store/index.js';
import { newToken, SCOPES, type Scope, type StoredToken } from './tokens.js';

export const EXIT = { ok: 0, notFound: 1, usage: 2, database: 3 } as const;

export const USAGE = `Usage:
  formosa-server token create --holder "王小明 (台北市社會局)" --scopes read,decide,export --forms rent-subsidy [--expires 90d]
  formosa-server token list [--json]
  formosa-server token revoke <id>

  --scopes   ${SCOPES.join(', ')} (comma-separated)
  --forms    form ids (comma-separated), or * for every form
  --expires  a duration (90d, 12h) or a date (2027-03-31); none by default

The database: FORMOSA_DATABASE_URL (postgres://…), else the SQLite file FORMOSA_DB, else .data/formosa.sqlite.
Exit codes: 0 done, 1 no such token, 2 a usage mistake, 3 the database cannot be opened.`;

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  readonly now?: Date;
}

class UsageError extends Error {}

const CREATE_OPTIONS = { holder: { type: 'string' }, scopes: { type: 'string' }, forms: { type: 'string' }, expires: { type: 'string' } } as const;
const FORM_ID = /^[a-z0-9-]{1,100}$/;
const DURATION = /^(\d{1,4})([dh])$/;

function listOf(value: string | undefined, option: string): string[] {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!items.length) throw new UsageError(`--${option} is required`);
  return [...new Set(items)];
}

/** When a token given `--expires` stops working: after a duration, or at the start of a date (Taipei). */
export function expiryOf(text: string, now: Date): string {
  const duration = DURATION.exec(text);
  if (duration) return new Date(now.getTime() + Number(duration[1]) * (duration[2] === 'd' ? 86_400_000 : 3_600_000)).toISOString();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00+08:00`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--expires ${text}: give a duration (90d, 12h) or a date (2027-03-31)`);
  if (date.getTime() <= now.getTime()) throw new UsageError(`--expires ${text} is in the past`);
  return date.toISOString();
}

function grantOf(values: { holder?: string; scopes?: string; forms?: string; expires?: string }, now: Date) {
  const holder = (values.holder ?? '').trim();
  if (!holder) throw new UsageError('--holder is required: who holds the token, as the access log will name them');
  if ([...holder].length > 200 || /[\p{Cc}\p{Cf}]/u.test(holder)) throw new UsageError('--holder: at most 200 characters, no control or invisible characters');
  const scopes = listOf(values.scopes, 'scopes');
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new UsageError(`--scopes: unknown ${unknown.join(', ')} (known: ${SCOPES.join(', ')})`);
  const forms = listOf(values.forms, 'forms');
  if (!(forms.length === 1 && forms[0] === '*') && !forms.every((f) => FORM_ID.test(f))) throw new UsageError('--forms: form ids (a-z, 0-9, -), or * alone for every form');
  return { holder, scopes: scopes as Scope[], forms, ...(values.expires ? { expiresAt: expiryOf(values.expires, now) } : {}) };
}

const stateOf = (t: StoredToken, now: Date) => (t.revokedAt ? 'revoked' : t.expiresAt && Date.parse(t.expiresAt) <= now.getTime() ? 'expired' : 'active');

/** What `list` shows of a token: never its hash. */
const shown = (t: StoredToken, now: Date) => ({ id: t.id, holder: t.holder, scopes: t.scopes, forms: t.forms, createdAt: t.createdAt, expiresAt: t.expiresAt ?? null, revokedAt: t.revokedAt ?? null, state: stateOf(t, now) });

type Plan = { readonly command: 'create'; readonly grant: ReturnType<typeof grantOf> } | { readonly command: 'list'; readonly json: boolean } | { readonly command: 'revoke'; readonly id: string };

/** The command and its options, checked in full before the database is opened: a mistake touches nothing. */
function planOf(command: string, args: string[], now: Date): Plan {
  const options: ParseArgsConfig['options'] = command === 'create' ? CREATE_OPTIONS : command === 'list' ? { json: { type: 'boolean' } } : {};
  if (!['create', 'list', 'revoke'].includes(command)) throw new UsageError(`Unknown command token ${command}`);
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  if (command === 'revoke') {
    if (positionals.length !== 1) throw new UsageError('token revoke takes one token id (see token list)');
    return { command, id: positionals[0]! };
  }
  if (positionals.length) throw new UsageError(`Unexpected ${positionals.join(' ')}`);
  if (command === 'list') return { command, json: values['json'] === true };
  return { command: 'create', grant: grantOf(values as { holder?: string; scopes?: string; forms?: string; expires?: string }, now) };
}

async function run(store: Store, plan: Plan, io: CliIo, now: Date): Promise<number> {
  if (plan.command === 'create') {
    const { text, stored } = newToken(plan.grant, now);
    await store.backoffice.saveToken(stored);
    io.err(`Token ${stored.id} for ${stored.holder}: ${stored.scopes.join(', ')} on ${stored.forms.join(', ')}${stored.expiresAt ? `, until ${stored.expiresAt}` : ''}.`);
    io.err('It is shown this once: give it to its holder now (it is kept only as a hash).');
    io.out(text);
    return EXIT.ok;
  }
  if (plan.command === 'list') {
    const tokens = (await store.backoffice.tokens()).map((t) => shown(t, now));
    if (plan.json) io.out(JSON.stringify(tokens, null, 2));
    else if (!tokens.length) io.err('No tokens yet: formosa-server token create --holder … --scopes … --forms …');
    else for (const t of tokens) io.out([t.id, t.state.padEnd(7), t.scopes.join(','), t.forms.join(','), t.createdAt.slice(0, 10), t.expiresAt ? `until ${t.expiresAt.slice(0, 10)}` : '-', t.holder].join('  '));
    return EXIT.ok;
  }
  const outcome = await store.backoffice.revokeToken(plan.id, now);
  if (outcome === 'missing') {
    io.err(`No token ${plan.id}`);
    return EXIT.notFound;
  }
  io.err(outcome === 'revoked' ? `Token ${plan.id} revoked: it proves nothing from now on.` : `Token ${plan.id} was revoked already.`);
  return EXIT.ok;
}

/**
 * Runs the command line; resolves to its exit code.
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { env: process.env, out: console.log, err: console.error });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [group, command = '', ...args] = argv;
  if (group === undefined || group === 'help' || group === '--help' || group === '-h') {
    io.out(USAGE);
    return group === undefined ? EXIT.usage : EXIT.ok;
  }
  const now = io.now ?? new Date();
  let plan: Plan;
  try {
    if (group !== 'token') throw new UsageError(`Unknown command ${group}`);
    plan = planOf(command, args, now);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  let store: Store;
  try {
    store = await openStore(databaseFromEnv(io.env));
  } catch (error) {
    io.err(`The database cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.database;
  }
  try {
    return await run(store, plan, io, now);
  } finally {
    await store.close();
  }
}
