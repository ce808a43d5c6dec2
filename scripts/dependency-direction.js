// The direction of dependencies between the workspace packages, in one table: what each package builds on
// directly. A package may import what it builds on and, through them, everything further left (the closure),
// never the other way. eslint.config.js bans the rest; examples/test/dependency-direction.test.ts checks that
// eslint, every package.json and docs/architecture.md agree with this table.

/** @type {Readonly<Record<string, readonly string[]>>} */
export const BUILDS_ON = {
  schema: [],
  engine: ['schema'],
  workflow: ['engine'],
  i18n: ['engine'],
  transport: ['engine'],
  session: ['workflow', 'transport'],
  storage: ['session'],
  elements: ['session', 'storage', 'i18n'],
  mydata: ['engine'],
  'mydata-sandbox': ['schema'],
  server: ['mydata', 'mydata-sandbox'],
  cli: ['engine', 'i18n'],
};

export const PACKAGES = Object.keys(BUILDS_ON);

/** The workspace packages `name` may import (itself excepted), sorted. */
export function mayImport(name) {
  const found = new Set();
  const visit = (n) => {
    for (const next of BUILDS_ON[n] ?? []) {
      if (found.has(next)) continue;
      found.add(next);
      visit(next);
    }
  };
  visit(name);
  return [...found].sort();
}

/** The workspace packages `name` may not import, sorted. */
export const mayNotImport = (name) => PACKAGES.filter((p) => p !== name && !mayImport(name).includes(p)).sort();
