/**
 * Exponential backoff with "full jitter": the delay is drawn uniformly from
 * [0, min(maxMs, baseMs * 2^(failure-1))). Jitter spreads the retries of the
 * ~14 pollers that failed together (one upstream outage) so they do not all
 * hit the endpoint again in the same instant.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Uniform in [0, 1), like Math.random; injectable so tests are exact. */
  random: () => number;
}

/** The ceiling for the `failure`-th consecutive failure (1-based). */
export function backoffCeilingMs(failure: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, failure - 1);
  // 2^31 already exceeds any sane cap; clamping the exponent avoids Infinity
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 31));
}

export function backoffDelayMs(failure: number, o: BackoffOptions): number {
  return Math.floor(o.random() * backoffCeilingMs(failure, o.baseMs, o.maxMs));
}
