/**
 * One attempt at a delivery: a POST to the pinned address, bounded in time and in what is read back. Only a 2xx
 * answer counts as delivered; a redirect is a failure (it is not followed: it could point anywhere).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Destination } from './destination.js';

export type Attempt = { readonly delivered: true; readonly status: number } | { readonly delivered: false; readonly status?: number; readonly error: string };

/** What of an answer is kept for the delivery log. */
const ANSWER_BYTES = 1024;

export function postDelivery(destination: Destination, body: string, headers: Readonly<Record<string, string>>, { timeoutMs = 15_000 } = {}): Promise<Attempt> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: destination.address, family: destination.family }]);
    else callback(null, destination.address, destination.family);
  };
  const request = destination.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(destination.url, {
      method: 'POST', lookup: pinned, timeout: timeoutMs,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Formosa-Delivery/1', ...headers },
    }, (res: IncomingMessage) => {
      let kept = 0;
      res.on('data', (chunk: Buffer) => { kept += chunk.length; if (kept > ANSWER_BYTES) res.destroy(); });
      const status = res.statusCode ?? 0;
      const done = () => resolve(status >= 200 && status < 300 ? { delivered: true, status } : { delivered: false, status, error: `answered ${status}` });
      res.on('end', done);
      res.on('close', done);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ delivered: false, error: error.message }));
    req.end(body);
  });
}
