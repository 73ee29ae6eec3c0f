/**
 * The talk's metric: across every station of a line (both directions of
 * its routings active now), the time until the next train, as mean, p90 and
 * p99. Stations no train is predicted at are left out; stalled trains do
 * not count (their countdown has stopped).
 */
import { quantileSorted, type TransitNetwork } from "../network";
import { DIRECTIONS, etaOf, type TripStatus } from "./types";

export interface WaitStats {
  mean: number;
  p90: number;
  p99: number;
  /** Station-directions with a train predicted. */
  stations: number;
}

export function nextTrainWaits(
  route: string,
  statuses: readonly TripStatus[],
  net: TransitNetwork,
  now: number,
): WaitStats | undefined {
  const served = new Set<string>();
  for (const dir of DIRECTIONS)
    for (const p of net.activePatterns(route, dir, now)) for (const s of p.stations) served.add(`${dir}|${s}`);
  const best = new Map<string, number>();
  for (const st of statuses) {
    const t = st.trip;
    if (t.route !== route || st.stalled || !t.running) continue;
    for (const stop of t.stops) {
      const key = `${t.direction}|${stop.stationId}`;
      if (served.size > 0 && !served.has(key)) continue;
      const wait = Math.max(0, etaOf(stop) - now) / 1000;
      const had = best.get(key);
      if (had === undefined || wait < had) best.set(key, wait);
    }
  }
  if (best.size === 0) return undefined;
  const waits = Float64Array.from(best.values()).sort();
  let sum = 0;
  for (const w of waits) sum += w;
  return {
    mean: sum / waits.length,
    p90: quantileSorted(waits, 0.9),
    p99: quantileSorted(waits, 0.99),
    stations: waits.length,
  };
}
