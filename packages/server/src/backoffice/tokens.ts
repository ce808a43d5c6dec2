/**
 * Caseworkers' API tokens: `fbo_<id>_<secret>`, shown once when created, stored as the SHA-256 of the secret
 * (the secret is 256 random bits, so a fast hash is enough: there is nothing to guess), each with scopes and the
 * forms it may see. Designed so an OIDC login can issue the same kind of principal later.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a token may do. `read` lists and reads applications; `decide` changes their status; `export` exports; `admin` manages tokens and deliveries. */
export const SCOPES = ['read', 'decide', 'export', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** A token as stored: never its secret. */
export interface StoredToken {
  readonly id: string;
  readonly hash: string;
  /** Who holds it, for the access log: e.g. "王小明 (台北市社會局)". */
  readonly holder: string;
  readonly scopes: readonly Scope[];
  /** The forms it may see; `*` for every form. */
  readonly forms: readonly string[];
  readonly createdAt: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

/** Who is asking, once a token is checked. */
export interface Principal {
  readonly tokenId: string;
  readonly holder: string;
  readonly scopes: readonly Scope[];
  readonly forms: readonly string[];
}

const FORMAT = /^fbo_([0-9a-z]{12})_([A-Za-z0-9_-]{43})$/;
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/**
 * A new token: the text to give its holder (once) and what to store.
 * @example
 * const { text, stored } = newToken({ holder: '王小明', scopes: ['read'], forms: ['rent-subsidy'] }, new Date());
 */
export function newToken(grant: { holder: string; scopes: readonly Scope[]; forms: readonly string[]; expiresAt?: string }, now: Date): { text: string; stored: StoredToken } {
  const id = randomBytes(8).toString('hex').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  return { text: `fbo_${id}_${secret}`, stored: { id, hash: hashOf(secret), holder: grant.holder, scopes: [...grant.scopes], forms: [...grant.forms], createdAt: now.toISOString(), ...(grant.expiresAt ? { expiresAt: grant.expiresAt } : {}) } };
}

/** The id a token's text names (to find it in the store), or `undefined` for anything not shaped like a token. */
export function tokenIdOf(text: string): string | undefined {
  return FORMAT.exec(text)?.[1];
}

/** The principal a token's text proves, or why not. Compared in constant time; revoked and expired tokens prove nothing. */
export function checkToken(text: string, stored: StoredToken | undefined, now: Date): Principal | 'invalid' | 'expired' | 'revoked' {
  const match = FORMAT.exec(text);
  if (!match || !stored || stored.id !== match[1]) return 'invalid';
  const given = Buffer.from(hashOf(match[2]!)), expected = Buffer.from(stored.hash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  if (stored.revokedAt) return 'revoked';
  if (stored.expiresAt && Date.parse(stored.expiresAt) <= now.getTime()) return 'expired';
  return { tokenId: stored.id, holder: stored.holder, scopes: stored.scopes, forms: stored.forms };
}

/** Whether a principal may do `scope` on `formId`. */
export function allows(principal: Principal, scope: Scope, formId: string): boolean {
  return principal.scopes.includes(scope) && (principal.forms.includes('*') || principal.forms.includes(formId));
}
