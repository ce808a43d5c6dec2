/** The server's storage: the `Store` interface, its SQLite and PostgreSQL implementations, and which one to open. */
import type { Store } from './interface.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';

export * from './interface.js';
export type * from './status.js';
export { newReceipt } from './rows.js';
export { SqliteStore } from './sqlite.js';
export { PostgresStore } from './postgres.js';

/** Whether `database` names a PostgreSQL server (`postgres://…`, `postgresql://…`) rather than a SQLite file. */
export const isPostgresUrl = (database: string) => /^postgres(ql)?:\/\//.test(database);

/**
 * Opens the store `database` names, migrated: a PostgreSQL URL, else a SQLite file (`:memory:` for a throwaway one).
 * @example
 * const store = await openStore(process.env.FORMOSA_DATABASE_URL ?? '.data/formosa.sqlite');
 */
export async function openStore(database: string): Promise<Store> {
  if (isPostgresUrl(database)) return PostgresStore.open(database);
  // Another scheme is a mistake, not a file name.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(database)) throw new Error(`Unsupported database URL ${database.split('://')[0]}://…: use postgres:// (or a SQLite file path)`);
  return new SqliteStore(database);
}
