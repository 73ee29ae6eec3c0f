/**
 * Arrivals per station and direction, soonest first. A stalled train and a
 * cancelled trip are listed but not counted down (time null).
 *
 * Built per feed (arrivalsOf: each station's list per direction sorted and
 * cut to the ARRIVALS_PER_DIRECTION soonest, which are all a board can take
 * from one feed) and merged per station (ArrivalBoard): a snapshot of one
 * feed only rebuilds the stations that feed's trips touch, merging the
 * feeds' short sorted lists, never re-sorting the other feeds' arrivals.
 */
import type { Arrival, StationArrivals } from "../contract";
import type { ScheduledTrip, TransitNetwork } from "../network";
import { ARRIVAL_PAST_MS, ARRIVALS_PER_DIRECTION } from "./constants";
import { etaOf, type TripStatus } from "./types";

/** An arrival with the time it sorts by (the prediction, or the schedule for a cancelled trip). */
export interface PendingArrival {
  at: number;
  arrival: Arrival;
}

/** One feed's arrivals at a station, per direction: soonest first, at most ARRIVALS_PER_DIRECTION. */
export interface FeedStationArrivals {
  north: PendingArrival[];
  south: PendingArrival[];
}

/** One feed's arrivals by station. */
export type FeedArrivals = Map<string, FeedStationArrivals>;

/** Soonest first, then by trip key; stable, so that equal arrivals keep the order they were listed in. */
const byTime = (a: PendingArrival, b: PendingArrival) =>
  a.at - b.at || (a.arrival.tripKey < b.arrival.tripKey ? -1 : a.arrival.tripKey > b.arrival.tripKey ? 1 : 0);

function soonest(ps: PendingArrival[]): PendingArrival[] {
  if (ps.length > 1) ps.sort(byTime);
  if (ps.length > ARRIVALS_PER_DIRECTION) ps.length = ARRIVALS_PER_DIRECTION;
  return ps;
}

export function arrivalsOf(
  statuses: readonly TripStatus[],
  cancelled: readonly ScheduledTrip[],
  now: number,
  net: TransitNetwork,
): FeedArrivals {
  const out: FeedArrivals = new Map();
  const add = (stationId: string, p: PendingArrival) => {
    let lists = out.get(stationId);
    if (!lists) out.set(stationId, (lists = { north: [], south: [] }));
    (p.arrival.direction === "N" ? lists.north : lists.south).push(p);
  };
  const since = now - ARRIVAL_PAST_MS;
  for (const s of statuses) {
    const t = s.trip;
    const destination = t.stops[t.stops.length - 1]?.stationId ?? null;
    const delaySec = Math.round(s.delaySec);
    for (const stop of t.stops) {
      const at = etaOf(stop);
      if (at < since) continue;
      add(stop.stationId, {
        at,
        arrival: {
          tripKey: t.key,
          route: t.route,
          direction: t.direction,
          time: s.stalled ? null : at,
          stalled: s.stalled,
          cancelled: false,
          delaySec,
          destinationStationId: destination,
        },
      });
    }
  }
  for (const c of cancelled) {
    const stations = net.pattern(c.patternId)?.stations ?? [];
    const destination = stations[stations.length - 1] ?? null;
    stations.forEach((stationId, i) => {
      if (c.times[i] < since) return;
      add(stationId, {
        at: c.times[i],
        arrival: {
          tripKey: `cancelled:${c.tripId}`,
          route: c.route,
          direction: c.direction,
          time: null,
          stalled: false,
          cancelled: true,
          delaySec: 0,
          destinationStationId: destination,
        },
      });
    });
  }
  for (const lists of out.values()) {
    soonest(lists.north);
    soonest(lists.south);
  }
  return out;
}

/**
 * The ARRIVALS_PER_DIRECTION soonest of sorted lists, ties to the earlier
 * list: what a stable sort of the lists one after the other would give.
 */
function mergeSoonest(lists: readonly PendingArrival[][]): Arrival[] {
  if (lists.length === 1) return lists[0].map((p) => p.arrival);
  const next = new Array<number>(lists.length).fill(0);
  const out: Arrival[] = [];
  while (out.length < ARRIVALS_PER_DIRECTION) {
    let best = -1;
    for (let j = 0; j < lists.length; j++) {
      if (next[j] >= lists[j].length) continue;
      if (best < 0 || byTime(lists[j][next[j]], lists[best][next[best]]) < 0) best = j;
    }
    if (best < 0) break;
    out.push(lists[best][next[best]++].arrival);
  }
  return out;
}

function stationBoard(stationId: string, lists: readonly FeedStationArrivals[], now: number): StationArrivals {
  return {
    stationId,
    asOf: now,
    north: mergeSoonest(lists.map((l) => l.north)),
    south: mergeSoonest(lists.map((l) => l.south)),
  };
}

/** The arrivals of every station, rebuilt station by station as feeds change. */
export class ArrivalBoard {
  private readonly byFeed = new Map<string, FeedArrivals>();
  private readonly boards = new Map<string, StationArrivals>();
  private order: string[] = [];

  /** Replaces some feeds' arrivals and rebuilds the stations they touch (before or after). */
  update(feeds: ReadonlyMap<string, FeedArrivals>, now: number): void {
    const touched = new Set<string>();
    for (const [feed, arrivals] of feeds) {
      for (const s of this.byFeed.get(feed)?.keys() ?? []) touched.add(s);
      for (const s of arrivals.keys()) touched.add(s);
      this.byFeed.set(feed, arrivals);
    }
    let keysChanged = false;
    for (const s of touched) {
      const lists: FeedStationArrivals[] = [];
      for (const f of this.byFeed.values()) {
        const l = f.get(s);
        if (l) lists.push(l);
      }
      if (lists.length === 0) keysChanged = this.boards.delete(s) || keysChanged;
      else {
        keysChanged ||= !this.boards.has(s);
        this.boards.set(s, stationBoard(s, lists, now));
      }
    }
    if (keysChanged) this.order = [...this.boards.keys()].sort();
  }

  /** Every station with arrivals, by station id. */
  snapshot(): Map<string, StationArrivals> {
    const out = new Map<string, StationArrivals>();
    for (const s of this.order) out.set(s, this.boards.get(s)!);
    return out;
  }
}

/** All at once: the arrivals of these trips and cancelled trips at every station. */
export function stationArrivals(
  statuses: readonly TripStatus[],
  cancelled: readonly ScheduledTrip[],
  now: number,
  net: TransitNetwork,
): Map<string, StationArrivals> {
  const board = new ArrivalBoard();
  board.update(new Map([["all", arrivalsOf(statuses, cancelled, now, net)]]), now);
  return board.snapshot();
}
