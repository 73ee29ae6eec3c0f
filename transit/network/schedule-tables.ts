/**
 * What the schedule says, per service day: the distinct stop patterns of
 * each route and direction, scheduled headways per station and hour, the
 * travel time of each consecutive station pair, and how many trips are due
 * on the line at each minute. One pass over the day's trips.
 */
import type { DayTrip } from "./day-trips";
import { median } from "./stats";
import type { Direction, StopPattern } from "./types";

/** Hourly tables span this many hours after the origin (service runs past 24:00). */
export const HOURS = 36;
export const MINUTES = HOURS * 60;

/**
 * A scheduled trip is due on the line from this long after its first departure: a train that late
 * leaving its terminal is late, not yet missing (a lone shuttle's next trip often leaves a minute late).
 */
export const DUE_AFTER_DEPARTURE_SEC = 180;

const lineKeys = new Map<string, { N: string; S: string }>();
/** `${route}|${direction}`, built once per route (it keys most per-line maps, many times a second). */
export function lineKey(route: string, direction: Direction): string {
  let k = lineKeys.get(route);
  if (!k) lineKeys.set(route, (k = { N: `${route}|N`, S: `${route}|S` }));
  return direction === "N" ? k.N : k.S;
}
export const pairKey = (direction: Direction, from: string, to: string) => `${direction}:${from}>${to}`;

export interface ScheduleTables {
  /** By lineKey, most trips first. */
  patterns: Map<string, StopPattern[]>;
  /** Pattern id of each day trip, same order as the input. */
  patternOfTrip: string[];
  /** Mean scheduled gap (s) at a station per hour, NaN when none: by `${lineKey}|${station}`. */
  stationHeadway: Map<string, Float64Array>;
  /** Longest scheduled gap (s) at a station open at some time in each hour, NaN when none: same keys. */
  stationMaxHeadway: Map<string, Float64Array>;
  /** Over all stations of a line, per hour: mean and max gap (s), NaN when none. */
  lineHeadway: Map<string, { mean: Float64Array; max: Float64Array }>;
  /** Median scheduled time (s) between consecutive stations, by pairKey. */
  pairSec: Map<string, number>;
  /** Trips due on the line at the start of each minute after the origin (DUE_AFTER_DEPARTURE_SEC), by lineKey. */
  tripsDue: Map<string, Int32Array>;
}

const hourOf = (sec: number) => Math.min(HOURS - 1, Math.max(0, Math.floor(sec / 3600)));

function nanArray(): Float64Array {
  return new Float64Array(HOURS).fill(Number.NaN);
}

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
}

interface PatternDraft {
  route: string;
  direction: Direction;
  stations: string[];
  trips: number;
  startsByHour: number[];
  runtimes: number[];
  shapes: Map<string, number>;
}

function buildPatterns(trips: readonly DayTrip[]): {
  patterns: Map<string, StopPattern[]>;
  patternOfTrip: string[];
} {
  const drafts = new Map<string, PatternDraft>();
  const draftOfTrip: PatternDraft[] = [];
  for (const t of trips) {
    const key = `${lineKey(t.route, t.direction)}|${t.stations.join(",")}`;
    const d = getOr(drafts, key, () => ({
      route: t.route,
      direction: t.direction,
      stations: t.stations,
      trips: 0,
      startsByHour: new Array<number>(HOURS).fill(0),
      runtimes: [],
      shapes: new Map<string, number>(),
    }));
    d.trips++;
    d.startsByHour[hourOf(t.secs[0])]++;
    d.runtimes.push(t.secs[t.secs.length - 1] - t.secs[0]);
    if (t.trip.shapeId) d.shapes.set(t.trip.shapeId, (d.shapes.get(t.trip.shapeId) ?? 0) + 1);
    draftOfTrip.push(d);
  }
  const byLine = new Map<string, PatternDraft[]>();
  for (const d of drafts.values()) getOr(byLine, lineKey(d.route, d.direction), () => []).push(d);
  const patterns = new Map<string, StopPattern[]>();
  const idOf = new Map<PatternDraft, string>();
  for (const [line, list] of [...byLine].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // Most trips first; ties broken by the sequence so that the order never depends on input order.
    list.sort((a, b) => b.trips - a.trips || (a.stations.join(",") < b.stations.join(",") ? -1 : 1));
    patterns.set(
      line,
      list.map((d, rank) => {
        const id = `${d.route}:${d.direction}:${rank}`;
        idOf.set(d, id);
        const shapeId = [...d.shapes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
        return {
          id,
          route: d.route,
          direction: d.direction,
          stations: d.stations,
          tripCount: d.trips,
          startsByHour: d.startsByHour,
          runtimeSec: median(d.runtimes),
          shapeId,
        };
      }),
    );
  }
  return { patterns, patternOfTrip: draftOfTrip.map((d) => idOf.get(d)!) };
}

function buildHeadways(
  trips: readonly DayTrip[],
): Pick<ScheduleTables, "stationHeadway" | "stationMaxHeadway" | "lineHeadway"> {
  const arrivals = new Map<string, number[]>();
  for (const t of trips) {
    const line = lineKey(t.route, t.direction);
    for (let i = 0; i < t.stations.length; i++)
      getOr(arrivals, `${line}|${t.stations[i]}`, () => []).push(t.secs[i]);
  }
  const stationHeadway = new Map<string, Float64Array>();
  const stationMaxHeadway = new Map<string, Float64Array>();
  const lineSum = new Map<string, { sum: Float64Array; n: Int32Array; max: Float64Array }>();
  for (const [key, times] of arrivals) {
    times.sort((a, b) => a - b);
    const sum = new Float64Array(HOURS);
    const n = new Int32Array(HOURS);
    const max = nanArray();
    const line = key.slice(0, key.lastIndexOf("|"));
    const acc = getOr(lineSum, line, () => ({
      sum: new Float64Array(HOURS),
      n: new Int32Array(HOURS),
      max: nanArray(),
    }));
    for (let i = 1; i < times.length; i++) {
      const gap = times[i] - times[i - 1];
      if (gap <= 0) continue;
      const h = hourOf(times[i]); // a gap belongs to the hour its closing train arrives in
      sum[h] += gap;
      n[h]++;
      // The longest wait in an hour includes a gap that opened in an earlier one.
      for (let k = hourOf(times[i - 1]); k <= h; k++) if (!(max[k] >= gap)) max[k] = gap;
      acc.sum[h] += gap;
      acc.n[h]++;
      if (!(acc.max[h] >= gap)) acc.max[h] = gap;
    }
    const mean = nanArray();
    for (let h = 0; h < HOURS; h++) if (n[h] > 0) mean[h] = sum[h] / n[h];
    stationHeadway.set(key, mean);
    stationMaxHeadway.set(key, max);
  }
  const lineHeadway = new Map<string, { mean: Float64Array; max: Float64Array }>();
  for (const [line, acc] of lineSum) {
    const mean = nanArray();
    for (let h = 0; h < HOURS; h++) if (acc.n[h] > 0) mean[h] = acc.sum[h] / acc.n[h];
    lineHeadway.set(line, { mean, max: acc.max });
  }
  return { stationHeadway, stationMaxHeadway, lineHeadway };
}

function buildPairTimes(trips: readonly DayTrip[]): Map<string, number> {
  const runs = new Map<string, number[]>();
  for (const t of trips)
    for (let i = 1; i < t.stations.length; i++)
      getOr(runs, pairKey(t.direction, t.stations[i - 1], t.stations[i]), () => []).push(
        t.secs[i] - t.secs[i - 1],
      );
  const out = new Map<string, number>();
  for (const [k, v] of runs) out.set(k, median(v));
  return out;
}

/** Per minute m, the trips with departure + DUE_AFTER_DEPARTURE_SEC <= 60 m <= last arrival. */
function buildTripsDue(trips: readonly DayTrip[]): Map<string, Int32Array> {
  // Each trip adds one over its minutes as +1 at the first and -1 after the last; summed once at the end.
  const steps = new Map<string, Int32Array>();
  for (const t of trips) {
    const first = Math.max(0, Math.ceil((t.secs[0] + DUE_AFTER_DEPARTURE_SEC) / 60));
    const last = Math.min(MINUTES - 1, Math.floor(t.secs[t.secs.length - 1] / 60));
    if (first > last) continue;
    const s = getOr(steps, lineKey(t.route, t.direction), () => new Int32Array(MINUTES + 1));
    s[first]++;
    s[last + 1]--;
  }
  const out = new Map<string, Int32Array>();
  for (const [key, s] of steps) {
    const due = new Int32Array(MINUTES);
    let n = 0;
    for (let m = 0; m < MINUTES; m++) due[m] = n += s[m];
    out.set(key, due);
  }
  return out;
}

export function buildScheduleTables(trips: readonly DayTrip[]): ScheduleTables {
  return {
    ...buildPatterns(trips),
    ...buildHeadways(trips),
    pairSec: buildPairTimes(trips),
    tripsDue: buildTripsDue(trips),
  };
}
