/**
 * Rate limits for anonymous writes: a sliding window per client address and per form, and an upload byte quota
 * per address. Kept in memory, per process (several instances each keep their own). A refused request learns
 * when to come back (Retry-After).
 */

/** At most `requests` (or `bytes`) in any `seconds`. */
export interface Window {
  readonly requests?: number;
  readonly bytes?: number;
  readonly seconds: number;
}

export interface LimitOptions {
  /** Writes (submissions, lookups, uploads, deletions) per client address; default 120 a minute. */
  readonly perAddress?: Window;
  /** Writes per form, from everyone; default 6,000 a minute. */
  readonly perForm?: Window;
  /** Bytes uploaded per client address, counted as they are read; default 100 MB an hour. */
  readonly uploadBytes?: Window;
}

export const DEFAULT_LIMITS: Required<LimitOptions> = {
  perAddress: { requests: 120, seconds: 60 },
  perForm: { requests: 6_000, seconds: 60 },
  uploadBytes: { bytes: 100 * 1024 * 1024, seconds: 3_600 },
};

/** Counts per key in fixed buckets of a window (a tenth of it each), so memory is bounded by the keys seen lately. */
export class SlidingWindow {
  private readonly buckets = new Map<string, { start: number; counts: number[] }>();
  private readonly slice: number;

  constructor(
    private readonly limit: number,
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.slice = (seconds * 1000) / 10;
  }

  /** Takes `amount` for `key`; returns 0 if allowed, else the seconds to wait. */
  take(key: string, amount = 1): number {
    return this.check(key, amount, true);
  }

  /** The seconds to wait before `amount` would be allowed for `key` (0: now), taking nothing. */
  wait(key: string, amount = 1): number {
    return this.check(key, amount, false);
  }

  private check(key: string, amount: number, take: boolean): number {
    const now = this.now();
    const current = Math.floor(now / this.slice);
    let entry = this.buckets.get(key);
    if (!entry || current - entry.start >= 20) entry = { start: current, counts: [] };
    // Drop the slices that left the window (the last ten slices are the window).
    while (entry.start < current - 9) {
      entry.counts.shift();
      entry.start++;
    }
    const used = entry.counts.reduce((a, b) => a + (b ?? 0), 0);
    if (used + amount > this.limit) {
      const oldest = entry.counts.findIndex((c) => (c ?? 0) > 0);
      const freeAt = (entry.start + Math.max(0, oldest) + 10) * this.slice;
      return Math.max(1, Math.ceil((freeAt - now) / 1000));
    }
    if (!take) return 0;
    const index = current - entry.start;
    entry.counts[index] = (entry.counts[index] ?? 0) + amount;
    this.buckets.set(key, entry);
    if (this.buckets.size > 100_000) this.prune(current);
    return 0;
  }

  private prune(current: number): void {
    for (const [key, entry] of this.buckets) if (current - entry.start >= 10) this.buckets.delete(key);
  }

  get windowSeconds(): number {
    return this.seconds;
  }
}
