/**
 * The per-trip half of the subway graph as engine nodes: the tracker (one
 * state for all eight interleaved feeds), typical travel times, each trip's
 * delay and stall at the engine's time, cancelled trips, the trains for the
 * map and the arrivals per station. The logic lives in plain modules; these
 * wire it to the engine and decide when to tick.
 *
 * Work follows the feeds: a snapshot recomputes its own feed's trips (the
 * others' did not change); the clock recomputes everything (delays grow,
 * windows expire).
 */
import type { SubwayFeedSnapshot } from "../../adapters/subway";
import { node, type Series } from "../../engine";
import type { StationArrivals, TrainView } from "../contract";
import type { ScheduledTrip, TransitNetwork } from "../network";
import { ArrivalBoard } from "./arrivals";
import { cancelledTrips } from "./cancelled";
import type { GapAhead } from "./gap-ahead";
import { trainViews } from "./train-views";
import { TravelTimes } from "./travel-times";
import { type TypicalSec, tripStatus } from "./trip-delay";
import { flatten, TripTracker } from "./trip-tracker";
import type { TrackedTrip, TrackerTick, TripStatus } from "./types";

/** Ticks on every new snapshot of any feed, and when a silent feed's trips expire on the clock. */
export function trackTripsNode(
  snapshots: Series<SubwayFeedSnapshot>,
  clock: Series<unknown>,
  net: TransitNetwork,
): Series<TrackerTick> {
  return node({
    name: "subway.track_trips",
    inputs: { snapshots, clock },
    state: () => new TripTracker(net.routeIds()),
    onTick: ({ inputs, state, now }) => {
      let feed: string | null = null;
      let made: TrackerTick["made"] = [];
      let changed = false;
      if (inputs.snapshots.ticked) {
        const m = state.apply(inputs.snapshots.value);
        if (m) {
          feed = inputs.snapshots.value.feed;
          made = m;
          changed = true;
        }
      }
      if (inputs.clock.ticked && state.expire(now())) {
        feed = null; // every feed may have changed
        changed = true;
      }
      if (!changed) return undefined;
      const byFeed = state.tripsByFeed();
      let trips: TrackedTrip[] | undefined;
      return {
        // Built when asked (the clock's nodes ask; most snapshots' consumers read byFeed).
        get trips() {
          trips ??= flatten(byFeed);
          return trips;
        },
        byFeed,
        made,
        feeds: state.feedStates(),
        feed,
        routes: state.routes(),
      };
    },
  });
}

export function travelTimesNode(tracked: Series<TrackerTick>, net: TransitNetwork): Series<TravelTimes> {
  return node({
    name: "subway.travel_times",
    inputs: { tracked },
    state: () => new TravelTimes(net),
    onTick: ({ inputs, state }) => {
      const tick = inputs.tracked.value;
      state.observe(tick.made);
      if (tick.feed !== null) state.observePredictions(tick.byFeed.get(tick.feed) ?? []);
      return state;
    },
  });
}

export interface TripStatusTick {
  now: number;
  /** Every trip's status, feed by feed (feeds by id). */
  byFeed: ReadonlyMap<string, readonly TripStatus[]>;
  /** Every feed, in the order of `statuses`. */
  feeds: readonly string[];
  /** The feeds recomputed in this tick: one on a snapshot, all on the clock. */
  changed: readonly string[];
  /** All statuses, in feed order. */
  statuses: readonly TripStatus[];
  /** Network routes and routes seen in feeds, sorted. */
  routes: readonly string[];
  typical: TypicalSec;
}

/**
 * Every trip's delay and stall as of now: its feed's on a snapshot, every
 * feed's on the clock. With `onClockOnly`, on the clock only (every feed):
 * what the per-minute metrics read, without the work of every snapshot.
 */
export function tripStatusesNode(
  tracked: Series<TrackerTick>,
  travel: Series<TravelTimes>,
  clock: Series<unknown>,
  net: TransitNetwork,
  opts: { onClockOnly?: boolean } = {},
): Series<TripStatusTick> {
  const scheduleOnly = new TravelTimes(net);
  return node({
    name: opts.onClockOnly ? "subway.trip_status.on_clock" : "subway.trip_status",
    inputs: { tracked, travel, clock },
    passive: opts.onClockOnly ? ["travel", "tracked"] : ["travel"],
    state: () => new Map<string, TripStatus[]>(),
    onTick: ({ inputs, now, state }) => {
      const t = now();
      const tt = inputs.travel.valid ? inputs.travel.value : scheduleOnly;
      const typical: TypicalSec = (d, a, b) => tt.typicalSec(d, a, b);
      const tick = inputs.tracked.valid ? inputs.tracked.value : null;
      const feeds = tick ? [...tick.byFeed.keys()] : [];
      const changed = inputs.clock.ticked || !tick || tick.feed === null ? feeds : [tick.feed];
      for (const f of changed) {
        const trips = tick?.byFeed.get(f) ?? [];
        const list: TripStatus[] = [];
        for (const trip of trips) list.push(tripStatus(trip, t, typical));
        state.set(f, list);
      }
      // The lists as they are now (a later tick replaces, never changes, them).
      const lists = feeds.map((f) => state.get(f) ?? []);
      let statuses: TripStatus[] | undefined;
      return {
        now: t,
        byFeed: state as ReadonlyMap<string, readonly TripStatus[]>,
        feeds,
        changed,
        // Built when asked: the nodes downstream read byFeed.
        get statuses() {
          statuses ??= lists.flat();
          return statuses;
        },
        routes: tick ? tick.routes : net.routeIds(),
        typical,
      };
    },
  });
}

/** Scheduled trips left out of their feed within its replacement periods, per feed; recomputed per snapshot. */
export function cancelledNode(
  tracked: Series<TrackerTick>,
  net: TransitNetwork,
): Series<ReadonlyMap<string, readonly ScheduledTrip[]>> {
  return node({
    name: "subway.cancelled",
    inputs: { tracked },
    state: () => new Map<string, ScheduledTrip[]>(),
    onTick: ({ inputs, state }) => {
      const tick = inputs.tracked.value;
      for (const f of tick.feeds.values())
        if (tick.feed === null || f.feed === tick.feed)
          state.set(f.feed, f.matchKeys.size > 0 ? cancelledTrips(f, net) : []);
      return state as ReadonlyMap<string, readonly ScheduledTrip[]>;
    },
  });
}

/**
 * The trains for the map, with the gap ahead of each (`gaps`, from
 * gapAheadNode on the same trip statuses) when given. A snapshot rebuilds
 * its feed's views; a kept view whose gap changed (a line's last arrival
 * expired on another feed's tick) is replaced, never changed.
 */
export function trainsNode(
  trips: Series<TripStatusTick>,
  net: TransitNetwork,
  gaps?: Series<ReadonlyMap<string, GapAhead>>,
): Series<TrainView[]> {
  const noGaps: ReadonlyMap<string, GapAhead> = new Map();
  return node({
    name: "subway.trains",
    inputs: gaps ? { trips, gaps } : { trips },
    // Ticks with the trips it is built from; gaps tick only then, computed earlier in the same cycle.
    passive: ["gaps"],
    state: () => new Map<string, TrainView[]>(),
    onTick: ({ inputs, state }) => {
      const v = inputs.trips.value;
      const byTrip = inputs.gaps?.valid ? inputs.gaps.value : noGaps;
      const gapOf = (tripKey: string) => gapAheadSec(byTrip.get(tripKey));
      for (const f of v.changed)
        state.set(f, trainViews(v.byFeed.get(f) ?? [], v.now, net, v.typical, gapOf));
      const out: TrainView[] = [];
      for (const f of v.byFeed.keys()) {
        const list = state.get(f);
        if (!list) continue;
        const kept = gaps !== undefined && !v.changed.includes(f);
        for (let i = 0; i < list.length; i++) {
          let t = list[i];
          if (kept) {
            const gap = gapOf(t.tripKey);
            if (gap !== t.gapAheadSec) list[i] = t = { ...t, gapAheadSec: gap };
          }
          out.push(t);
        }
      }
      return out;
    },
  });
}

/** TrainView.gapAheadSec of a train's gap. */
const gapAheadSec = (g: GapAhead | undefined): number | undefined =>
  g?.gapSec == null ? undefined : Math.round(g.gapSec);

export function arrivalsNode(
  trips: Series<TripStatusTick>,
  cancelled: Series<ReadonlyMap<string, readonly ScheduledTrip[]>>,
  net: TransitNetwork,
): Series<ReadonlyMap<string, StationArrivals>> {
  return node({
    name: "subway.arrivals",
    inputs: { trips, cancelled },
    passive: ["cancelled"],
    state: () => new ArrivalBoard(),
    onTick: ({ inputs, state }) => {
      const v = inputs.trips.value;
      const gone = inputs.cancelled.valid
        ? inputs.cancelled.value
        : new Map<string, readonly ScheduledTrip[]>();
      const before = new Map<string, ReadonlySet<string>>();
      for (const f of v.changed) {
        const feed = state.feed(f);
        before.set(f, feed.listed);
        feed.update(v.byFeed.get(f) ?? [], gone.get(f) ?? [], v.now, net);
      }
      state.rebuild(before, v.now);
      return state.snapshot();
    },
  });
}
