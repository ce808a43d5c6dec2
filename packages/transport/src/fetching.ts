/** What every request of the transport shares: which fetch to call, and when to give up. */

/** The host's fetch if given (tests, a wrapper adding headers), else the global one, looked up at call time. */
export function fetcherOf(custom?: typeof fetch): typeof fetch {
  return custom ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
}

/** A signal that aborts after `timeout` ms, or as soon as the caller's own signal does. */
export function deadline(timeout: number, signal?: AbortSignal): AbortSignal {
  return signal ? AbortSignal.any([signal, AbortSignal.timeout(timeout)]) : AbortSignal.timeout(timeout);
}
