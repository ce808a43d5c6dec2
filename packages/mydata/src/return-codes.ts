/**
 * What each code the citizen comes back with (or the pull ends with) means, and whether trying again can help.
 * The kinds are stable names the server and the browser turn into a message and a way forward; every failure
 * leaves the citizen a form to fill in by hand.
 */
export type ReturnKind =
  | 'ok'
  | 'declined'
  | 'bad_request'
  | 'configuration'
  | 'other_person'
  | 'timeout'
  | 'notify_failed'
  | 'suspended'
  | 'unavailable';

export interface ReturnCode {
  readonly kind: ReturnKind;
  /** Whether starting MyData again may succeed (false: fill in by hand, or the agency must act). */
  readonly retry: boolean;
}

/**
 * @example
 * const { kind, retry } = RETURN_CODES[code] ?? RETURN_CODES[504]!;
 */
export const RETURN_CODES: Readonly<Record<number, ReturnCode>> = {
  200: { kind: 'ok', retry: false },
  /** The citizen declined at the platform. */
  205: { kind: 'declined', retry: true },
  /** Bad or duplicate parameters. */
  400: { kind: 'bad_request', retry: true },
  /** Unknown client or a resource outside the approved scope: the agency's registration. */
  401: { kind: 'configuration', retry: false },
  403: { kind: 'configuration', retry: false },
  /** The return URL does not match the registered one. */
  404: { kind: 'configuration', retry: false },
  /** The transaction's ~20 minutes ran out. */
  408: { kind: 'timeout', retry: true },
  /** The person who verified their identity is not the one the form is for. */
  409: { kind: 'other_person', retry: false },
  /** The platform could not reach our SP-API. */
  410: { kind: 'notify_failed', retry: true },
  /** The service is suspended. */
  423: { kind: 'suspended', retry: false },
  /** The data providers could not deliver. */
  504: { kind: 'unavailable', retry: true },
  // The pull's own endings (not return codes of the platform, same kinds so that one message covers them):
  /** The package was already downloaded (one-shot). */
  201: { kind: 'unavailable', retry: true },
  /** Still collecting beyond our bound on waiting. */
  429: { kind: 'unavailable', retry: true },
  /** Ours: the answer or the package could not be read (network, size, decryption, archive). */
  502: { kind: 'unavailable', retry: true },
};
