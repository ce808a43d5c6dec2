/** A numbered schema change: SQL, or a function for what SQL alone cannot say (adopting an older SQLite file). */
export interface Migration<Db> {
  readonly version: number;
  readonly name: string;
  readonly up: string | ((db: Db) => void);
}

/** A database a newer server migrated is refused: this one would not know its tables. */
export function checkKnown(applied: Iterable<number>, migrations: readonly { readonly version: number }[]): void {
  const latest = migrations.at(-1)!.version;
  const newest = Math.max(0, ...applied);
  if (newest > latest) throw new Error(`The database is at schema version ${newest}, made by a newer Formosa; this one knows versions up to ${latest}`);
}
