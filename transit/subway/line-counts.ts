/** Trains running, delayed and stalled per line and direction, with the mean and max delay of those running. */
import { lineKey } from "../network";
import { StatusesByRoute } from "./statuses-by-route";
import { DIRECTIONS, type TripStatus } from "./types";

export interface LineCounts {
  route: string;
  direction: "N" | "S";
  running: number;
  delayed: number;
  stalled: number;
  /** Over running trains; NaN when none run. */
  meanDelaySec: number;
  maxDelaySec: number;
}

/** Every line of `routes` (both directions), keyed by lineKey, in route then direction order. */
export function lineCounts(
  routes: readonly string[],
  statuses: readonly TripStatus[],
): Map<string, LineCounts> {
  const out = new Map<string, LineCounts>();
  const byRoute = new Map<string, { N: LineCounts; S: LineCounts; sum: { N: number; S: number } }>();
  for (const route of routes) {
    const make = (direction: "N" | "S"): LineCounts => ({
      route,
      direction,
      running: 0,
      delayed: 0,
      stalled: 0,
      meanDelaySec: Number.NaN,
      maxDelaySec: Number.NaN,
    });
    const e = { N: make("N"), S: make("S"), sum: { N: 0, S: 0 } };
    byRoute.set(route, e);
    for (const d of DIRECTIONS) out.set(lineKey(route, d), e[d]);
  }
  for (const s of statuses) {
    if (!s.trip.running) continue;
    const e = byRoute.get(s.trip.route);
    if (!e) continue;
    const d = s.trip.direction;
    const c = e[d];
    c.running++;
    if (s.delayed) c.delayed++;
    if (s.stalled) c.stalled++;
    e.sum[d] += s.delaySec;
    if (!(c.maxDelaySec >= s.delaySec)) c.maxDelaySec = s.delaySec;
  }
  for (const e of byRoute.values())
    for (const d of DIRECTIONS) if (e[d].running > 0) e[d].meanDelaySec = e.sum[d] / e[d].running;
  return out;
}

/** One route's counts per direction from its statuses, in the order given (the sums depend on it). */
function countRoute(route: string, lists: Iterable<readonly TripStatus[]>): { N: LineCounts; S: LineCounts } {
  const make = (direction: "N" | "S"): LineCounts => ({
    route,
    direction,
    running: 0,
    delayed: 0,
    stalled: 0,
    meanDelaySec: Number.NaN,
    maxDelaySec: Number.NaN,
  });
  const e = { N: make("N"), S: make("S") };
  const sum = { N: 0, S: 0 };
  for (const list of lists)
    for (const s of list) {
      if (!s.trip.running) continue;
      const d = s.trip.direction;
      const c = e[d];
      c.running++;
      if (s.delayed) c.delayed++;
      if (s.stalled) c.stalled++;
      sum[d] += s.delaySec;
      if (!(c.maxDelaySec >= s.delaySec)) c.maxDelaySec = s.delaySec;
    }
  for (const d of DIRECTIONS) if (e[d].running > 0) e[d].meanDelaySec = sum[d] / e[d].running;
  return e;
}

/** Every count and delay the same (NaN the same as NaN). */
const sameCounts = (a: LineCounts, b: LineCounts) =>
  a.running === b.running &&
  a.delayed === b.delayed &&
  a.stalled === b.stalled &&
  Object.is(a.meanDelaySec, b.meanDelaySec) &&
  Object.is(a.maxDelaySec, b.maxDelaySec);

/**
 * lineCounts kept from tick to tick: a feed's snapshot recounts only the
 * routes its trips run (before or now), each over its statuses feed by feed
 * as lineCounts adds them, so that the sums come out the same; the other
 * routes keep their counts.
 */
export class LineCountsTracker {
  private readonly grouped = new StatusesByRoute();
  private readonly counts = new Map<string, { N: LineCounts; S: LineCounts }>();

  /**
   * `feeds`: every feed, in the order lineCounts would see their statuses;
   * `statusesOf`: a feed's statuses; `changed`: the feeds whose statuses are new.
   */
  update(
    routes: readonly string[],
    feeds: readonly string[],
    statusesOf: (feed: string) => readonly TripStatus[],
    changed: readonly string[],
  ): Map<string, LineCounts> {
    const redo = this.grouped.update(changed, statusesOf);
    const out = new Map<string, LineCounts>();
    for (const route of routes) {
      let e = this.counts.get(route);
      if (!e || redo.has(route)) {
        const counted = countRoute(route, this.grouped.lists(route, feeds));
        // A line counted the same keeps its object: the status and metric nodes skip a line whose counts are the same object.
        if (e) for (const d of DIRECTIONS) if (sameCounts(e[d], counted[d])) counted[d] = e[d];
        this.counts.set(route, (e = counted));
      }
      for (const d of DIRECTIONS) out.set(lineKey(route, d), e[d]);
    }
    return out;
  }
}
