/**
 * The service-provider side of MyData: redirect, notification, pull, verification, return. Transactions live in
 * this process's memory only (they last the platform's ~20 minutes plus a grace); the ticket and secret key live
 * only for the duration of the pull; the raw package is never written anywhere.
 */
import { randomUUID } from 'node:crypto';
import { resolveProtocol } from './protocol.js';
import { RETURN_CODES } from './return-codes.js';
import { DEFAULT_LIMITS, DEFAULT_PULL, type Connector, type MyDataConfig, type TxResult } from './types.js';
import { openAuditLog } from './internal/audit.js';
import { cbcKeys, decryptBase64, encryptBase64, type CbcKeys } from './internal/cbc.js';
import { deriveKey } from './internal/keys.js';
import { readNotification, UUID, type Notification } from './internal/notification.js';
import { PackageError, openPackage } from './internal/package.js';
import { BAD_ANSWER, pullPackage } from './internal/pull.js';
import { encodeResources } from './internal/resources.js';
import { trustAnchors } from './internal/verify.js';

interface Transaction {
  readonly id: string;
  readonly subject: string;
  readonly resources: readonly string[];
  readonly createdAt: number;
  notified: boolean;
  result: TxResult;
  readonly waiters: Set<() => void>;
  readonly abort: AbortController;
  pulling?: Promise<void>;
}

/** National ID or resident certificate number: a letter, a letter or digit, eight digits. */
const SUBJECT = /^[A-Z][A-Z0-9]\d{8}$/;
const SWEEP_MS = 60_000;

/**
 * @example
 * const mydata = createConnector(config);
 * const { txId, url } = mydata.begin({ resources: ['API.UDauDOLyZg'], subject: 'A123456789' });
 * // redirect the browser to url; POST /mydata/notify → mydata.notify(body); GET /mydata/return → mydata.returned(query)
 * const result = await mydata.settled(txId, 30_000);
 */
export function createConnector(config: MyDataConfig): Connector {
  const protocol = resolveProtocol(config.protocol);
  const limits = { ...DEFAULT_LIMITS, ...config.limits };
  const policy = { ...DEFAULT_PULL, ...config.pull };
  const now = config.now ?? Date.now;
  const doFetch = config.fetch ?? fetch;
  const keys = cbcKeys(protocol, config.clientSecret, config.cbcIv);
  const anchors = trustAnchors(config.trustedCertificates);
  if (anchors.length === 0) throw new Error('MyData: trustedCertificates is empty; no dataset could ever be verified');
  const platform = new URL(config.platform);
  const dataUrl = new URL(protocol.dataPath, platform).toString();
  const audit = openAuditLog(config.auditLog, deriveKey(config.secret, 'audit'), now);
  const sealKey = deriveKey(config.secret, 'seal');
  const transactions = new Map<string, Transaction>();
  const sweeper = setInterval(sweep, SWEEP_MS);
  sweeper.unref();
  let closed = false;

  function sweep(): void {
    const oldest = now() - protocol.transactionMs - protocol.graceMs;
    for (const tx of transactions.values()) if (tx.createdAt < oldest) drop(tx);
  }

  function drop(tx: Transaction): void {
    tx.abort.abort();
    transactions.delete(tx.id);
    wake(tx);
  }

  function wake(tx: Transaction): void {
    for (const waiter of tx.waiters) waiter();
    tx.waiters.clear();
  }

  function settle(tx: Transaction, result: TxResult): void {
    tx.result = result;
    wake(tx);
  }

  function find(txId: string): Transaction | undefined {
    sweep();
    return transactions.get(txId);
  }

  function resultOf(txId: string): TxResult {
    return find(txId)?.result ?? { state: 'failed', code: 408, reason: 'unknown_transaction' };
  }

  async function pull(tx: Transaction, notification: Notification, secretKey: Uint8Array): Promise<void> {
    try {
      const outcome = await pullPackage({
        fetch: doFetch,
        url: dataUrl,
        ticket: notification.ticket,
        txId: tx.id,
        protocol,
        policy,
        packageBytes: limits.packageBytes,
        signal: tx.abort.signal,
        now,
        onAttempt: (status, attempt) => audit.write('pull', { tx: tx.id, subject: tx.subject, result: String(status), detail: { status, attempt } }),
      });
      if (!outcome.ok) {
        audit.write('failed', { tx: tx.id, subject: tx.subject, result: 'failed', detail: { code: outcome.code, reason: outcome.reason } });
        return settle(tx, { state: 'failed', code: outcome.code, reason: outcome.reason });
      }
      const opened = await openPackage({ jwe: outcome.jwe, secretKey, requested: tx.resources, protocol, limits, anchors, now: new Date(now()) });
      for (const dataset of opened.datasets) {
        audit.write(dataset.verified ? 'verified' : 'failed', {
          tx: tx.id,
          subject: tx.subject,
          result: dataset.verified ? 'ok' : (dataset.reason ?? 'failed'),
          detail: { resource: dataset.resource, ...(dataset.detail ? { reason: dataset.detail } : {}) },
        });
      }
      audit.write('deleted', { tx: tx.id, subject: tx.subject, result: 'ok', detail: { what: 'package' } });
      const unavailable = [...new Set([...notification.unableToDeliver.filter((id) => tx.resources.includes(id)), ...opened.unavailable])];
      if (unavailable.length > 0) audit.write('failed', { tx: tx.id, subject: tx.subject, result: 'unavailable', detail: { resources: unavailable } });
      const datasets = opened.datasets.filter((dataset) => !unavailable.includes(dataset.resource));
      settle(tx, { state: 'ready', subject: tx.subject, datasets, unavailable });
    } catch (error) {
      const reason = error instanceof PackageError ? error.reason : 'internal';
      // Only our own messages are logged: another error's message could quote what it was reading.
      const message = error instanceof PackageError ? error.message : error instanceof Error ? error.name : 'unknown';
      audit.write('failed', { tx: tx.id, subject: tx.subject, result: 'failed', detail: { code: BAD_ANSWER, reason, message } });
      if (error instanceof PackageError) audit.write('deleted', { tx: tx.id, subject: tx.subject, result: 'ok', detail: { what: 'package' } });
      settle(tx, { state: 'failed', code: BAD_ANSWER, reason });
    } finally {
      secretKey.fill(0);
    }
  }

  return {
    sealKey,

    begin({ resources, subject }) {
      if (closed) throw new Error('MyData: the connector is closed');
      const id = subject.trim().toUpperCase();
      if (!SUBJECT.test(id)) throw new TypeError('MyData: the subject must be a national ID or resident certificate number');
      const encoded = encodeResources(resources, protocol.resourceSeparator);
      const txId = randomUUID();
      const path = fill(protocol.consentPath, { clientId: config.clientId, resources: encoded, txId });
      const url = new URL(path, platform);
      url.searchParams.set(protocol.consentQuery.returnUrl, config.returnUrl);
      url.searchParams.set(protocol.consentQuery.pid, encryptBase64(keys, id));
      sweep();
      transactions.set(txId, {
        id: txId,
        subject: id,
        resources: [...resources],
        createdAt: now(),
        notified: false,
        result: { state: 'waiting' },
        waiters: new Set(),
        abort: new AbortController(),
      });
      audit.write('redirect', { tx: txId, subject: id, result: 'ok', detail: { resources: [...resources] } });
      return { txId, url: url.toString() };
    },

    notify(body) {
      const notification = readNotification(body, protocol.notification);
      if (!notification) return { status: 400, body: { code: 400, error: 'bad_notification' } };
      const tx = find(notification.txId);
      if (!tx) return { status: 400, body: { code: 400, error: 'unknown_transaction' } };
      if (tx.notified || tx.result.state !== 'waiting') {
        audit.write('notified', { tx: tx.id, subject: tx.subject, result: 'duplicate' });
        return { status: 200, body: { code: 200 } };
      }
      const secretKey = secretKeyBytes(keys, notification.secretKey, protocol.secretKeyBytes);
      if (!secretKey) {
        audit.write('notified', { tx: tx.id, subject: tx.subject, result: 'bad_secret_key' });
        return { status: 400, body: { code: 400, error: 'bad_secret_key' } };
      }
      tx.notified = true;
      tx.result = { state: 'pulling' };
      audit.write('notified', { tx: tx.id, subject: tx.subject, result: 'ok', detail: { unableToDeliver: [...notification.unableToDeliver] } });
      // Answered now; the platform sends the citizen back only once we answered, and the package may take a while.
      tx.pulling = pull(tx, notification, secretKey);
      return { status: 200, body: { code: 200 } };
    },

    returned(query) {
      const codes = query.getAll(protocol.returnQuery.code);
      const ids = query.getAll(protocol.returnQuery.txId);
      if (codes.length !== 1 || ids.length !== 1 || !/^\d{3}$/.test(codes[0]!)) return { error: 'bad_return' };
      const txId = decryptBase64(keys, ids[0]!)?.toLowerCase();
      if (txId === undefined || !UUID.test(txId)) return { error: 'bad_return' };
      const code = Number(codes[0]);
      const tx = find(txId);
      audit.write('returned', { tx: txId, subject: tx?.subject, result: String(code), detail: { code, known: tx !== undefined } });
      if (tx && code !== protocol.okCode && tx.result.state === 'waiting') {
        settle(tx, { state: 'failed', code, reason: RETURN_CODES[code]?.kind ?? 'unknown_code' });
      }
      return { txId, code };
    },

    result: resultOf,

    async settled(txId, timeoutMs) {
      const tx = find(txId);
      if (!tx || tx.result.state === 'ready' || tx.result.state === 'failed') return resultOf(txId);
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          tx.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        tx.waiters.add(done);
      });
      return resultOf(txId);
    },

    forget(txId) {
      const tx = transactions.get(txId);
      if (tx) drop(tx);
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      const pulls = [...transactions.values()].map((tx) => tx.pulling);
      for (const tx of [...transactions.values()]) drop(tx);
      await Promise.allSettled(pulls);
      audit.close();
    },
  };
}

/** Fills a path template; each value is one path segment (RFC 3986 pchar: Base64's `+` and `=` stay as they are). */
function fill(template: string, values: Record<string, string>): string {
  const segment = (value: string) => encodeURIComponent(value).replace(/%(2B|3D|3A|40|24|26|2C|3B)/g, (escaped) => decodeURIComponent(escaped));
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? segment(values[name]!) : whole));
}

/** The A256KW key: the decrypted secret_key's ASCII bytes, exactly as many as the protocol says. */
function secretKeyBytes(keys: CbcKeys, encrypted: string, length: number): Uint8Array | undefined {
  const plain = decryptBase64(keys, encrypted);
  if (plain === undefined || !/^[\x21-\x7e]*$/.test(plain)) return undefined;
  const bytes = new Uint8Array(Buffer.from(plain, 'ascii'));
  return bytes.length === length ? bytes : undefined;
}
