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

/** Change points, oldest first: times[i] is when the count became counts[i]. */
interface Trace {
  firstSeen: number;
  times: number[];
  counts: number[];
}

export class NetFlowTracker {
  private readonly traces = new Map<string, Trace>();

  constructor(private readonly opts: NetFlowOptions = DEFAULT_NET_FLOW) {}

  /** Record a station's bike count as seen at `now` (engine time of its snapshot). */
  observe(id: string, now: number, bikes: number): void {
    const tr = this.traces.get(id);
    if (!tr) {
      this.traces.set(id, { firstSeen: now, times: [now], counts: [bikes] });
      return;
    }
    if (tr.counts[tr.counts.length - 1] === bikes) return;
    tr.times.push(now);
    tr.counts.push(bikes);
    this.expire(tr, now);
  }

  /** Drop a station's history (stale, or gone from the feed): its rate restarts from scratch. */
  forget(id: string): void {
    this.traces.delete(id);
  }

  /** Keep only the stations in `ids`. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.traces.keys()) if (!ids.has(id)) this.traces.delete(id);
  }

  /** Bikes per hour as of now; null with too little history. */
  rate(id: string, now: number): number | null {
    const tr = this.traces.get(id);
    if (!tr) return null;
    this.expire(tr, now);
    const from = Math.max(now - this.opts.windowMs, tr.firstSeen);
    const span = now - from;
    if (span < this.opts.minSpanMs || span <= 0) return null;
    const before = tr.counts[0]; // the count at `from` (the first point is at or before it)
    const after = tr.counts[tr.counts.length - 1];
    return ((after - before) * HOUR) / span;
  }

  get size(): number {
    return this.traces.size;
  }

  /** Drop points older than the one in force at the window's start. */
  private expire(tr: Trace, now: number): void {
    const start = now - this.opts.windowMs;
    let drop = 0;
    while (drop + 1 < tr.times.length && tr.times[drop + 1] <= start) drop++;
    if (drop > 0) {
      tr.times.splice(0, drop);
      tr.counts.splice(0, drop);
    }
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
