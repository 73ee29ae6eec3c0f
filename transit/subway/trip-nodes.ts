/**
 * The per-trip half of the subway graph as engine nodes: the tracker (one
 * state for all eight interleaved feeds), typical travel times, each trip's
 * delay and stall at the engine's time, cancelled trips, the trains for the
 * map and the arrivals per station. The logic lives in plain modules; these
 * only wire it to the engine and decide when to tick.
 */
import type { SubwayFeedSnapshot } from "../../adapters/subway";
import { node, type Series } from "../../engine";
import type { StationArrivals, TrainView } from "../contract";
import type { ScheduledTrip, TransitNetwork } from "../network";
import { stationArrivals } from "./arrivals";
import { cancelledTrips } from "./cancelled";
import { trainViews } from "./train-views";
import { TravelTimes } from "./travel-times";
import { type TypicalSec, tripStatus } from "./trip-delay";
import { TripTracker } from "./trip-tracker";
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
      if (inputs.clock.ticked && state.expire(now())) changed = true;
      if (!changed) return undefined;
      return { trips: state.tripList(), made, feeds: state.feedStates(), feed, routes: state.routes() };
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
      if (tick.feed !== null) state.observePredictions(tick.trips.filter((t) => t.feed === tick.feed));
      return state;
    },
  });
}

export interface TripStatusTick {
  now: number;
  statuses: readonly TripStatus[];
  /** Network routes and routes seen in feeds, sorted. */
  routes: readonly string[];
  trips: readonly TrackedTrip[];
  typical: TypicalSec;
}

/** Every trip's delay and stall as of now: on each tracker tick and on the clock (delays grow with time). */
export function tripStatusesNode(
  tracked: Series<TrackerTick>,
  travel: Series<TravelTimes>,
  clock: Series<unknown>,
  net: TransitNetwork,
): Series<TripStatusTick> {
  const scheduleOnly = new TravelTimes(net);
  return node({
    name: "subway.trip_status",
    inputs: { tracked, travel, clock },
    passive: ["travel"],
    onTick: ({ inputs, now }) => {
      const t = now();
      const tt = inputs.travel.valid ? inputs.travel.value : scheduleOnly;
      const typical: TypicalSec = (d, a, b) => tt.typicalSec(d, a, b);
      const trips = inputs.tracked.valid ? inputs.tracked.value.trips : [];
      return {
        now: t,
        statuses: trips.map((trip) => tripStatus(trip, t, typical)),
        routes: inputs.tracked.valid ? inputs.tracked.value.routes : net.routeIds(),
        trips,
        typical,
      };
    },
  });
}

/** Scheduled trips left out of their feed within its replacement periods; recomputed per feed snapshot. */
export function cancelledNode(tracked: Series<TrackerTick>, net: TransitNetwork): Series<readonly ScheduledTrip[]> {
  return node({
    name: "subway.cancelled",
    inputs: { tracked },
    state: () => new Map<string, ScheduledTrip[]>(),
    onTick: ({ inputs, state }) => {
      const tick = inputs.tracked.value;
      for (const f of tick.feeds.values())
        if (tick.feed === null || f.feed === tick.feed)
          state.set(f.feed, f.matchKeys.size > 0 ? cancelledTrips(f, net) : []);
      const all: ScheduledTrip[] = [];
      for (const feed of [...state.keys()].sort()) all.push(...state.get(feed)!);
      return all;
    },
  });
}

export function trainsNode(trips: Series<TripStatusTick>, net: TransitNetwork): Series<TrainView[]> {
  return node({
    name: "subway.trains",
    inputs: { trips },
    onTick: ({ inputs }) => {
      const v = inputs.trips.value;
      return trainViews(v.statuses, v.now, net, v.typical);
    },
  });
}

export function arrivalsNode(
  trips: Series<TripStatusTick>,
  cancelled: Series<readonly ScheduledTrip[]>,
  net: TransitNetwork,
): Series<ReadonlyMap<string, StationArrivals>> {
  return node({
    name: "subway.arrivals",
    inputs: { trips, cancelled },
    passive: ["cancelled"],
    onTick: ({ inputs }) => {
      const v = inputs.trips.value;
      return stationArrivals(v.statuses, inputs.cancelled.valid ? inputs.cancelled.value : [], v.now, net);
    },
  });
}
