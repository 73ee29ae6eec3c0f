/**
 * When a topic's news goes out: a token bucket for the rate, and the end of
 * a burst for the moment.
 *
 * Rate: on average one message per interval, at most BURST back to back.
 * Moment: a topic quiet long enough for its bucket to be full sends a
 * change at once (leading edge). Otherwise a change goes when its burst is
 * over: the engine has run every cycle due and expects none for SETTLE_MS;
 * from a source that does not say, when no change came for SETTLE_MS. It
 * never waits for that more than an interval, and always for a token.
 *
 * Why not a minimum gap between messages: the engine's outputs come in
 * bursts about once per interval (at 60x the eight subway feeds of a poll
 * are a few cycles within ~50 ms, every 500 ms of wall time). A minimum gap
 * sent the first output of a burst and held the rest for a whole interval:
 * the news a message carried was on median 70 ms old for status and 430 ms
 * for trains. Sending at the end of the burst carries its newest state, for
 * the same number of messages (or fewer).
 */

/** Messages a topic may send back to back after a quiet spell. */
export const BURST = 3;
/** A burst of changes is over when no cycle is due for this long (ms). */
export const SETTLE_MS = 30;

/** What the engine said last: it had run every cycle due at caughtUpAt, and expected none before quietUntil (wall ms). */
export interface EngineIdle {
  caughtUpAt: number;
  quietUntil: number;
}

export class SendTiming {
  private tokens = BURST;
  private tokensAt: number;

  /** interval: mean ms between two messages; now: wall ms. */
  constructor(
    readonly interval: number,
    now: number,
  ) {
    this.tokensAt = now;
  }

  /**
   * When the pending news may go out (<= now: now). oldest, newest: wall ms
   * of the oldest unsent change and of the newest change; null when the
   * topic does not know (a topic sampled at each flush, like the clock).
   * engine: what the engine said last (null: it does not say).
   */
  due(now: number, oldest: number | null, newest: number | null, engine: EngineIdle | null = null): number {
    this.refill(now);
    const tokenDue = this.tokens >= 1 ? now : now + (1 - this.tokens) * this.interval;
    // A topic quiet long enough for a full bucket sends a change at once, even mid-cycle (leading edge).
    if (oldest === null || newest === null || this.tokens >= BURST) return tokenDue;
    return Math.max(tokenDue, Math.min(burstOver(now, newest, engine), oldest + this.interval));
  }

  /** A message went out at `now`. */
  sent(now: number): void {
    this.refill(now);
    this.tokens = Math.max(0, this.tokens - 1);
  }

  private refill(now: number): void {
    this.tokens = Math.min(BURST, this.tokens + (now - this.tokensAt) / this.interval);
    this.tokensAt = now;
  }
}

/** When the burst that made the change at `newest` is over (Infinity: not known yet). */
function burstOver(now: number, newest: number, engine: EngineIdle | null): number {
  if (engine === null) return newest + SETTLE_MS;
  // A cycle is still running: its end may change the topic again; the engine will say when it is done.
  if (engine.caughtUpAt < newest) return Number.POSITIVE_INFINITY;
  if (engine.quietUntil - engine.caughtUpAt >= SETTLE_MS) return now;
  // Another cycle is due in a moment: wait for what it says, or for a quiet spell after it.
  return engine.quietUntil + SETTLE_MS;
}
