/**
 * The talk's metric: across every station of a line (both directions of
 * its routings active now), the time until the next train, as mean, p90 and
 * p99. Stations no train is predicted at are left out; stalled trains do
 * not count (their countdown has stopped).
 */
import type { SubwayStop } from "../../adapters/subway";
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

/**
 * A trip's stops at stations of one served set: their numbers in the set and their ETAs. Plain arrays (small
 * ints, unboxed doubles): a typed array costs more to make than it saves, for a list rebuilt whenever a trip changes.
 */
interface TripAtServed {
  stops: readonly SubwayStop[];
  here: ReadonlySet<string>;
  at: readonly number[];
  eta: readonly number[];
  /** The call that last asked for it. */
  seen: number;
}

/**
 * What nextTrainWaits keeps between calls: each served set's stations
 * numbered, and each trip's stops at them while its stops list is the same
 * (the tracker keeps a trip's list while it is unchanged, three times in
 * four), so that an unchanged trip is read from two small arrays, not its
 * stop objects. Per route, by trip key; a trip not asked for in a call on
 * its route is dropped, so that it holds the trips running now.
 */
export class WaitCache {
  private readonly numbers = new WeakMap<ReadonlySet<string>, Map<string, number>>();
  /** Per served set and direction, the soonest ETA per station number: filled afresh by each call, never read after it. */
  private readonly soonest = new WeakMap<ReadonlySet<string>, Partial<Record<Direction, Float64Array>>>();
  private readonly byRoute = new Map<string, Map<string, TripAtServed>>();
  private call = 0;

  /** Starts a call on a route: returns its trips, to ask with tripAt and drop with end. */
  begin(route: string): Map<string, TripAtServed> {
    this.call++;
    let trips = this.byRoute.get(route);
    if (!trips) this.byRoute.set(route, (trips = new Map()));
    return trips;
  }

  /** Room for the ETAs found in one call (read within the call only): grown, never shrunk. */
  private found = new Float64Array(256);

  /** An array of at least n numbers, valid until the next call. */
  foundRoom(n: number): Float64Array {
    if (this.found.length < n) this.found = new Float64Array(Math.max(n, this.found.length * 2));
    return this.found;
  }

  /** The soonest ETAs at the served set's stations, every one +Infinity (none found yet): valid until the next call. */
  soonestAt(here: ReadonlySet<string>, direction: Direction): Float64Array {
    let byDirection = this.soonest.get(here);
    if (!byDirection) this.soonest.set(here, (byDirection = {}));
    const best = (byDirection[direction] ??= new Float64Array(here.size));
    return best.fill(Number.POSITIVE_INFINITY);
  }

  end(trips: Map<string, TripAtServed>): void {
    for (const [key, c] of trips) if (c.seen !== this.call) trips.delete(key);
  }

  tripAt(
    trips: Map<string, TripAtServed>,
    key: string,
    stops: readonly SubwayStop[],
    here: ReadonlySet<string>,
  ): TripAtServed {
    let c = trips.get(key);
    if (c && c.stops === stops && c.here === here) {
      c.seen = this.call;
      return c;
    }
    let numbers = this.numbers.get(here);
    if (!numbers) {
      numbers = new Map();
      for (const s of here) numbers.set(s, numbers.size);
      this.numbers.set(here, numbers);
    }
    const at: number[] = [];
    const eta: number[] = [];
    for (const stop of stops) {
      const n = numbers.get(stop.stationId);
      if (n === undefined) continue;
      at.push(n);
      eta.push(etaOf(stop));
    }
    c = { stops, here, at, eta, seen: this.call };
    trips.set(key, c);
    return c;
  }
}

export function nextTrainWaits(
  route: string,
  statuses: readonly TripStatus[],
  net: TransitNetwork,
  now: number,
  served: Served = new ServedStations(net).of(route, now),
  cache: WaitCache = new WaitCache(),
): WaitStats | undefined {
  // The soonest ETA per station: the shortest wait there (the wait only grows with the ETA).
  const soonest: Record<Direction, Float64Array | null> = { N: null, S: null };
  // A direction with no routing active counts every station its trains list.
  const anyStation: Record<Direction, Map<string, number> | null> = { N: null, S: null };
  const cached = cache.begin(route);
  for (const st of statuses) {
    const t = st.trip;
    // A departure listed ahead of its start is a train a rider waits for too.
    if (t.route !== route || st.stalled || !(t.running || t.pending)) continue;
    const here = served[t.direction];
    if (here.size === 0) {
      let mine = anyStation[t.direction];
      if (!mine) anyStation[t.direction] = mine = new Map();
      for (const stop of t.stops) {
        const eta = etaOf(stop);
        const had = mine.get(stop.stationId);
        if (had === undefined || eta < had) mine.set(stop.stationId, eta);
      }
      continue;
    }
    let best = soonest[t.direction];
    if (!best) soonest[t.direction] = best = cache.soonestAt(here, t.direction);
    const c = cache.tripAt(cached, t.key, t.stops, here);
    for (let k = 0; k < c.at.length; k++) if (c.eta[k] < best[c.at[k]]) best[c.at[k]] = c.eta[k];
  }
  cache.end(cached);
  let most = 0;
  for (const d of DIRECTIONS) most += (soonest[d]?.length ?? 0) + (anyStation[d]?.size ?? 0);
  const etas = cache.foundRoom(most);
  let found = 0;
  for (const d of DIRECTIONS) {
    const best = soonest[d];
    if (best)
      for (let i = 0; i < best.length; i++) if (best[i] !== Number.POSITIVE_INFINITY) etas[found++] = best[i];
    for (const eta of anyStation[d]?.values() ?? []) etas[found++] = eta;
  }
  if (found === 0) return undefined;
  // The wait only grows with the ETA: the ETAs sorted give the waits sorted.
  const waits = etas.subarray(0, found).sort();
  for (let i = 0; i < found; i++) waits[i] = Math.max(0, waits[i] - now) / 1000;
  let sum = 0;
  for (const w of waits) sum += w;
  return {
    mean: sum / waits.length,
    p90: quantileSorted(waits, 0.9),
    p99: quantileSorted(waits, 0.99),
    stations: waits.length,
  };
}
