/** Uploads a citizen's file as soon as it is chosen, so the submission carries only a reference. */
import { UploadError } from '@formosa/engine';
import type { Attachment } from '@formosa/schema';
import { deadline, fetcherOf } from './fetching.js';

export interface UploadRequest {
  /** The agency's attachments URL. */
  readonly endpoint: string;
  readonly file: Blob & { readonly name: string };
  /** The JSON pointer of the file field, so the agency applies that field's type and size limits. */
  readonly field: string;
  readonly signal?: AbortSignal;
}

/**
 * Creates a function that uploads one file and resolves with its reference (id, name, type, size, url).
 * Refusals are `UploadError`s of kind `type` (415) or `size` (413); a dropped connection is `network`.
 * @example
 * const upload = createUploader();
 * const attachment = await upload({ endpoint: '/api/forms/rent-subsidy/attachments', file, field: '/rental/lease' });
 */
export function createUploader(options: { fetch?: typeof fetch; headers?: Readonly<Record<string, string>>; timeout?: number } = {}): (request: UploadRequest) => Promise<Attachment> {
  const doFetch = fetcherOf(options.fetch);
  return async ({ endpoint, file, field, signal }) => {
    const url = new URL(endpoint, globalThis.location?.href ?? 'http://localhost/');
    url.searchParams.set('field', field);
    let response: Response;
    try {
      response = await doFetch(url.href, {
        method: 'POST',
        headers: { 'content-type': file.type || 'application/octet-stream', 'x-formosa-filename': encodeURIComponent(file.name), accept: 'application/json', ...options.headers },
        body: file,
        signal: deadline(options.timeout ?? 120_000, signal),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new UploadError('network', error instanceof Error ? error.message : String(error));
    }
    if (response.status === 201) {
      const attachment = (await response.json()) as Attachment;
      // The agency answers with its own path; on a page of another origin, that path must stay the agency's.
      return attachment.url ? { ...attachment, url: new URL(attachment.url, url).href } : attachment;
    }
    if (response.status === 415) throw new UploadError('type', 'The agency does not accept this type of file', 415);
    if (response.status === 413) throw new UploadError('size', 'The file is larger than the agency accepts', 413);
    throw new UploadError('server', `The service answered ${response.status}`, response.status);
  };
}

/**
 * Creates a function that asks the agency to delete a file the citizen removed before sending (DELETE on the
 * file's `url`, resolved against `base`). Best effort: a file a submission already took is kept by the server
 * (409), and one left behind is deleted by the server's retention sweep anyway, so failures only resolve `false`.
 * @example
 * const remove = createAttachmentRemover({ base: 'https://agency.example/api/forms/rent-subsidy/attachments' });
 * await remove(attachment); // true when the agency deleted it
 */
export function createAttachmentRemover(options: { base: string; fetch?: typeof fetch; headers?: Readonly<Record<string, string>> }): (attachment: Attachment) => Promise<boolean> {
  const doFetch = fetcherOf(options.fetch);
  return async (attachment) => {
    if (!attachment.url) return false;
    try {
      // The token the upload issued: nobody but the uploader may delete a file.
      const token: Record<string, string> = attachment.token ? { 'x-formosa-attachment-token': attachment.token } : {};
      const response = await doFetch(new URL(attachment.url, options.base).href, { method: 'DELETE', headers: { ...options.headers, ...token }, signal: deadline(30_000) });
      return response.status === 204;
    } catch {
      return false;
    }
  };
}
