/**
 * A throwaway PostgreSQL cluster for the tests: initdb on a temporary directory, started on a free port with trust
 * authentication on 127.0.0.1 and its socket in that directory, stopped and removed after the tests (and on exit).
 * As root, initdb and pg_ctl run as the `postgres` system user (initdb refuses root). Without PostgreSQL the tests
 * fail, saying how to install it: they are not skipped.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** The URL of the cluster's `postgres` database. */
  readonly url: string;
  /** Makes an empty database and returns its URL. */
  database(): Promise<string>;
  stop(): void;
}

/** The folder of initdb and pg_ctl: `pg_config --bindir`, else the newest /usr/lib/postgresql/<version>/bin. */
function binaries(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config is in another package on some systems; the versioned folders are where Debian puts the server.
  }
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) candidates.push(...readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((version) => join(root, version, 'bin')));
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error('PostgreSQL is not installed: the store tests run against a real server. Install it (Debian: apt-get install postgresql; .ci/run does) so that initdb and pg_ctl are in `pg_config --bindir` or /usr/lib/postgresql/<version>/bin.');
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster; call `stop()` in `after`. `durable` keeps PostgreSQL's defaults (fsync, synchronous commit,
 * full page writes) for what measures them (the server benchmark); the tests do without.
 */
export async function startPostgres({ durable = false } = {}): Promise<TestPostgres> {
  const bin = binaries();
  const dir = mkdtempSync(join(tmpdir(), 'formosa-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses root: the cluster belongs to the postgres system user, who must own the directory.
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, tool), asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args, { stdio: 'pipe', cwd: dir });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  let running = false;
  const stop = () => {
    process.off('exit', stop);
    try {
      if (running) run('pg_ctl', ['-D', data, 'stop', '-m', 'immediate']);
    } catch {
      // Already gone.
    }
    running = false;
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // Durability is not what these tests measure: no fsync makes the cluster quick to start and to write.
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`;
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', settings, 'start']);
    running = true;
  } catch (error) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
    stop();
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`The test PostgreSQL cluster did not start: ${output}\n${log}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    async database() {
      const name = `test_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
  };
}
