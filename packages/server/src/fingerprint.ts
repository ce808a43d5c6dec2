import { createHash } from 'node:crypto';

/** The same request, however its keys were ordered: the fingerprint an Idempotency-Key is bound to. */
export function fingerprint(value: unknown): string {
  const canonical = (node: unknown): unknown =>
    node === null || typeof node !== 'object' ? node : Array.isArray(node) ? node.map(canonical) : Object.fromEntries(Object.keys(node).sort().map((k) => [k, canonical((node as Record<string, unknown>)[k])]));
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}
