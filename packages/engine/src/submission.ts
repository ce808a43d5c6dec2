/** The submission contract shared by the workflow (which waits for it) and the transport (which performs it). */
import { FormosaError } from '@formosa/schema';
import type { FieldError } from './form-engine.js';

/**
 * What the agency's endpoint returns for a stored submission.
 * @example
 * const receipt: Receipt = { id: '6f1c…', receipt: 'RS-20261122-7K3Q9X' };
 */
export interface Receipt {
  /** The stored submission's identifier. */
  readonly id: string;
  /** The number the citizen quotes to the agency. */
  readonly receipt: string;
  /** ISO 8601 time the server stored it. */
  readonly submittedAt?: string;
  /** The status code (`7K3Q9-XB2MD`) that, with the receipt number, lets the citizen follow the application. */
  readonly secret?: string;
}

/** Why a submission did not go through: `network` (nothing known arrived), `rejected` (422, field errors), `server` (other status). */
export type SubmissionFailure = 'network' | 'rejected' | 'server';

/**
 * A failed submission. `fieldErrors` holds the server's per-field codes when it rejected the data.
 * @example
 * throw new SubmissionError('rejected', 'The server rejected 1 answer', [{ path: '/applicant/name', code: 'required', params: {} }], 422);
 */
export class SubmissionError extends FormosaError {
  override name = 'SubmissionError';
  constructor(
    readonly kind: SubmissionFailure,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    readonly status?: number,
  ) {
    super(`submission_${kind}`, message);
  }
}

/** Why an upload failed: `type` or `size` (refused by the agency), `network`, or `server`. */
export type UploadFailure = 'type' | 'size' | 'network' | 'server';

/** A file the endpoint would not (or could not) take. */
export class UploadError extends FormosaError {
  override name = 'UploadError';
  constructor(
    readonly kind: UploadFailure,
    message: string,
    readonly status?: number,
  ) {
    super(`upload_${kind}`, message);
  }
}

/**
 * Why an upload failed, read from the error rather than its class: the uploader may come from a chunk loaded on its
 * own (dist/chunks/upload.js), whose `UploadError` is a class of its own.
 */
export function uploadFailureOf(error: unknown): UploadFailure | undefined {
  const failed = error as Partial<UploadError> | null | undefined;
  return failed?.name === 'UploadError' ? failed.kind : undefined;
}
