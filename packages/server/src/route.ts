/** The shape of the server's routes, so each concern (back office, status, deliveries, funnel) brings its own list. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServedForm } from './forms.js';

/**
 * A route: method, path pattern and handler. A first capture group names a form: the router resolves it (404 for an
 * unknown form) and passes it. Writes (not GET) are rate-limited per address and per form by the router.
 * @example
 * const health: Route = ['GET', /^\/api\/health$/, (_req, res) => sendJson(res, 200, { status: 'ok' })];
 */
export type Route = readonly [method: string, pattern: RegExp, handler: (req: IncomingMessage, res: ServerResponse, form: ServedForm | undefined, match: RegExpExecArray) => Promise<void> | void];
