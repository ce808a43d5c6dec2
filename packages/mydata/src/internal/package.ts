/**
 * Opens a pulled package: the JWE (pinned algorithms), its JSON payload, the data URL, the outer ZIP and its
 * manifest, then one verified dataset per nested ZIP. Raw bytes live only in memory and are zeroed once read.
 */
import { compactDecrypt } from 'jose';
import type { X509Certificate } from 'node:crypto';
import type { Protocol } from '../protocol.js';
import type { ConnectorDataset, Limits } from '../types.js';
import { ManifestError, readOuterManifest } from './manifest.js';
import { verifyDataset } from './verify.js';
import { ZipError, unzipBounded, type ZipBudget, type ZipLimits } from './zip.js';
import { strictUtf8 } from './utf8.js';

export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(
    readonly reason: 'jwe' | 'payload' | 'zip' | 'manifest',
    message: string,
  ) {
    super(message);
  }
}

export interface OpenedPackage {
  readonly datasets: ConnectorDataset[];
  /** Requested resources the platform did not deliver (its manifest's code, or absent from the package). */
  readonly unavailable: string[];
}

export async function openPackage(input: {
  readonly jwe: string;
  readonly secretKey: Uint8Array;
  readonly requested: readonly string[];
  readonly protocol: Protocol;
  readonly limits: Limits;
  readonly anchors: readonly X509Certificate[];
  readonly now: Date;
}): Promise<OpenedPackage> {
  const { protocol, limits } = input;
  const zipBytes = await payloadZip(input.jwe, input.secretKey, protocol, limits);
  const budget: ZipBudget = { remaining: limits.unzippedBytes };
  const zipLimits: ZipLimits = { entries: limits.entries, entryBytes: limits.entryBytes };
  let outer: Map<string, Uint8Array>;
  try {
    outer = unzipBounded(zipBytes, zipLimits, budget);
  } catch (error) {
    throw new PackageError('zip', error instanceof ZipError ? error.message : 'the package is not a ZIP archive');
  } finally {
    zipBytes.fill(0);
  }
  try {
    const manifestBytes = outer.get(protocol.files.outerManifest);
    if (!manifestBytes) throw new PackageError('manifest', `the package has no ${protocol.files.outerManifest}`);
    let listed;
    try {
      listed = readOuterManifest(strictUtf8(manifestBytes));
    } catch (error) {
      throw new PackageError('manifest', error instanceof ManifestError ? error.message : 'the package manifest is not UTF-8');
    }
    const datasets: ConnectorDataset[] = [];
    const unavailable: string[] = [];
    const retrievedAt = input.now.toISOString();
    for (const resource of input.requested) {
      const entry = listed.find((candidate) => candidate.resourceId === resource);
      const delivered = entry !== undefined && entry.filename !== '' && (entry.code === undefined || entry.code === protocol.okCode);
      const nested = delivered ? outer.get(entry.filename) : undefined;
      if (!entry || !nested) {
        unavailable.push(resource);
        continue;
      }
      datasets.push(openDataset(resource, entry.resourceName, nested, { ...input, budget, zipLimits, retrievedAt }));
    }
    return { datasets, unavailable };
  } finally {
    for (const bytes of outer.values()) bytes.fill(0);
  }
}

async function payloadZip(jwe: string, secretKey: Uint8Array, protocol: Protocol, limits: Limits): Promise<Uint8Array> {
  let plaintext: Uint8Array;
  try {
    ({ plaintext } = await compactDecrypt(jwe.trim(), secretKey, {
      keyManagementAlgorithms: [protocol.jwe.alg],
      contentEncryptionAlgorithms: [protocol.jwe.enc],
    }));
  } catch (error) {
    throw new PackageError('jwe', `the package does not decrypt with the pinned ${protocol.jwe.alg}/${protocol.jwe.enc}: ${(error as Error).name}`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(strictUtf8(plaintext));
  } catch {
    throw new PackageError('payload', 'the package payload is not JSON');
  } finally {
    plaintext.fill(0);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new PackageError('payload', 'the payload is not an object');
  const { filename, data } = payload as Record<string, unknown>;
  if (typeof filename !== 'string' || typeof data !== 'string') throw new PackageError('payload', 'the payload has no filename or data');
  if (!data.startsWith(protocol.payloadDataPrefix)) throw new PackageError('payload', `the payload data does not start with ${protocol.payloadDataPrefix}`);
  const base64 = data.slice(protocol.payloadDataPrefix.length);
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(base64)) throw new PackageError('payload', 'the payload data is not Base64url');
  if ((base64.length * 3) / 4 > limits.packageBytes) throw new PackageError('payload', 'the payload data is over the package limit');
  return new Uint8Array(Buffer.from(base64, 'base64url'));
}

function openDataset(
  resource: string,
  name: string | undefined,
  zip: Uint8Array,
  context: {
    readonly protocol: Protocol;
    readonly anchors: readonly X509Certificate[];
    readonly now: Date;
    readonly budget: ZipBudget;
    readonly zipLimits: ZipLimits;
    readonly retrievedAt: string;
  },
): ConnectorDataset {
  const base = { resource, name, retrievedAt: context.retrievedAt };
  let entries: Map<string, Uint8Array>;
  try {
    entries = unzipBounded(zip, context.zipLimits, context.budget);
  } catch (error) {
    return { ...base, data: null, verified: false, reason: 'zip', detail: error instanceof ZipError ? error.message : 'not a ZIP archive', files: [] };
  }
  try {
    const check = verifyDataset(entries, context.protocol.files, context.anchors, context.now);
    if (!check.verified) return { ...base, data: null, verified: false, reason: check.reason, detail: check.detail, files: [] };
    const files = [...check.files.keys()];
    const json = files.find((file) => file === `${resource}.json`) ?? files.find((file) => file.toLowerCase().endsWith('.json'));
    if (json === undefined) return { ...base, data: null, verified: true, files };
    try {
      const data: unknown = JSON.parse(strictUtf8(check.files.get(json)!));
      return { ...base, data, verified: true, files };
    } catch {
      return { ...base, data: null, verified: false, reason: 'json', detail: `${json} is not JSON`, files };
    }
  } finally {
    for (const bytes of entries.values()) bytes.fill(0);
  }
}
