/** The sandbox delivers what Formosa's catalogue (@formosa/schema MYDATA_DATASETS) says the platform delivers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MYDATA_DATASETS } from '@formosa/schema';
import { PERSONAS, SANDBOX_DATASETS } from '../src/index.js';

/** Dotted paths of every value (and object) in a JSON value, arrays as `name[]`. */
function paths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => paths(item, `${prefix}[]`));
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof child === 'object' && child !== null && !Array.isArray(child) ? [path, ...paths(child, path)] : paths(child, path);
  });
}

test('the same resource ids, names, agencies and formats as the catalogue', () => {
  assert.deepEqual(Object.keys(SANDBOX_DATASETS).sort(), Object.keys(MYDATA_DATASETS).sort());
  for (const [id, info] of Object.entries(MYDATA_DATASETS)) {
    const mine = SANDBOX_DATASETS[id]!;
    assert.equal(mine.format, info.format, id);
    assert.equal(mine.name['zh-Hant-TW'], info.name['zh-Hant-TW'], id);
    assert.equal(mine.agency['zh-Hant-TW'], info.agency['zh-Hant-TW'], id);
  }
});

test('every value a persona carries is a known field, and every known field is carried by some persona', () => {
  for (const [id, info] of Object.entries(MYDATA_DATASETS)) {
    if (info.format !== 'json') continue;
    const known = new Set(info.fields.flatMap((field) => field.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
    const seen = new Set<string>();
    for (const persona of PERSONAS) {
      const data = persona.data[id];
      if (data === undefined) continue;
      for (const path of paths(data)) {
        assert.ok(known.has(path), `${persona.id} ${id}: ${path} is not in the catalogue`);
        seen.add(path);
      }
    }
    for (const field of info.fields) assert.ok(seen.has(field), `${id}: no persona has ${field}`);
  }
});
