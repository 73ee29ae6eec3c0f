/** Trains running, delayed and stalled per line and direction, with the mean and max delay of those running. */
import { lineKey } from "../network";
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
export function lineCounts(routes: readonly string[], statuses: readonly TripStatus[]): Map<string, LineCounts> {
  const out = new Map<string, LineCounts>();
  const sums = new Map<string, number>();
  for (const route of routes)
    for (const direction of DIRECTIONS)
      out.set(lineKey(route, direction), {
        route,
        direction,
        running: 0,
        delayed: 0,
        stalled: 0,
        meanDelaySec: Number.NaN,
        maxDelaySec: Number.NaN,
      });
  for (const s of statuses) {
    if (!s.trip.running) continue;
    const key = lineKey(s.trip.route, s.trip.direction);
    const c = out.get(key);
    if (!c) continue;
    c.running++;
    if (s.delayed) c.delayed++;
    if (s.stalled) c.stalled++;
    sums.set(key, (sums.get(key) ?? 0) + s.delaySec);
    if (!(c.maxDelaySec >= s.delaySec)) c.maxDelaySec = s.delaySec;
  }
  for (const [key, c] of out) if (c.running > 0) c.meanDelaySec = sums.get(key)! / c.running;
  return out;
}
