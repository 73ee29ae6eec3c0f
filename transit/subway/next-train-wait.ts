/**
 * The talk's metric: across every station of a line (both directions of
 * its routings active now), the time until the next train, as mean, p90 and
 * p99. Stations no train is predicted at are left out; stalled trains do
 * not count (their countdown has stopped).
 */
import { quantileSorted, type TransitNetwork } from "../network";
import { DIRECTIONS, type Direction, etaOf, type TripStatus } from "./types";

export interface WaitStats {
  mean: number;
  p90: number;
  p99: number;
  /** Station-directions with a train predicted. */
  stations: number;
}

type Served = Record<Direction, ReadonlySet<string>>;

/** Stations the route's active routings serve, per direction; cached per route and hour. */
export class ServedStations {
  private readonly cache = new Map<string, Served>();

  constructor(private readonly net: TransitNetwork) {}

  of(route: string, now: number): Served {
    const key = `${route}|${this.net.hourAt(now)}`;
    let served = this.cache.get(key);
    if (!served) {
      const set = (d: Direction) =>
        new Set(this.net.activePatterns(route, d, now).flatMap((p) => p.stations));
      served = { N: set("N"), S: set("S") };
      this.cache.set(key, served);
    }
    return served;
  }
}

export function nextTrainWaits(
  route: string,
  statuses: readonly TripStatus[],
  net: TransitNetwork,
  now: number,
  served: Served = new ServedStations(net).of(route, now),
): WaitStats | undefined {
  const best = { N: new Map<string, number>(), S: new Map<string, number>() };
  for (const st of statuses) {
    const t = st.trip;
    if (t.route !== route || st.stalled || !t.running) continue;
    const here = served[t.direction];
    const mine = best[t.direction];
    for (const stop of t.stops) {
      if (here.size > 0 && !here.has(stop.stationId)) continue;
      const wait = Math.max(0, etaOf(stop) - now) / 1000;
      const had = mine.get(stop.stationId);
      if (had === undefined || wait < had) mine.set(stop.stationId, wait);
    }
  }
  const waits = Float64Array.from(DIRECTIONS.flatMap((d) => [...best[d].values()])).sort();
  if (waits.length === 0) return undefined;
  let sum = 0;
  for (const w of waits) sum += w;
  return {
    mean: sum / waits.length,
    p90: quantileSorted(waits, 0.9),
    p99: quantileSorted(waits, 0.99),
    stations: waits.length,
  };
}
