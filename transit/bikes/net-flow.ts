/**
 * Net flow per station (bikes per hour) over a rolling time window, from
 * successive status snapshots: (bikes now - bikes at the window's start) /
 * the time between. Only changes are stored (plus one point at or before the
 * window's start), so memory is bounded by the changes within one window.
 */

const HOUR = 3_600_000;

export interface NetFlowOptions {
  /** Window length, ms (default 60 min). */
  windowMs: number;
  /** Less history than this gives no rate: too noisy (default 15 min). */
  minSpanMs: number;
}

export const DEFAULT_NET_FLOW: NetFlowOptions = { windowMs: 60 * 60_000, minSpanMs: 15 * 60_000 };

/**
 * One station's history: change points, oldest first (times[i] is when the
 * count became counts[i]); none while forgotten. Kept by whoever walks the
 * stations, so that a station's history is not looked up by id each time.
 */
export class StationFlow {
  private firstSeen = 0;
  private readonly times: number[] = [];
  private readonly counts: number[] = [];

  constructor(private readonly opts: NetFlowOptions) {}

  /** Record the station's bike count as seen at `now` (engine time of its snapshot). */
  observe(now: number, bikes: number): void {
    const { times, counts } = this;
    if (times.length === 0) {
      this.firstSeen = now;
      times.push(now);
      counts.push(bikes);
      return;
    }
    if (counts[counts.length - 1] === bikes) return;
    times.push(now);
    counts.push(bikes);
    this.expire(now);
  }

  /** Drop the history (stale, or gone from the feed): the rate restarts from scratch. */
  forget(): void {
    this.times.length = 0;
    this.counts.length = 0;
  }

  /** Bikes per hour as of now; null with too little history. */
  rate(now: number): number | null {
    const { times, counts } = this;
    if (times.length === 0) return null;
    this.expire(now);
    const from = Math.max(now - this.opts.windowMs, this.firstSeen);
    const span = now - from;
    if (span < this.opts.minSpanMs || span <= 0) return null;
    const before = counts[0]; // the count at `from` (the first point is at or before it)
    const after = counts[counts.length - 1];
    return ((after - before) * HOUR) / span;
  }

  /**
   * The first engine time after `now` from which rate(t) may differ from
   * rate(now) if nothing new is observed; `now` itself when it may change at
   * any later time, Infinity when never. rate(now) must have been asked last
   * (the history is then expired as of now).
   */
  nextRateChange(now: number): number {
    const { times, counts, firstSeen } = this;
    if (times.length === 0) return Number.POSITIVE_INFINITY;
    // The oldest point stops being the count at the window's start: `before` changes.
    let at = times.length > 1 ? times[1] + this.opts.windowMs : Number.POSITIVE_INFINITY;
    // Until the window is full the span is the time since first seen, and grows.
    if (now < firstSeen + this.opts.windowMs) {
      const moved = counts[0] !== counts[counts.length - 1];
      if (moved || now <= firstSeen) return now;
      // A flat history reads null, then 0 from the minimum span on.
      const firstRate = firstSeen + this.opts.minSpanMs;
      if (firstRate > now) at = Math.min(at, firstRate);
    }
    return at;
  }

  /** Drop points older than the one in force at the window's start. */
  private expire(now: number): void {
    const { times, counts } = this;
    const start = now - this.opts.windowMs;
    let drop = 0;
    while (drop + 1 < times.length && times[drop + 1] <= start) drop++;
    if (drop > 0) {
      times.splice(0, drop);
      counts.splice(0, drop);
    }
  }
}

/** Every station's flow, by id. */
export class NetFlowTracker {
  private readonly flows = new Map<string, StationFlow>();

  constructor(private readonly opts: NetFlowOptions = DEFAULT_NET_FLOW) {}

  /** The station's flow (a new one, without history, for a station not seen before). */
  of(id: string): StationFlow {
    let f = this.flows.get(id);
    if (!f) this.flows.set(id, (f = new StationFlow(this.opts)));
    return f;
  }

  /** Keep only the stations in `ids`: one that leaves and comes back starts without history. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.flows.keys()) if (!ids.has(id)) this.flows.delete(id);
  }
}

/** Minutes until a station empties (draining) or fills (filling) at its rate; null otherwise. */
export function minutesTo(
  rate: number | null,
  bikes: number,
  docks: number,
): { toEmpty: number | null; toFull: number | null } {
  if (rate === null || rate === 0) return { toEmpty: null, toFull: null };
  if (rate < 0) return { toEmpty: (bikes / -rate) * 60, toFull: null };
  return { toEmpty: null, toFull: (docks / rate) * 60 };
}
