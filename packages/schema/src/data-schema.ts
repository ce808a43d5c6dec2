import type { JsonSchema } from './types.js';
import { isIndexSegment, parsePointer } from './pointer.js';

/** A JSON Schema object (the boolean forms `true`/`false` are not used for fields). */
export type SchemaNode = { readonly [keyword: string]: unknown };

/**
 * The subschema describing the value at `pointer` (array indices may be numbers or `*`),
 * following local `$ref`s; `undefined` when the schema does not describe it.
 * @example
 * subschemaAt(schema, '/household/* /name') // { type: 'string', maxLength: 50 } (pointer without the space)
 */
export function subschemaAt(root: JsonSchema, pointer: string): SchemaNode | undefined {
  let node = deref(root, root);
  for (const segment of parsePointer(pointer)) {
    if (!node) return undefined;
    if (isIndexSegment(segment)) {
      node = deref(root, node['items'] as JsonSchema | undefined);
    } else {
      const properties = node['properties'] as Record<string, JsonSchema> | undefined;
      node = properties && Object.prototype.hasOwnProperty.call(properties, segment) ? deref(root, properties[segment]) : undefined;
    }
  }
  return node;
}

/** The JSON types a schema allows, e.g. `['string']` or `['integer', 'null']`. */
export function typesOf(node: SchemaNode | undefined): string[] {
  const type = node?.['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** Whether `name` is in the `required` list of the object schema `node`. */
export function isRequiredProperty(node: SchemaNode | undefined, name: string): boolean {
  const required = node?.['required'];
  return Array.isArray(required) && required.includes(name);
}

function deref(root: JsonSchema, node: JsonSchema | undefined, depth = 0): SchemaNode | undefined {
  if (!node || typeof node !== 'object' || depth > 32) return undefined;
  const ref = node['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#')) {
    let target: unknown = root;
    let pointer: string;
    try {
      pointer = decodeURIComponent(ref.slice(1));
    } catch {
      return undefined; // a malformed %-escape: the loader reports it (bad_ref)
    }
    for (const segment of parsePointer(pointer)) {
      target = target && typeof target === 'object' && Object.prototype.hasOwnProperty.call(target, segment) ? (target as Record<string, unknown>)[segment] : undefined;
    }
    const resolved = deref(root, target as JsonSchema | undefined, depth + 1);
    // Keywords written beside $ref apply too (2020-12): the local ones win for lookups.
    return resolved ? { ...resolved, ...withoutRef(node) } : undefined;
  }
  return node;
}

function withoutRef(node: SchemaNode): SchemaNode {
  const { $ref: _ignored, ...rest } = node;
  return rest;
}
