/**
 * A defensive unzip for packages that arrive over the network. Every limit is checked twice: against the sizes the
 * central directory declares, BEFORE anything is inflated, and again while inflating (fflate's streaming Inflate,
 * fed small slices so that one step cannot produce much), so a directory that lies about sizes is caught too.
 * ZIP64, encryption, multi-disk archives, methods other than stored/deflate, duplicate or unsafe names are refused.
 */
import { Inflate } from 'fflate';
import { strictUtf8 } from './utf8.js';

export interface ZipLimits {
  /** Entries in one archive (directories included). */
  readonly entries: number;
  /** Unzipped bytes of one entry. */
  readonly entryBytes: number;
}

/** Unzipped bytes still allowed across all the archives of one package (the nested ZIPs share it). */
export interface ZipBudget {
  remaining: number;
}

export class ZipError extends Error {
  override readonly name = 'ZipError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const SLICE = 1024; // deflate expands at most ~1032:1, so one step inflates at most ~1 MB

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** File name → bytes (directory entries are left out). Throws ZipError on anything outside the limits. */
export function unzipBounded(data: Uint8Array, limits: ZipLimits, budget: ZipBudget): Map<string, Uint8Array> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const entries = centralDirectory(data, view, limits);
  let declared = 0;
  for (const entry of entries) declared += entry.size;
  if (declared > budget.remaining) throw new ZipError(`the archive declares ${declared} unzipped bytes, over the ${budget.remaining} still allowed`);
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) {
      if (entry.size !== 0) throw new ZipError(`directory entry ${entry.name} has content`);
      continue;
    }
    const bytes = inflateEntry(data, view, entry);
    budget.remaining -= bytes.length;
    files.set(entry.name, bytes);
  }
  return files;
}

function centralDirectory(data: Uint8Array, view: DataView, limits: ZipLimits): Entry[] {
  const end = findEndOfCentralDirectory(view);
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (disk !== 0 || cdDisk !== 0 || count !== view.getUint16(end + 8, true)) throw new ZipError('multi-disk archives are refused');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 archives are refused');
  if (count > limits.entries) throw new ZipError(`the archive has ${count} entries, over the limit of ${limits.entries}`);
  if (cdOffset + cdSize > end) throw new ZipError('the central directory lies outside the archive');
  const entries: Entry[] = [];
  const names = new Set<string>();
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw new ZipError('broken central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (flags & 0x1) throw new ZipError('encrypted entries are refused');
    if (method !== 0 && method !== 8) throw new ZipError(`compression method ${method} is refused`);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new ZipError('ZIP64 entries are refused');
    if (at + 46 + nameLength > end) throw new ZipError('broken central directory');
    const name = entryName(data.subarray(at + 46, at + 46 + nameLength));
    if (names.has(name)) throw new ZipError(`the entry ${JSON.stringify(name)} appears twice`);
    names.add(name);
    if (size > limits.entryBytes) throw new ZipError(`the entry ${JSON.stringify(name)} declares ${size} bytes, over the limit of ${limits.entryBytes}`);
    if (method === 0 && compressedSize !== size) throw new ZipError(`the stored entry ${JSON.stringify(name)} has two sizes`);
    entries.push({ name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new ZipError('not a ZIP archive');
}

/** Names that could escape a directory or confuse a reader are refused, even though nothing is written to disk. */
function entryName(bytes: Uint8Array): string {
  let name: string;
  try {
    name = strictUtf8(bytes);
  } catch {
    throw new ZipError('an entry name is not UTF-8');
  }
  const shown = JSON.stringify(name);
  if (name === '' || name.includes('\0')) throw new ZipError(`the entry name ${shown} is empty or has a NUL`);
  if (name.includes('\\')) throw new ZipError(`the entry name ${shown} has a backslash`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new ZipError(`the entry name ${shown} is an absolute path`);
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) throw new ZipError(`the entry name ${shown} has a '..', '.' or empty segment`);
  return name;
}

function inflateEntry(data: Uint8Array, view: DataView, entry: Entry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > data.length || view.getUint32(at, true) !== LOCAL) throw new ZipError(`no local header for ${JSON.stringify(entry.name)}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const compressed = data.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > data.length) throw new ZipError(`the entry ${JSON.stringify(entry.name)} runs past the archive`);
  if (entry.method === 0) return compressed.slice();

  const out = new Uint8Array(entry.size);
  let written = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    // Checked as it inflates: a directory that under-declares a size is stopped here, before more is produced.
    if (written + chunk.length > entry.size) throw new ZipError(`the entry ${JSON.stringify(entry.name)} inflates beyond its declared ${entry.size} bytes`);
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let offset = 0; offset < compressed.length; offset += SLICE) {
      const end = Math.min(offset + SLICE, compressed.length);
      inflater.push(compressed.subarray(offset, end), end === compressed.length);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`the entry ${JSON.stringify(entry.name)} is not valid deflate data`);
  }
  if (!ended || written !== entry.size) throw new ZipError(`the entry ${JSON.stringify(entry.name)} inflates to ${written} bytes, not the declared ${entry.size}`);
  return out;
}
