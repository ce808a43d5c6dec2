/** `npm start`: the demo agency site, the example forms and the reference endpoint on 127.0.0.1:${PORT:-8080}. */
import { fileURLToPath } from 'node:url';
import { startServer } from './app.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let running: Awaited<ReturnType<typeof startServer>>;
try {
  running = await startServer(
    {
      formsDir: process.env['FORMOSA_FORMS'] ?? `${root}examples/forms`,
      database: process.env['FORMOSA_DB'] ?? `${root}.data/formosa.sqlite`,
      staticDirs: [
        { prefix: '/dist/', dir: `${root}dist` },
        { prefix: '/', dir: `${root}examples/site` },
      ],
    },
    Number(process.env['PORT'] ?? 8080),
  );
} catch (error) {
  // A broken definition (or a port in use) is said plainly, with the file and line, never as a stack trace.
  console.error(`Formosa could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`Formosa demo: ${running.url}/`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
