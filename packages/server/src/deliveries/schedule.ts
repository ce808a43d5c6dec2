/**
 * When a failed delivery is tried again: a back-off from a minute to twenty hours (about 35.6 hours in all, as
 * FormSG's webhooks), each wait stretched by up to a fifth at random so that retries after an agency's outage do
 * not arrive all at once. Jitter only lengthens a wait: the whole schedule never falls under 35 hours.
 */
const MINUTE = 60_000;

/** The waits after the 1st, 2nd, … failed attempt. After the last, the delivery is parked (and an alert raised). */
export const RETRY_WAITS_MS: readonly number[] = [1, 5, 30, 60, 120, 240, 480, 1200].map((m) => m * MINUTE);

/** The most a wait is stretched, as a fraction of it. */
export const JITTER = 0.2;

/**
 * When to try again after `failures` failed attempts (1 after the first), or `undefined` once retries are spent.
 * @example
 * nextAttemptAt(1, Date.parse('2026-12-06T00:00:00Z'), () => 0) // 2026-12-06T00:01:00Z
 */
export function nextAttemptAt(failures: number, failedAt: number, random: () => number = Math.random): number | undefined {
  const wait = RETRY_WAITS_MS[failures - 1];
  return wait === undefined ? undefined : failedAt + Math.round(wait * (1 + JITTER * random()));
}
