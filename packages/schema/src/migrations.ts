import { FORMAT_VERSION } from './types.js';
import type { Problem } from './problem.js';

/** Turns a definition of format version N into version N + 1. */
export type Migration = (definition: Record<string, unknown>) => Record<string, unknown>;

/**
 * One migration per old format version, keyed by the version it upgrades from.
 * Version 1 is the first published format, so none exist yet; when version 2 comes,
 * `MIGRATIONS.set(1, upgradeFrom1)` keeps every version-1 definition loading.
 */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map();

/**
 * Brings a parsed definition up to the current format version, one migration at a time.
 * @example
 * const { document, problems } = migrate(JSON.parse(text));
 */
export function migrate(
  document: unknown,
  migrations: ReadonlyMap<number, Migration> = MIGRATIONS,
  target: number = FORMAT_VERSION,
): { document: unknown; problems: Problem[] } {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return { document, problems: [] };
  let current = document as Record<string, unknown>;
  let version = current['formatVersion'];
  // A missing or malformed version is reported by the meta-schema.
  if (typeof version !== 'number' || !Number.isInteger(version)) return { document, problems: [] };
  if (version > target) {
    return {
      document,
      problems: [{ severity: 'error', path: '/formatVersion', code: 'newer_format', message: `format version ${version} is newer than this SDK understands (${target}); update the SDK` }],
    };
  }
  while (version < target) {
    const step = migrations.get(version);
    if (!step) {
      return {
        document,
        problems: [{ severity: 'error', path: '/formatVersion', code: 'no_migration', message: `no migration from format version ${version}; the oldest supported version is ${target}` }],
      };
    }
    current = { ...step(current), formatVersion: version + 1 };
    version += 1;
  }
  return { document: current, problems: [] };
}
