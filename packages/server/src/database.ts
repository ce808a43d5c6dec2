/** Which database the server and its command line open, from the environment: one rule for both. */
import { fileURLToPath } from 'node:url';

/** The repository's (or installation's) `.data/` folder: the SQLite file and the server secret live there by default. */
export const DATA_DIR = fileURLToPath(new URL('../../../.data', import.meta.url));

/**
 * FORMOSA_DATABASE_URL (postgres://…), else the SQLite file FORMOSA_DB, else `.data/formosa.sqlite`.
 * @example
 * const store = await openStore(databaseFromEnv());
 */
export function databaseFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env['FORMOSA_DATABASE_URL'] || (env['FORMOSA_DB'] ?? `${DATA_DIR}/formosa.sqlite`);
}
