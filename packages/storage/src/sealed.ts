/**
 * Encryption at rest: every record is sealed with AES-GCM (256-bit) under one key made on this device, which is
 * kept in IndexedDB as a non-extractable CryptoKey (no script can read its bytes), with a fresh 96-bit IV per
 * write and the record's store and id as additional data (a record copied under another id does not open).
 */

/** What is written to IndexedDB for a record: never the plain text. */
export interface SealedRecord {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly data: ArrayBuffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A new device key: usable to encrypt and decrypt, never to export. */
export function newDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export class Sealer {
  constructor(private readonly key: CryptoKey) {}

  async seal(scope: string, bytes: Uint8Array<ArrayBuffer>): Promise<SealedRecord> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(scope) }, this.key, bytes);
    return { iv, data };
  }

  async open(scope: string, record: SealedRecord): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: encoder.encode(scope) }, this.key, record.data));
  }

  sealJson(scope: string, value: unknown): Promise<SealedRecord> {
    return this.seal(scope, encoder.encode(JSON.stringify(value)));
  }

  async openJson<T>(scope: string, record: SealedRecord): Promise<T> {
    return JSON.parse(decoder.decode(await this.open(scope, record))) as T;
  }
}
