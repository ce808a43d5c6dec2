/** Starts test/instance.ts as a process of its own and resolves with its URL once it listens. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const root = new URL('../../../', import.meta.url).pathname;

export async function startInstance(database: string, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--conditions=formosa-source', '--import', 'tsx', new URL('./instance.ts', import.meta.url).pathname], {
    cwd: root, env: { ...process.env, INSTANCE_DATABASE: database, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await Promise.race([
    createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next().then((r) => [r.value as string]),
    new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the instance exited (${code}) before listening`)))),
  ]);
  return { url: (JSON.parse(line!) as { url: string }).url, child };
}
