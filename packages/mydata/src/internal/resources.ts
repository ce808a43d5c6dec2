/**
 * The resource ids travel Base64-encoded in ONE path segment of the consent URL. Standard Base64 may contain `/`,
 * which would split the segment: another order of the same ids usually avoids it; if none does, fail loudly.
 */
export class ResourceEncodingError extends Error {
  override readonly name = 'ResourceEncodingError';
}

const MAX_REORDERED = 8; // 8! = 40,320 orders at most; a form asks for a handful of datasets

export function encodeResources(ids: readonly string[], separator: string): string {
  if (ids.length === 0) throw new ResourceEncodingError('MyData: at least one resource id is needed');
  for (const id of ids) {
    if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new ResourceEncodingError(`MyData: resource id ${JSON.stringify(id)} has characters outside [A-Za-z0-9._-]`);
  }
  if (new Set(ids).size !== ids.length) throw new ResourceEncodingError('MyData: a resource id is listed twice');
  const tried = ids.length <= MAX_REORDERED ? permutations(ids) : [ids];
  for (const order of tried) {
    const encoded = Buffer.from(order.join(separator), 'utf8').toString('base64');
    if (!encoded.includes('/')) return encoded;
  }
  throw new ResourceEncodingError(
    `MyData: every order of the resource ids ${ids.join(', ')} encodes to Base64 with a '/', which would break the consent URL's path`,
  );
}

/** The given order first, then the others (lazily: the common case stops at the first). */
function* permutations<T>(items: readonly T[]): Generator<readonly T[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i]!, ...tail];
  }
}
