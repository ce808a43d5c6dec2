/**
 * The two manifests of a package, read with a deliberately small XML reader: `<file>` elements holding simple
 * `<name>text</name>` children (no DTD, no entities beyond the five predefined and numeric ones, no nesting).
 * Anything else (a DOCTYPE, a nested `<file>`) is refused rather than guessed at.
 * - outer `META-INFO/manifest.xml`: `<file><filename/><resource_id/><resource_name/><code/></file>` per dataset;
 * - dataset `META-INFO/manifest.xml`: `<file><filename/><digest/></file>` per data file (SHA-256, hex or Base64).
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

export interface OuterEntry {
  /** Empty for a dataset the platform could not deliver (its code then says why). */
  readonly filename: string;
  readonly resourceId: string;
  readonly resourceName: string | undefined;
  readonly code: number | undefined;
}

export interface DigestEntry {
  readonly filename: string;
  /** The 32 bytes of the SHA-256 digest. */
  readonly digest: Uint8Array;
}

function fileElements(xml: string): Map<string, string>[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ManifestError('a manifest with a DOCTYPE or ENTITY is refused');
  const files: Map<string, string>[] = [];
  for (const match of xml.matchAll(/<file(?:\s[^>]*)?>([\s\S]*?)<\/file>/g)) {
    const body = match[1]!;
    if (/<file[\s>]/.test(body)) throw new ManifestError('nested <file> elements');
    const fields = new Map<string, string>();
    for (const child of body.matchAll(/<([A-Za-z_][\w.-]*)(?:\s[^>]*)?>([^<]*)<\/\1>|<([A-Za-z_][\w.-]*)(?:\s[^>]*)?\/>/g)) {
      const name = (child[1] ?? child[3])!;
      if (fields.has(name)) throw new ManifestError(`<${name}> appears twice in one <file>`);
      fields.set(name, unescapeXml(child[2] ?? '').trim());
    }
    files.push(fields);
  }
  return files;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g, (_, entity: string) => {
    switch (entity) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        if (code > 0x10ffff) throw new ManifestError('bad character reference');
        return String.fromCodePoint(code);
      }
    }
  });
}

function required(fields: Map<string, string>, name: string): string {
  const value = fields.get(name);
  if (!value) throw new ManifestError(`a <file> has no <${name}>`);
  return value;
}

export function readOuterManifest(xml: string): OuterEntry[] {
  return fileElements(xml).map((fields) => {
    const code = fields.get('code');
    if (code !== undefined && code !== '' && !/^\d{1,4}$/.test(code)) throw new ManifestError(`bad <code> ${JSON.stringify(code)}`);
    return {
      filename: fields.get('filename') ?? '',
      resourceId: required(fields, 'resource_id'),
      resourceName: fields.get('resource_name') || undefined,
      code: code ? Number(code) : undefined,
    };
  });
}

export function readDigestManifest(xml: string): DigestEntry[] {
  const entries = fileElements(xml).map((fields) => ({ filename: required(fields, 'filename'), digest: digestBytes(required(fields, 'digest')) }));
  const names = new Set(entries.map((entry) => entry.filename));
  if (names.size !== entries.length) throw new ManifestError('a file is listed twice in the manifest');
  return entries;
}

/** SHA-256 as 64 hex digits or Base64 of the 32 bytes: the spelling is not published (INFERRED), both are accepted. */
function digestBytes(text: string): Uint8Array {
  if (/^[0-9A-Fa-f]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(text)) return Buffer.from(text, 'base64');
  if (/^[A-Za-z0-9_-]{43}$/.test(text)) return Buffer.from(text, 'base64url');
  throw new ManifestError(`a <digest> is not a SHA-256 digest: ${JSON.stringify(text.slice(0, 80))}`);
}
