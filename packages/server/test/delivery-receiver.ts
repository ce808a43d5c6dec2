/**
 * A real endpoint of an agency's case system, for the delivery tests: an HTTP server on 127.0.0.1 that checks each
 * delivery's signature with `verifyDelivery` (as a receiver must), keeps what it received, and answers as the test
 * says (a failing endpoint answers 503).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyDelivery, type DeliveryEvent, type SigningKey } from '@formosa/server';

export interface Received {
  readonly eventId: string;
  /** The delivery's signed timestamp, in ms (the sender's clock: the tests' fake one). */
  readonly at: number;
  readonly event: DeliveryEvent;
  /** What the endpoint answered. */
  readonly status: number;
}

export interface Receiver {
  readonly url: string;
  /** Every delivery that arrived with a valid signature, in order, whatever the answer. */
  readonly received: Received[];
  /** Deliveries whose signature did not verify (must stay empty). */
  readonly forged: string[];
  /** Event ids answered 2xx, de-duplicated: what the agency's system keeps. */
  kept(): Set<string>;
  close(): Promise<void>;
}

/**
 * Starts a receiver; `answer(event, clockMs)` gives the status to answer (204 by default), after `delayMs` (a case
 * system takes its time: a sender killed meanwhile leaves its delivery leased). `clock` is the sender's.
 */
export async function startReceiver(key: SigningKey, answer: (event: DeliveryEvent, at: number) => number = () => 204, { clock = Date.now, delayMs = 0 }: { clock?: () => number; delayMs?: number } = {}): Promise<Receiver> {
  const received: Received[] = [];
  const forged: string[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    // The sender's clock may be the test's fake one: check the signature's freshness against it.
    const verdict = verifyDelivery(req.headers, body, [key], { now: clock() });
    if (!verdict.ok) {
      forged.push(verdict.reason);
      return res.writeHead(401).end();
    }
    const event = JSON.parse(body) as DeliveryEvent;
    const at = Number(req.headers['formosa-timestamp']) * 1000;
    if (delayMs) await new Promise((done) => setTimeout(done, delayMs));
    // The sender went away meanwhile (killed): this system keeps nothing it could not acknowledge.
    if (req.socket.destroyed) return;
    const status = answer(event, at);
    received.push({ eventId: verdict.id, at, event, status });
    res.writeHead(status).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/formosa-events`,
    received,
    forged,
    kept: () => new Set(received.filter((r) => r.status < 300).map((r) => r.eventId)),
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
