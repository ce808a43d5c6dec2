/** Faults a test (or the consent page) injects into the next transaction. */

/** Every code the platform returns to the SP's returnUrl besides 200. */
export const RETURN_FAULT_CODES = [205, 400, 401, 403, 404, 408, 409, 410, 423, 504] as const;
export type ReturnFaultCode = (typeof RETURN_FAULT_CODES)[number];

/** Codes the platform gives before any consent (bad request, scope, returnUrl, suspended): returned from the redirect. */
export const REDIRECT_STAGE_CODES: readonly number[] = [400, 401, 403, 404, 423];

export type ZipBomb = 'oversized' | 'entries' | 'traversal';

/** Sizes of the zip-bomb faults: small to send, over any sensible unzip limit. */
export const ZIP_BOMB = { oversizedBytes: 64 * 1024 * 1024, entries: 5000, traversalName: '../../../tmp/formosa-mydata-escape.json' } as const;

/**
 * One transaction's faults; they combine (`{ pull: [429, 200], badDigest: 'API.UDauDOLyZg' }`).
 * @example sandbox.fault({ code: 205 }); sandbox.fault({ pull: [429, 429, 200] });
 */
export interface Fault {
  /** Return with this code: 400/401/403/404/423 straight from the redirect, the others when the citizen agrees. */
  readonly code?: ReturnFaultCode;
  /** Statuses of successive pulls before the package is handed over, e.g. `[429, 429, 200]` (or `[503]`, `[403]`). */
  readonly pull?: readonly number[];
  /** Datasets the providers cannot deliver (`unable_to_deliver`); all of them → code 504. */
  readonly unavailable?: readonly string[];
  /** This dataset's data file differs from its digest in the manifest. */
  readonly badDigest?: string;
  /** This dataset's manifest signature is wrong (digests fine). */
  readonly badSignature?: string;
  /** This dataset is signed with a self-signed certificate, not one issued by the sandbox's CA. */
  readonly wrongCertificate?: string;
  /** The first pull already answers 201 (taken). */
  readonly secondDownload?: boolean;
  /** The JWE arrives cut short. */
  readonly truncatedJwe?: boolean;
  /** The first dataset's ZIP holds a huge entry, thousands of entries, or a path escaping the folder. */
  readonly zipBomb?: ZipBomb;
  /** The SP-API notification is not sent: the citizen returns with 410. */
  readonly notifyFails?: boolean;
}
