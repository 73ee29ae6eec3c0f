import { FeedError, fail, ok, type Result } from "../errors";
import { DEFAULT_MAX_AGE_MS, type DecodeContext, type FreshnessOptions, receivedAtOf } from "./context";

/**
 * A 'stale' error that still carries the decoded value: the caller decides
 * whether old data is better than none (the dashboard keeps showing it,
 * marked stale). `error.kind === "stale"` like any other FeedError.
 */
export class StaleFeedError<T> extends FeedError {
  readonly value: T;
  readonly ageMs: number;

  constructor(value: T, ageMs: number, maxAgeMs: number, ctx: DecodeContext) {
    super("stale", `feed timestamp is ${Math.round(ageMs / 1000)} s old (limit ${maxAgeMs / 1000} s)`, ctx);
    this.value = value;
    this.ageMs = ageMs;
  }
}

/** ok(value) unless the feed's own timestamp is older than maxAgeMs at receivedAt. */
export function checkFresh<T>(
  value: T,
  feedTimestampMs: number,
  ctx: DecodeContext,
  options: FreshnessOptions = {},
): Result<T> {
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const ageMs = receivedAtOf(ctx) - feedTimestampMs;
  return ageMs > maxAgeMs ? fail(new StaleFeedError(value, ageMs, maxAgeMs, ctx)) : ok(value);
}
