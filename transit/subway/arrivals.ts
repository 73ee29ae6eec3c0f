/**
 * Arrivals per station and direction, soonest first. A stalled train and a
 * cancelled trip are listed but not counted down (time null).
 *
 * Built per feed (arrivalsOf) and merged per station (ArrivalBoard): a
 * snapshot of one feed only rebuilds the stations that feed's trips touch,
 * which keeps a full day's replay from re-sorting every station sixteen
 * times a minute.
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

/** One feed's arrivals by station. */
export type FeedArrivals = Map<string, PendingArrival[]>;

export function arrivalsOf(
  statuses: readonly TripStatus[],
  cancelled: readonly ScheduledTrip[],
  now: number,
  net: TransitNetwork,
): FeedArrivals {
  const out: FeedArrivals = new Map();
  const add = (stationId: string, p: PendingArrival) => {
    const list = out.get(stationId);
    if (list) list.push(p);
    else out.set(stationId, [p]);
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
  return out;
}

const byTime = (a: PendingArrival, b: PendingArrival) =>
  a.at - b.at || (a.arrival.tripKey < b.arrival.tripKey ? -1 : a.arrival.tripKey > b.arrival.tripKey ? 1 : 0);

function stationBoard(stationId: string, lists: PendingArrival[][], now: number): StationArrivals {
  const north: PendingArrival[] = [];
  const south: PendingArrival[] = [];
  for (const list of lists) for (const p of list) (p.arrival.direction === "N" ? north : south).push(p);
  const top = (ps: PendingArrival[]) =>
    ps
      .sort(byTime)
      .slice(0, ARRIVALS_PER_DIRECTION)
      .map((p) => p.arrival);
  return { stationId, asOf: now, north: top(north), south: top(south) };
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
      const lists: PendingArrival[][] = [];
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
    return new Map(this.order.map((s) => [s, this.boards.get(s)!]));
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
