/**
 * Arrivals per station and direction, soonest first. A stalled train and a
 * cancelled trip are listed but not counted down (time null); arrivals
 * predicted more than ARRIVAL_PAST_MS before a feed's update are left out.
 *
 * Kept per feed across its snapshots (FeedArrivals: every station's
 * arrivals per direction, sorted), where a snapshot re-lists only the trips
 * whose stops, delay or stall changed (one in four), and merged per station
 * (ArrivalBoard): a snapshot of one feed only rebuilds the stations that
 * feed lists, taking the soonest of each feed's sorted lists, never
 * re-sorting anything.
 */
import type { SubwayStop } from "../../adapters/subway";
import type { Arrival, StationArrivals } from "../contract";
import type { Direction, ScheduledTrip, TransitNetwork } from "../network";
import { ARRIVAL_PAST_MS, ARRIVALS_PER_DIRECTION } from "./constants";
import { etaOf, type TripStatus } from "./types";

/** An arrival with the time it sorts by (the prediction, or the schedule for a cancelled trip). */
export interface PendingArrival {
  at: number;
  arrival: Arrival;
}

/** Soonest first, then by trip key. */
const byTime = (a: PendingArrival, b: PendingArrival) =>
  a.at - b.at || (a.arrival.tripKey < b.arrival.tripKey ? -1 : a.arrival.tripKey > b.arrival.tripKey ? 1 : 0);

/** The arrivals of one trip (or cancelled trip) at each of its stations. */
interface Listed {
  direction: Direction;
  stations: readonly string[];
  entries: PendingArrival[];
  /** What they were built from: a trip's stops, delay and stall. */
  stops: readonly SubwayStop[] | null;
  delaySec: number;
  stalled: boolean;
  /** The update that last saw it in the feed. */
  seen: number;
}

interface StationLists {
  N: PendingArrival[];
  S: PendingArrival[];
}

function tripArrival(s: TripStatus, at: number, delaySec: number, terminates: boolean): Arrival {
  const t = s.trip;
  return {
    tripKey: t.key,
    route: t.route,
    direction: t.direction,
    time: s.stalled ? null : at,
    stalled: s.stalled,
    cancelled: false,
    delaySec,
    destinationStationId: t.stops[t.stops.length - 1]?.stationId ?? null,
    terminates,
  };
}

function tripListed(s: TripStatus, delaySec: number, seen: number): Listed {
  const t = s.trip;
  return {
    direction: t.direction,
    stations: t.stops.map((stop) => stop.stationId),
    entries: t.stops.map((stop, i) => {
      const at = etaOf(stop);
      return { at, arrival: tripArrival(s, at, delaySec, i === t.stops.length - 1) };
    }),
    stops: t.stops,
    delaySec,
    stalled: s.stalled,
    seen,
  };
}

function cancelledListed(c: ScheduledTrip, net: TransitNetwork, seen: number): Listed {
  const stations = net.pattern(c.patternId)?.stations ?? [];
  const destination = stations[stations.length - 1] ?? null;
  return {
    direction: c.direction,
    stations,
    entries: stations.map((_, i) => ({
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
        terminates: i === stations.length - 1,
      },
    })),
    stops: null,
    delaySec: 0,
    stalled: false,
    seen,
  };
}

/** Index of the first arrival not before `since` (the list is sorted: those before it come first). */
function firstFrom(list: readonly PendingArrival[], since: number): number {
  let i = 0;
  while (i < list.length && list[i].at < since) i++;
  return i;
}

/** One feed's arrivals, kept from snapshot to snapshot. */
export class FeedArrivals {
  private readonly trips = new Map<string, Listed>();
  private readonly cancelled = new Map<ScheduledTrip, Listed>();
  private readonly byStation = new Map<string, StationLists>();
  private round = 0;
  /** Arrivals before this were left out at the last update. */
  since = Number.NEGATIVE_INFINITY;
  /** Stations with an arrival listed at the last update. */
  listed: ReadonlySet<string> = new Set();

  update(
    statuses: readonly TripStatus[],
    cancelled: readonly ScheduledTrip[],
    now: number,
    net: TransitNetwork,
  ) {
    const round = ++this.round;
    for (const s of statuses) {
      const delaySec = Math.round(s.delaySec);
      const had = this.trips.get(s.trip.key);
      if (had && had.stops === s.trip.stops) {
        had.seen = round;
        if (had.delaySec === delaySec && had.stalled === s.stalled) continue;
        // Same stops, same times: each arrival keeps its place in the lists, with what it says renewed.
        had.delaySec = delaySec;
        had.stalled = s.stalled;
        const last = had.entries.length - 1;
        had.entries.forEach((p, k) => {
          p.arrival = tripArrival(s, p.at, delaySec, k === last);
        });
        continue;
      }
      if (had) this.remove(had);
      const l = tripListed(s, delaySec, round);
      this.trips.set(s.trip.key, l);
      this.add(l);
    }
    for (const [key, l] of this.trips)
      if (l.seen !== round) {
        this.remove(l);
        this.trips.delete(key);
      }
    for (const c of cancelled) {
      const had = this.cancelled.get(c);
      if (had) had.seen = round;
      else {
        const l = cancelledListed(c, net, round);
        this.cancelled.set(c, l);
        this.add(l);
      }
    }
    for (const [c, l] of this.cancelled)
      if (l.seen !== round) {
        this.remove(l);
        this.cancelled.delete(c);
      }
    this.since = now - ARRIVAL_PAST_MS;
    const listed = new Set<string>();
    const since = this.since;
    this.byStation.forEach((lists, stationId) => {
      if (lists.N.length === 0 && lists.S.length === 0) this.byStation.delete(stationId);
      else if (firstFrom(lists.N, since) < lists.N.length || firstFrom(lists.S, since) < lists.S.length)
        listed.add(stationId);
    });
    this.listed = listed;
  }

  /** Its arrivals at a station in one direction, soonest first: those listed are from `start` on. */
  at(stationId: string, direction: Direction): { list: readonly PendingArrival[]; start: number } {
    const list = this.byStation.get(stationId)?.[direction] ?? [];
    return { list, start: firstFrom(list, this.since) };
  }

  /** After the arrivals it does not sort before: the lists are what a stable sort would give. */
  private add(l: Listed): void {
    for (let k = 0; k < l.entries.length; k++) {
      let lists = this.byStation.get(l.stations[k]);
      if (!lists) this.byStation.set(l.stations[k], (lists = { N: [], S: [] }));
      const list = lists[l.direction];
      const p = l.entries[k];
      // The first arrival that p sorts before (binary search: lists run to dozens).
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byTime(p, list[mid]) < 0) hi = mid;
        else lo = mid + 1;
      }
      const i = lo;
      list.push(p);
      for (let j = list.length - 1; j > i; j--) list[j] = list[j - 1];
      list[i] = p;
    }
  }

  private remove(l: Listed): void {
    for (let k = 0; k < l.entries.length; k++) {
      const list = this.byStation.get(l.stations[k])?.[l.direction];
      const i = list ? list.indexOf(l.entries[k]) : -1;
      if (!list || i < 0) continue;
      for (let j = i; j + 1 < list.length; j++) list[j] = list[j + 1];
      list.pop();
    }
  }
}

/** The arrivals of every station, rebuilt station by station as feeds change. */
export class ArrivalBoard {
  /** By feed, in the order feeds first came. */
  private readonly feeds = new Map<string, FeedArrivals>();
  private readonly boards = new Map<string, StationArrivals>();
  private order: string[] = [];
  /** Scratch for merge (hundreds of stations a snapshot): the lists being merged and where each is at. */
  private readonly lists: (readonly PendingArrival[])[] = [];
  private readonly next: number[] = [];

  /** The feed's arrivals (empty until its first update). */
  feed(id: string): FeedArrivals {
    let f = this.feeds.get(id);
    if (!f) this.feeds.set(id, (f = new FeedArrivals()));
    return f;
  }

  /**
   * Rebuilds the stations that the feeds listed before their updates (`before`)
   * or list now: call it after updating those feeds.
   */
  rebuild(updated: ReadonlyMap<string, ReadonlySet<string>>, now: number): void {
    const touched = new Set<string>();
    for (const [feed, before] of updated) {
      for (const s of before) touched.add(s);
      for (const s of this.feed(feed).listed) touched.add(s);
    }
    let keysChanged = false;
    for (const s of touched) {
      let listed = false;
      for (const f of this.feeds.values()) if ((listed = f.listed.has(s))) break;
      if (!listed) keysChanged = this.boards.delete(s) || keysChanged;
      else {
        keysChanged ||= !this.boards.has(s);
        this.boards.set(s, { stationId: s, asOf: now, north: this.merge(s, "N"), south: this.merge(s, "S") });
      }
    }
    if (keysChanged) this.order = [...this.boards.keys()].sort();
  }

  /**
   * The ARRIVALS_PER_DIRECTION soonest at a station of the feeds that list
   * it, each from its own cut-off, ties to the feed that came first: what a
   * stable sort of the feeds' lists one after the other would give.
   */
  private merge(stationId: string, direction: Direction): Arrival[] {
    const { lists, next } = this;
    lists.length = 0;
    next.length = 0;
    for (const f of this.feeds.values()) {
      if (!f.listed.has(stationId)) continue;
      const { list, start } = f.at(stationId, direction);
      lists.push(list);
      next.push(start);
    }
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

  /** Every station with arrivals, by station id. */
  snapshot(): Map<string, StationArrivals> {
    const out = new Map<string, StationArrivals>();
    for (const s of this.order) out.set(s, this.boards.get(s)!);
    return out;
  }
}

/** The board of a station no train is listed at (a board is only made for stations with arrivals). */
export function noArrivals(stationId: string, asOf: number): StationArrivals {
  return { stationId, asOf, north: [], south: [] };
}

/** All at once: the arrivals of these trips and cancelled trips at every station. */
export function stationArrivals(
  statuses: readonly TripStatus[],
  cancelled: readonly ScheduledTrip[],
  now: number,
  net: TransitNetwork,
): Map<string, StationArrivals> {
  const board = new ArrivalBoard();
  board.feed("all").update(statuses, cancelled, now, net);
  board.rebuild(new Map([["all", new Set<string>()]]), now);
  return board.snapshot();
}
