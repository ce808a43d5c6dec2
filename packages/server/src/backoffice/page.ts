/**
 * The back office page at /backoffice/: static HTML, a stylesheet and a script (page/), under a strict policy of its
 * own — scripts and styles from this origin only, nothing inline, no HTML parsed from strings (Trusted Types allow
 * no policy), no framing. It holds no data: what it shows comes from /api/backoffice with the token pasted in it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveFile } from '../http.js';
import type { Route } from '../route.js';

export const PAGE_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "require-trusted-types-for 'script'", "trusted-types 'none'",
].join('; ');

/** The page's folder, beside this module: in the sources, and in dist/ (copied there by the build). */
const page = fileURLToPath(new URL('./page/', import.meta.url));
const folder = existsSync(page) ? page : undefined;

/**
 * The page's routes, for the back office's list.
 * @example
 * const routes: Route[] = [...pageRoutes()];
 */
export function pageRoutes(): Route[] {
  return [
    ['GET', /^\/backoffice$/, (_req, res) => void res.writeHead(308, { location: '/backoffice/' }).end()],
    ['GET', /^\/backoffice\/(?:index\.html|backoffice\.js|backoffice\.css)?$/, async (req, res) => {
      const name = new URL(req.url ?? '/', 'http://localhost').pathname.slice('/backoffice/'.length) || 'index.html';
      if (!folder || !(await serveFile(res, folder, name, { 'content-security-policy': PAGE_CSP }, req))) res.writeHead(404).end();
    }],
  ];
}
