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
