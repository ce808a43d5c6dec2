/**
 * The base class of every error the SDK throws, with a stable `code` for programs.
 * @example
 * try { parseJsonSource('{') } catch (e) { if (e instanceof FormosaError) console.log(e.code) }
 */
export class FormosaError extends Error {
  override name = 'FormosaError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
