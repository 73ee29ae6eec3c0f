/**
 * Headways per line and direction (METRICS.md): the gap between consecutive
 * trains made at a station, kept for the last 60 minutes over all stations
 * of the line, compared with the scheduled headway of that station and hour:
 * discrepancy, long gaps, bunching, wait assessment, expected wait.
 */
import { type HourlyHeadway, lineKey, type TransitNetwork } from "../network";
import {
  BUNCHED_RATIO,
  GAP_RATIO,
  HEADWAY_MAX_GAP_MS,
  HEADWAY_SETTLE_MS,
  HEADWAY_WINDOW_MS,
  LONG_GAP_OVER_SEC,
  STATUS_GAP_RECENCY_MS,
  WAIT_ASSESSMENT_FACTOR,
} from "./constants";
import { TimedColumns } from "./time-queue";
import type { Direction, MadeStop } from "./types";

export interface HeadwayObs {
  t: number;
  stationId: string;
  sec: number;
  /** Scheduled headway at that station and hour (the line's hourly mean when the station has none). */
  scheduledSec: number | undefined;
  /**
   * The longest gap scheduled at that station in the hours the gap spans: long gaps are over it.
   * Undefined where the line is not scheduled to stop (a detour): no schedule, no long gap.
   */
  scheduledMaxSec: number | undefined;
}

export interface LongGap {
  t: number;
  stationId: string;
  sec: number;
  scheduledSec: number;
}

export interface HeadwaySummary {
  /** Actual headways in the window; mean and max NaN when none. */
  count: number;
  meanSec: number;
  maxSec: number;
  scheduled: HourlyHeadway | undefined;
  /** max actual - max scheduled, floored at 0 (undefined without both). */
  discrepancySec: number | undefined;
  longGaps: number;
  /** Headways with a scheduled one to compare with, and how many are bunched (<= 0.5) or gaps (>= 1.5). */
  compared: number;
  bunched: number;
  gaps: number;
  /** Share of compared headways <= scheduled + 25%. */
  waitAssessment: number | undefined;
  /** E[h^2] / (2 E[h]). */
  expectedWaitSec: number | undefined;
  /** The long gap furthest over schedule among those that closed within STATUS_GAP_RECENCY_MS (settled or not). */
  recentLongGap: LongGap | null;
}

/** E[h^2] / (2 E[h]) from the sums of h and h^2. */
const waitOf = (s1: number, s2: number) => (s1 > 0 ? s2 / (2 * s1) : undefined);

/** E[h^2] / (2 E[h]): the mean wait of a rider arriving at a random time. */
export function expectedWaitSec(headwaysSec: Iterable<number>): number | undefined {
  let s1 = 0;
  let s2 = 0;
  for (const h of headwaysSec) {
    s1 += h;
    s2 += h * h;
  }
  return waitOf(s1, s2);
}

/**
 * A line's headways of the last HEADWAY_WINDOW_MS, field by field (read on
 * every clock tick). An absent schedule is NaN, which no comparison in
 * summary() holds for, as none held for undefined.
 */
class HeadwayWindow extends TimedColumns {
  readonly stationId: string[] = [];
  readonly sec: number[] = [];
  readonly scheduledSec: number[] = [];
  readonly scheduledMaxSec: number[] = [];

  push(o: HeadwayObs): void {
    this.t.push(o.t);
    this.stationId.push(o.stationId);
    this.sec.push(o.sec);
    this.scheduledSec.push(o.scheduledSec ?? Number.NaN);
    this.scheduledMaxSec.push(o.scheduledMaxSec ?? Number.NaN);
  }

  protected columns(): unknown[][] {
    return [this.stationId, this.sec, this.scheduledSec, this.scheduledMaxSec];
  }
}

export class HeadwayTracker {
  private pending: MadeStop[] = [];
  /** The pending stops by line, in their order: built when first asked after a change (each line asks on the clock). */
  private pendingByLine: Map<string, MadeStop[]> | null = null;
  private readonly last = new Map<string, number>();
  private readonly windows = new Map<string, HeadwayWindow>();

  constructor(private readonly net: TransitNetwork) {}

  add(made: readonly MadeStop[]): void {
    for (const m of made) this.pending.push(m);
    if (made.length > 0) this.pendingByLine = null;
  }

  /** Turns stops made at least HEADWAY_SETTLE_MS ago into headways, in time order; expires the windows. */
  advance(now: number): void {
    const settled = now - HEADWAY_SETTLE_MS;
    const ready = this.pending.filter((m) => m.time <= settled);
    if (ready.length > 0) {
      this.pending = this.pending.filter((m) => m.time > settled);
      this.pendingByLine = null;
      ready.sort((a, b) => a.time - b.time || (a.tripKey < b.tripKey ? -1 : a.tripKey > b.tripKey ? 1 : 0));
      for (const m of ready) this.commit(m);
    }
    for (const q of this.windows.values()) q.expire(now, HEADWAY_WINDOW_MS);
    for (const [k, t] of this.last) if (t <= now - HEADWAY_MAX_GAP_MS) this.last.delete(k);
  }

  private commit(m: MadeStop): void {
    const line = lineKey(m.route, m.direction);
    const key = `${line}|${m.stationId}`;
    const prev = this.last.get(key);
    this.last.set(key, Math.max(prev ?? m.time, m.time));
    if (prev === undefined || !(m.time > prev) || m.time - prev > HEADWAY_MAX_GAP_MS) return;
    let q = this.windows.get(line);
    if (!q) this.windows.set(line, (q = new HeadwayWindow()));
    const scheduledSec =
      this.net.scheduledHeadwaySec(m.route, m.direction, m.stationId, m.time) ??
      this.net.lineHeadway(m.route, m.direction, m.time)?.meanSec;
    q.push({
      t: m.time,
      stationId: m.stationId,
      sec: (m.time - prev) / 1000,
      scheduledSec,
      scheduledMaxSec: this.scheduledMax(m, prev),
    });
  }

  private scheduledMax(m: MadeStop, prev: number): number | undefined {
    return this.net.scheduledMaxHeadwaySec(m.route, m.direction, m.stationId, prev, m.time);
  }

  /**
   * Long gaps closed by stops made too recently to be headways yet (their
   * order may still change, not their being long): without them a line would
   * show Good service between a held train's delay and the gap it leaves.
   */
  private unsettledLongGaps(route: string, direction: Direction): LongGap[] {
    const line = lineKey(route, direction);
    const first = new Map<string, MadeStop>();
    for (const m of this.pendingOf(line)) {
      const seen = first.get(m.stationId);
      if (!seen || m.time < seen.time) first.set(m.stationId, m);
    }
    const out: LongGap[] = [];
    for (const m of first.values()) {
      const prev = this.last.get(`${line}|${m.stationId}`);
      if (prev === undefined || !(m.time > prev) || m.time - prev > HEADWAY_MAX_GAP_MS) continue;
      const scheduledSec = this.scheduledMax(m, prev);
      const sec = (m.time - prev) / 1000;
      if (scheduledSec !== undefined && sec - scheduledSec >= LONG_GAP_OVER_SEC)
        out.push({ t: m.time, stationId: m.stationId, sec, scheduledSec });
    }
    return out;
  }

  private pendingOf(line: string): readonly MadeStop[] {
    if (!this.pendingByLine) {
      this.pendingByLine = new Map();
      for (const m of this.pending) {
        const key = lineKey(m.route, m.direction);
        const list = this.pendingByLine.get(key);
        if (list) list.push(m);
        else this.pendingByLine.set(key, [m]);
      }
    }
    return this.pendingByLine.get(line) ?? [];
  }

  /** The line's window as of `now` (call advance(now) first). */
  summary(route: string, direction: Direction, now: number): HeadwaySummary {
    const q = this.windows.get(lineKey(route, direction));
    const scheduled = this.net.lineHeadway(route, direction, now);
    let count = 0;
    let sum = 0;
    let max = Number.NaN;
    let compared = 0;
    let bunched = 0;
    let gaps = 0;
    let onTime = 0;
    let longGaps = 0;
    let recentLongGap: LongGap | null = null;
    // Sums for expectedWaitSec, in the same order.
    let s1 = 0;
    let s2 = 0;
    for (let i = q ? q.head : 0; q && i < q.t.length; i++) {
      const sec = q.sec[i];
      count++;
      sum += sec;
      s1 += sec;
      s2 += sec * sec;
      if (!(max >= sec)) max = sec;
      const scheduledSec = q.scheduledSec[i];
      if (!(scheduledSec > 0)) continue;
      compared++;
      const ratio = sec / scheduledSec;
      if (ratio <= BUNCHED_RATIO) bunched++;
      if (ratio >= GAP_RATIO) gaps++;
      if (sec <= scheduledSec * WAIT_ASSESSMENT_FACTOR) onTime++;
      // "Over schedule" is over the longest gap the timetable has there and then: the gaps of an
      // hour are not all equal (lines merging, service thinning out), and no rider calls a gap
      // the timetable itself has a long one. None where the line is not scheduled (NaN).
      const scheduledMax = q.scheduledMaxSec[i];
      const over = sec - scheduledMax;
      if (over >= LONG_GAP_OVER_SEC) {
        longGaps++;
        const t = q.t[i];
        const recent = t > now - STATUS_GAP_RECENCY_MS;
        if (recent && (!recentLongGap || over > recentLongGap.sec - recentLongGap.scheduledSec))
          recentLongGap = { t, stationId: q.stationId[i], sec, scheduledSec: scheduledMax };
      }
    }
    for (const g of this.unsettledLongGaps(route, direction))
      if (!recentLongGap || g.sec - g.scheduledSec > recentLongGap.sec - recentLongGap.scheduledSec)
        recentLongGap = g;
    return {
      count,
      meanSec: count > 0 ? sum / count : Number.NaN,
      maxSec: max,
      scheduled,
      discrepancySec: count > 0 && scheduled ? Math.max(0, max - scheduled.maxSec) : undefined,
      longGaps,
      compared,
      bunched,
      gaps,
      waitAssessment: compared > 0 ? onTime / compared : undefined,
      expectedWaitSec: waitOf(s1, s2),
      recentLongGap,
    };
  }
}
